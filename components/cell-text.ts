// How a published cell is shown in the popup's tables: as the auditor would read it on the page.
// Blank stays blank, '/' stays '/', a unit written in the cell stays with its figure; otherwise the
// figure as read (full-width digits, padding and thousands separators normalised away).
import type { ReportCell } from '@/lib/report';

const AS_PUBLISHED = new Set<ReportCell['flags'][number]>(['not_applicable', 'not_a_number', 'zero_word', 'unit', 'unit_converted']);

export function cellText(cell: ReportCell | undefined): string {
  if (!cell) return '';
  if (cell.flags.includes('blank')) return '';
  if (cell.value !== null && cell.unit && !cell.flags.includes('unit_converted')) return `${cell.value}${cell.unit}`;
  if (cell.value === null || cell.flags.some((f) => AS_PUBLISHED.has(f))) return cell.raw.replace(/\s+/g, ' ').trim();
  return String(cell.value);
}

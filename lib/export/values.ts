// What an export shows for a cell: the parsed number, else the raw text when there is any.
import type { ReportCell } from '../report';
import type { Field } from './neutralize';

/** Blank as the page shows it: nothing but white space (NBSP, U+3000, zero-width included). */
export function isBlank(raw: string): boolean {
  return /^[\s\u200b\ufeff]*$/.test(raw);
}

/**
 * The number a leftover or unrecognised cell holds when its text is a plain number
 * (full-width digits and surrounding spaces allowed; no units, no thousands separators):
 * those cells never went through the core's value parser, so this stays deliberately strict.
 */
export function plainNumber(raw: string): number | null {
  const s = raw.normalize('NFKC').trim();
  return /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(s) ? Number(s) : null;
}

/** A recognised cell in one field: value, else raw text when not blank, else empty. */
export function shownValue(cell: Pick<ReportCell, 'value' | 'raw'>): Field {
  if (cell.value !== null) return cell.value;
  return isBlank(cell.raw) ? null : cell.raw;
}

/** A raw (leftover / unrecognised) cell in one field: plain number, else the text, else empty. */
export function shownRaw(raw: string): Field {
  if (isBlank(raw)) return null;
  return plainNumber(raw) ?? raw;
}

/** Row label of an unrecognised table: its first non-empty cell, white space folded. */
export function firstText(row: readonly string[]): string {
  const t = row.find((c) => !isBlank(c));
  return t === undefined ? '' : t.replace(/[\s\u200b\ufeff]+/g, ' ').trim();
}

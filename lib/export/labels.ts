// Labels of cell ids for a report. The report's own format first; when it has none (or is
// hybrid) the format its year should use; the other format as fallback, so a hybrid report's
// cells of either format still get their official labels.
import type { Report } from '../report';
import { cellLabels, formatForYear, type CellLabels, type FormatKey } from '../spec';

export type FormatOrder = readonly [FormatKey, FormatKey];

export function formatOrder(report: Pick<Report, 'format' | 'year'>): FormatOrder {
  const own = report.format === 'F2019' || report.format === 'F2021' ? report.format : null;
  const first = own ?? (report.year !== null ? formatForYear(report.year) : null) ?? 'F2021';
  return first === 'F2019' ? ['F2019', 'F2021'] : ['F2021', 'F2019'];
}

export function labelsOf(order: FormatOrder, id: string): CellLabels | null {
  return cellLabels(order[0], id) ?? cellLabels(order[1], id);
}

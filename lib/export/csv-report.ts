// Report CSV: one line per report, one column per cell id of either format (allCellIds), so
// the reports of many agencies or years stack into one sheet. Cells whose id the spec does not
// define have no column here; the long shape keeps them.
import type { Report } from '../report';
import { allCellIds } from '../spec';
import { writeCsv } from './csv';
import type { Field } from './neutralize';
import { shownValue } from './values';

export const REPORT_BASE = ['source', 'agency', 'year', 'format', 'errors', 'warnings'] as const;

export function reportRow(r: Report, ids: readonly string[]): Field[] {
  const byId = new Map<string, Field>();
  for (const c of r.cells) if (!byId.has(c.id)) byId.set(c.id, shownValue(c));
  const count = (s: 'error' | 'warning') => r.findings.filter((f) => f.severity === s).length;
  return [r.source, r.agency, r.year, r.format, count('error'), count('warning'), ...ids.map((id) => byId.get(id) ?? null)];
}

export function toReportCsv(reports: readonly Report[], bom = false): string {
  const ids = allCellIds();
  return writeCsv([...REPORT_BASE, ...ids], reports.map((r) => reportRow(r, ids)), bom);
}

// Orders findings as the popup lists them and indexes them by cell, so each table cell knows
// which findings involve it (and whether it is the cell a finding is about: its first cell).
import type { Finding, Report, Severity } from '@/lib/report';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface IndexedFinding {
  /** position in the popup's list: used for element ids (finding-3) */
  n: number;
  finding: Finding;
}

export interface FindingIndex {
  /** errors, then warnings (structural problems included), then info */
  ordered: IndexedFinding[];
  /** error and warning findings by the cells they involve */
  byCell: Map<string, IndexedFinding[]>;
  errors: number;
  warnings: number;
  infos: number;
}

export function indexFindings(report: Report): FindingIndex {
  const ordered = report.findings
    .map((finding, i) => ({ finding, i }))
    .sort((a, b) => ORDER[a.finding.severity] - ORDER[b.finding.severity] || a.i - b.i)
    .map(({ finding }, n) => ({ n, finding }));
  const byCell = new Map<string, IndexedFinding[]>();
  // informational notes do not mark cells: a ⚠ must mean something does not add up
  for (const f of ordered.filter((x) => x.finding.severity !== 'info')) {
    for (const id of new Set(f.finding.cells)) {
      const list = byCell.get(id) ?? [];
      list.push(f);
      byCell.set(id, list);
    }
  }
  const count = (s: Severity) => ordered.filter((f) => f.finding.severity === s).length;
  return { ordered, byCell, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

/** The most serious severity among findings (for the colour and border of a marked cell). */
export function worstSeverity(list: IndexedFinding[]): Severity {
  return list.reduce<Severity>((w, f) => (ORDER[f.finding.severity] < ORDER[w] ? f.finding.severity : w), 'info');
}

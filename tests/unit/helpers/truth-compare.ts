// A Report against a truth file of the corpus format (../shared/corpus/README.md): every listed
// value exact (null = blank), every listed finding found at its severity, no other error, the
// year and format right (and the agency, where asked). The list of problems is empty when the report is right.
import type { Report, ReportCell } from '../../../lib/report';
import type { Truth } from '../shared-data';

function sameValue(cell: ReportCell | undefined, want: number | string | null): string | null {
  if (!cell) return 'missing';
  if (want === null) return cell.value === null && cell.raw.trim() === '' ? null : `expected blank, got ${cell.value} (${JSON.stringify(cell.raw)})`;
  if (typeof want === 'number') return cell.value !== null && Math.abs(cell.value - want) < 1e-9 ? null : `expected ${want}, got ${cell.value} (${JSON.stringify(cell.raw)})`;
  const raw = cell.raw.replace(/\s+/g, '');
  const withUnit = cell.value !== null ? `${cell.value}${cell.unit ?? ''}` : raw;
  return raw === want || withUnit === want ? null : `expected ${JSON.stringify(want)}, got ${JSON.stringify(cell.raw)}`;
}

export function compareWithTruth(report: Report, truth: Truth, opts: { agency?: boolean } = {}): string[] {
  const problems: string[] = [];
  const byId = new Map(report.cells.map((c) => [c.id, c]));
  for (const [id, want] of Object.entries(truth.cells)) {
    const p = sameValue(byId.get(id), want);
    if (p) problems.push(`${id}: ${p}`);
  }
  for (const f of truth.findings) {
    const hit = report.findings.find((g) => g.rule === f.rule && g.cells.includes(f.cell));
    if (!hit) problems.push(`finding ${f.rule} on ${f.cell} not reported`);
    else if (f.severity === 'error' && hit.severity !== 'error') problems.push(`finding ${f.rule} on ${f.cell} should be an error, is ${hit.severity}`);
    else if (f.severity === 'warning' && hit.severity === 'error') problems.push(`finding ${f.rule} on ${f.cell} should not be an error`);
  }
  for (const g of report.findings) {
    if (g.severity !== 'error') continue;
    if (!truth.findings.some((f) => f.rule === g.rule && g.cells.includes(f.cell) && f.severity !== 'warning')) problems.push(`unexpected error ${g.rule}: ${g.message.zh}`);
  }
  if (truth.year !== null && report.year !== truth.year) problems.push(`year ${report.year}, expected ${truth.year}`);
  if (truth.format !== null && report.format !== truth.format) problems.push(`format ${report.format}, expected ${truth.format}`);
  // a report may name itself by the start of the truth's name (平潭综合实验区 for 平潭综合实验区管理委员会)
  if (opts.agency && truth.agency && !(report.agency && truth.agency.startsWith(report.agency))) problems.push(`agency ${report.agency}, expected ${truth.agency}`);
  return problems;
}

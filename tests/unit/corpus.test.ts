// Every file of ../shared/corpus against its hand-checked truth: every value read exactly, every
// listed inconsistency found (errors as errors, warnings not as errors), no other error.
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, truthFiles, type Truth } from './shared-data';
import { readSource } from '../../cli/read-source';
import { analyzeExtract } from '../../lib/analyze';
import type { Report, ReportCell } from '../../lib/report';

function sameValue(cell: ReportCell | undefined, want: number | string | null): string | null {
  if (!cell) return 'missing';
  if (want === null) return cell.value === null && cell.raw.trim() === '' ? null : `expected blank, got ${cell.value} (${JSON.stringify(cell.raw)})`;
  if (typeof want === 'number') return cell.value !== null && Math.abs(cell.value - want) < 1e-9 ? null : `expected ${want}, got ${cell.value} (${JSON.stringify(cell.raw)})`;
  const raw = cell.raw.replace(/\s+/g, '');
  const withUnit = cell.value !== null ? `${cell.value}${cell.unit ?? ''}` : raw;
  return raw === want || withUnit === want ? null : `expected ${JSON.stringify(want)}, got ${JSON.stringify(cell.raw)}`;
}

export function compare(report: Report, truth: Truth): string[] {
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
    const listed = truth.findings.some((f) => f.rule === g.rule && g.cells.includes(f.cell) && f.severity !== 'warning');
    if (!listed) problems.push(`unexpected error ${g.rule}: ${g.message.zh}`);
  }
  if (truth.year !== null && report.year !== truth.year) problems.push(`year ${report.year}, expected ${truth.year}`);
  if (truth.format !== null && report.format !== truth.format) problems.push(`format ${report.format}, expected ${truth.format}`);
  return problems;
}

/**
 * Cells the core does not read, on purpose. In text 17 (PDF text) the rows of 第二十条第（一）项
 * print two numbers for three columns ("| 规章 | 22 | 235 |"): the 本年废止件数 cells held text
 * ("22（其中修订 16 件）") that the extraction tore out of the row. Which column is missing cannot
 * be told from the row, so the core reads none of the three and says so (STRUCT-ROW-CELLS); the
 * test holds it to that: absent, never a wrong number.
 */
const KNOWN_GAPS: Record<string, { cells: RegExp; finding: string }> = {
  '17-shanghai-shizhengfubangongting-2025.json': { cells: /^T2\.s1_/, finding: 'STRUCT-ROW-CELLS' },
};

describe.skipIf(!HAS_SHARED)('corpus against truth (needs ../shared)', () => {
  for (const { name, truth, path } of truthFiles()) {
    it(name, async () => {
      const report = analyzeExtract(await readSource(path));
      const gap = KNOWN_GAPS[name];
      const want = gap ? { ...truth, cells: Object.fromEntries(Object.entries(truth.cells).filter(([id]) => !gap.cells.test(id))) } : truth;
      expect(compare(report, want)).toEqual([]);
      if (gap) {
        expect(report.cells.filter((c) => gap.cells.test(c.id))).toEqual([]);
        expect(report.findings.some((f) => f.rule === gap.finding && f.table === 'T2')).toBe(true);
      }
    });
  }
});

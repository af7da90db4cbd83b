// Every PDF of ../shared/corpus-files against its truth, read by readPdf (pdfjs's legacy build, as
// the CLI loads it) and analysed like a page: every value exact, every finding found, no false error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED, type Truth } from './shared-data';
import { readPdf } from '../../lib/extract/pdf';
import { analyzeExtract } from '../../lib/analyze';
import { loadPdfjsNode } from '../../cli/pdfjs-node';
import type { Report, ReportCell } from '../../lib/report';

const DIR = join(SHARED, 'corpus-files');
const HAS_FILES = existsSync(join(DIR, 'pdf')) && existsSync(join(DIR, 'truth'));
if (!HAS_FILES) console.warn(`[tests] ${DIR} not found: "corpus PDFs (needs ../shared)" is skipped.`);

function sameValue(cell: ReportCell | undefined, want: number | string | null): string | null {
  if (!cell) return 'missing';
  if (want === null) return cell.value === null && cell.raw.trim() === '' ? null : `expected blank, got ${cell.value} (${JSON.stringify(cell.raw)})`;
  if (typeof want === 'number') return cell.value !== null && Math.abs(cell.value - want) < 1e-9 ? null : `expected ${want}, got ${cell.value} (${JSON.stringify(cell.raw)})`;
  const raw = cell.raw.replace(/\s+/g, '');
  const withUnit = cell.value !== null ? `${cell.value}${cell.unit ?? ''}` : raw;
  return raw === want || withUnit === want ? null : `expected ${JSON.stringify(want)}, got ${JSON.stringify(cell.raw)}`;
}

/** The corpus comparison (tests/unit/corpus.test.ts): values, listed findings, no other error, year and format. */
function compare(report: Report, truth: Truth): string[] {
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
  if (truth.agency !== null && report.agency !== truth.agency && !truth.agency.startsWith(report.agency ?? '\u0000')) problems.push(`agency ${report.agency}, expected ${truth.agency}`);
  return problems;
}

const files = HAS_FILES ? readdirSync(join(DIR, 'pdf')).filter((f) => f.endsWith('.pdf')).sort() : [];

describe.skipIf(!HAS_FILES)('corpus PDFs against truth (needs ../shared)', () => {
  it('are there to read', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of files) {
    it(name, async () => {
      const truth = JSON.parse(readFileSync(join(DIR, 'truth', `${name}.json`), 'utf8')) as Truth;
      const rt = await loadPdfjsNode();
      const extract = await readPdf(new Uint8Array(readFileSync(join(DIR, 'pdf', name))), { source: name, ...rt });
      expect(extract.notice ?? null).toBeNull();
      expect(extract.grids.length).toBeGreaterThan(0);
      expect(extract.grids.every((g) => g.source === 'pdf' && g.cells.every((c) => c.page !== undefined && c.page >= 1))).toBe(true);
      const report = analyzeExtract(extract);
      expect(report.isReport).toBe(true);
      expect(compare(report, truth)).toEqual([]);
      // the popup can say where a figure is: its page
      expect(report.cells.filter((c) => c.value !== null).every((c) => (c.loc?.page ?? 0) >= 1)).toBe(true);
    });
  }
});

// Every PDF of ../shared/corpus-files against its truth, read by readPdf (pdfjs's legacy build, as
// the CLI loads it) and analysed like a page: every value exact, every finding found, no false error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED, type Truth } from './shared-data';
import { readPdf } from '../../lib/extract/pdf';
import { analyzeExtract } from '../../lib/analyze';
import { loadPdfjsNode } from '../../cli/pdfjs-node';
import { compareWithTruth } from './helpers/truth-compare';

const DIR = join(SHARED, 'corpus-files');
const HAS_FILES = existsSync(join(DIR, 'pdf')) && existsSync(join(DIR, 'truth'));
if (!HAS_FILES) console.warn(`[tests] ${DIR} not found: "corpus PDFs (needs ../shared)" is skipped.`);

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
      expect(compareWithTruth(report, truth, { agency: true })).toEqual([]);
      // the popup can say where a figure is: its page
      expect(report.cells.filter((c) => c.value !== null).every((c) => (c.loc?.page ?? 0) >= 1)).toBe(true);
    });
  }
});

// The pages built from the seeds (tests/fixtures/seeds, in the shapes real sites use: Word-pasted
// markup, a clean CMS table, table 3 cut in two at a page break) read exactly like the seed texts:
// the same figures under the same ids, the same errors, the same agency, year and format.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, seedPath } from './shared-data';
import { analyzeText, analyzeExtract } from '../../lib/analyze';
import { htmlToExtract } from '../../cli/read-source';
import type { Report } from '../../lib/report';

const DIR = join(__dirname, '../fixtures/seeds');
const pages = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.html')).sort() : [];
const fromPage = (file: string) => analyzeExtract(htmlToExtract(readFileSync(join(DIR, file), 'utf8'), file));
const errorKeys = (r: Report) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}:${f.col ?? f.row ?? ''}`).sort();
const figures = (r: Report) => Object.fromEntries(r.cells.map((c) => [c.id, c.value]));

describe('seed fixture pages', () => {
  it('exist in three shapes for each of the five seeds', () => {
    const stems = new Set(pages.map((p) => p.split('.')[0]));
    expect(stems.size).toBe(5);
    for (const shape of ['word', 'cms', 'split']) expect(pages.filter((p) => p.includes(`.${shape}.html`))).toHaveLength(5);
  });

  for (const page of pages) {
    it(`${page}: a report with its tables, and every unrecognised cell kept`, () => {
      const r = fromPage(page);
      expect(r.isReport).toBe(true);
      expect(r.tables).toEqual(['T2', 'T3', 'T4']);
      expect(r.format).toBe('F2019');
      expect(r.year).toBe(2020);
    });
  }

  describe.skipIf(!HAS_SHARED)('against the seed texts (needs ../shared)', () => {
    for (const page of pages) {
      it(`${page} reads as its seed text does`, () => {
        const stem = page.split('.')[0]!;
        const text = analyzeText(readFileSync(seedPath(stem), 'utf8'), stem);
        const html = fromPage(page);
        expect(figures(html)).toEqual(figures(text));
        expect(errorKeys(html)).toEqual(errorKeys(text));
        expect(html.agency).toBe(text.agency);
        const structural = (r: Report) => [...new Set(r.findings.filter((f) => f.rule.startsWith('STRUCT')).map((f) => f.rule))].sort();
        expect(structural(html)).toEqual(structural(text));
        const kept = (r: Report) => r.leftovers.map((l) => l.cells.map((c) => c.trim()).join('|'));
        expect(kept(html)).toEqual(kept(text));
      });
    }
  });
});

// The project's own test pages (tests/fixtures/) are well-formed and faithful to the seeds:
// every figure transcribed in seed-tables.json is on every rendered page, no figure is added or
// lost, table 3 has the rows the transcription says, and the transcription itself follows the
// seed text figure by figure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, seedPath } from './shared-data';

interface Cell {
  t: string;
  rs?: number;
  cs?: number;
}
type Row = Cell[];
interface Seed {
  title: string;
  agency: string;
  year: number;
  pageBreakAfter: string | null;
  tables: Record<'T2' | 'T3' | 'T4', { parts: Row[][] }>;
}

const FIXTURES = resolve(__dirname, '../fixtures');
const SEEDS_DIR = join(FIXTURES, 'seeds');
const seeds = JSON.parse(readFileSync(join(SEEDS_DIR, 'seed-tables.json'), 'utf8')) as Record<string, Seed>;
const STEMS = Object.keys(seeds).sort();
const SHAPES = ['word', 'cms', 'split', 'split-noheader'] as const;
type Shape = (typeof SHAPES)[number];

/** Whitespace (incl. NBSP, U+3000) removed; numeric-looking = a whole number, with 元/万元 if any. */
const norm = (s: string) => s.replace(/\s/g, '');
const numeric = (s: string) => /^-?[0-9]+(\.[0-9]+)?(元|万元)?$/.test(norm(s));
const sorted = (xs: string[]) => [...xs].sort();

function jsonCells(seed: Seed): Cell[] {
  return (['T2', 'T3', 'T4'] as const).flatMap((t) => seed.tables[t].parts.flat(2));
}
const jsonNumbers = (seed: Seed) => jsonCells(seed).map((c) => c.t).filter(numeric).map(norm);

function pages(stem: string): { shape: Shape; file: string }[] {
  return SHAPES.map((shape) => ({ shape, file: join(SEEDS_DIR, `${stem}.${shape}.html`) })).filter((p) =>
    existsSync(p.file),
  );
}

function load(file: string) {
  const html = readFileSync(file, 'utf8');
  return { html, document: parseHTML(html).document };
}

describe('seed fixture pages', () => {
  it('every seed has its word, cms and split page, and nothing else is lying around', () => {
    for (const stem of STEMS) {
      expect(pages(stem).map((p) => p.shape).slice(0, 3)).toEqual(['word', 'cms', 'split']);
    }
    expect(STEMS.filter((s) => existsSync(join(SEEDS_DIR, `${s}.split-noheader.html`)))).toHaveLength(1);
    const known = new Set(STEMS.flatMap((s) => pages(s).map((p) => p.file.split('/').pop())));
    const html = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.html'));
    expect(html.filter((f) => !known.has(f))).toEqual([]);
  });

  for (const stem of STEMS) {
    const seed = seeds[stem]!;
    for (const { shape, file } of pages(stem)) {
      describe(`${stem}.${shape}.html`, () => {
        const { html, document } = load(file);
        const tables = [...document.querySelectorAll('table')];

        it('is a complete page: doctype, charset, the title as printed, a 发布日期 line, no script', () => {
          expect(html.startsWith('<!doctype html><html><head><meta charset="utf-8"><title>')).toBe(true);
          expect(document.querySelector('title')?.textContent).toBe(seed.title);
          expect(document.body.textContent).toContain('发布日期');
          expect(document.querySelectorAll('script')).toHaveLength(0);
          // table 2 and 4 once each; table 3 once, or in two parts
          expect(tables.length === 3 || tables.length === 4).toBe(true);
        });

        it('holds exactly the figures of seed-tables.json (as a multiset over all <td>)', () => {
          const onPage = [...document.querySelectorAll('td')]
            .map((td) => td.textContent ?? '')
            .filter(numeric)
            .map(norm);
          expect(sorted(onPage)).toEqual(sorted(jsonNumbers(seed)));
        });

        it("has table 3's rows as transcribed", () => {
          const t3 = tables.slice(1, -1);
          const parts = seed.tables.T3.parts;
          const rows = parts.reduce((n, p) => n + p.length, 0);
          // a split page of a one-part table repeats the 3 header rows (unless split-noheader)
          const expected = shape === 'split' && parts.length === 1 ? rows + 3 : rows;
          expect(t3.length).toBe(shape.startsWith('split') || parts.length > 1 ? 2 : 1);
          expect(t3.reduce((n, t) => n + t.querySelectorAll('tr').length, 0)).toBe(expected);
        });

        if (shape === 'word' || shape === 'cms') {
          it('prints every transcribed cell text, labels included, with its spans', () => {
            const onPage = [...document.querySelectorAll('td')].map((td) => {
              const rs = td.getAttribute('rowspan');
              const cs = td.getAttribute('colspan');
              return `${norm(td.textContent ?? '')}|${rs ?? 1}|${cs ?? 1}`;
            });
            const expected = jsonCells(seed).map((c) => `${norm(c.t)}|${c.rs ?? 1}|${c.cs ?? 1}`);
            expect(sorted(onPage)).toEqual(sorted(expected));
          });
        }
      });
    }
  }
});

describe.skipIf(!HAS_SHARED)('seed-tables.json against the seed texts (needs ../shared)', () => {
  for (const stem of STEMS) {
    it(`${stem}: the transcribed figures are the seed's figures, in the seed's order`, () => {
      const text = readFileSync(seedPath(stem), 'utf8');
      const inSeed = text.split(/[\t\n]/).filter(numeric).map(norm);
      expect(jsonNumbers(seeds[stem]!)).toEqual(inSeed);
    });
  }
});

if (!HAS_SHARED) {
  describe('seed-tables.json against the seed texts (needs ../shared)', () => {
    it.skip('skipped: ../shared/seeds is absent, so the transcription cannot be compared with the seeds', () => {});
  });
}

describe('other fixture pages', () => {
  const dir = join(FIXTURES, 'pages');
  const files = ['news.html', 'report-list.html', 'format-notice.html', 'attachment-only.html', 'image-tables.html'];
  for (const f of files) {
    it(`${f} is a complete page with a title`, () => {
      const { html, document } = load(join(dir, f));
      expect(html.startsWith('<!doctype html><html><head><meta charset="utf-8"><title>')).toBe(true);
      expect((document.querySelector('title')?.textContent ?? '').length).toBeGreaterThan(4);
    });
  }

  it('format-notice.html holds the blank 2021 template: every label, no figure', () => {
    const { document } = load(join(dir, 'format-notice.html'));
    const tds = [...document.querySelectorAll('td')].map((td) => norm(td.textContent ?? ''));
    expect(tds.filter(numeric)).toEqual([]);
    for (const label of [
      '本年制发件数',
      '本年收费金额（单位：万元）',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '3.其他',
      '（七）总计',
      '四、结转下年度继续办理',
      '复议后起诉',
    ])
      expect(tds).toContain(label);
  });

  it('attachment-only.html and image-tables.html have no tables; the attachments are .pdf and .docx links', () => {
    const a = load(join(dir, 'attachment-only.html')).document;
    expect(a.querySelectorAll('table')).toHaveLength(0);
    const hrefs = [...a.querySelectorAll('a')].map((x) => x.getAttribute('href') ?? '');
    expect(hrefs.some((h) => h.endsWith('.pdf'))).toBe(true);
    expect(hrefs.some((h) => h.endsWith('.docx'))).toBe(true);
    const i = load(join(dir, 'image-tables.html')).document;
    expect(i.querySelectorAll('table')).toHaveLength(0);
    expect(i.querySelectorAll('img').length).toBeGreaterThanOrEqual(3);
  });
});

describe('demo samples', () => {
  const dir = resolve(__dirname, '../../demo/samples');
  it('are byte-for-byte copies of the fixtures they name', () => {
    const pairs: [string, string][] = [
      ['003_ed735561ce7e8ab6.word.html', join(SEEDS_DIR, '003_ed735561ce7e8ab6.word.html')],
      ['002_09235f57ffce7de4.cms.html', join(SEEDS_DIR, '002_09235f57ffce7de4.cms.html')],
      ['format-notice.html', join(FIXTURES, 'pages', 'format-notice.html')],
    ];
    for (const [sample, source] of pairs) {
      expect(readFileSync(join(dir, sample), 'utf8')).toBe(readFileSync(source, 'utf8'));
    }
    const index = load(join(dir, 'index.html')).document;
    const links = [...index.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(pairs.map(([s]) => s)));
  });
});

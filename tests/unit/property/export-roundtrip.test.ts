// Property: what the exports write reads back (papaparse, RFC 4180) as the Report that was
// exported — figures and raw texts — for generated report pages with formula-like texts injected
// into figure cells and extra tables the recogniser does not know (exported raw as other-1, other-2 …);
// every text field that a spreadsheet would run is neutralised, while the numbers we parsed stay
// numbers (-8 stays -8); and every non-empty cell of the page reaches the export.
// lib/export/*.test.ts check each shape on hand-made Reports; this file checks them on pages.
// Runs: PROPERTY_RUNS (CI: 2000) / 4, default 50.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractPage } from '../../../lib/extract/page';
import { parseCellValue } from '../../../lib/extract/number';
import { analyzeExtract } from '../../../lib/analyze';
import { Report } from '../../../lib/report';
import { cellIds } from '../../../lib/spec';
import { FORMULA_START, toCsv, toJson, toTsv, WIDE_BASE, wideSpecColumns } from '../../../lib/export';
import { safeField, type Field } from '../../../lib/export/neutralize';
import { isBlank, shownRaw, shownValue } from '../../../lib/export/values';
import { lineEndsOk, unneutralize } from '../../../lib/export/test-reports';
import { isFigureCell } from '../../../lib/recognize/row-parts';
import type { PageExtract } from '../../../lib/extract/types';
import { esc } from '../../fixtures/seeds/render';
import { HTML_PAD, HTML_SHAPES, htmlPage, reportArb, styleArb, type GenPage, type Overrides } from '../../fixtures/generate';
import { differences, runs, timeoutFor } from './verify';

const RUNS = Math.max(25, Math.ceil(runs(200) / 4));
vi.setConfig({ testTimeout: timeoutFor(RUNS) });

/** Texts a spreadsheet would run, and their neighbours: each must come out neutralised, or as a number. */
const FORMULA_TEXTS = ['=1+1', '+12', '@SUM(A1)', '\tx', '\r\nx', "=cmd|' /C calc'!A0", '-2+3', '=A1\n=B2', '@', '-8', '+5', '-0', '－7', '−3件', '=HYPERLINK("http://x?a,b")'];
/** Texts a CSV writer must quote. */
const QUOTE_TEXTS = ['a,b', 'x"y', ' lead', 'trail ', 'N/A', '1,2,3', 'a\nb'];
/** Texts of the extra tables: as above, and ordinary ones. */
const EXTRA_TEXTS = [...FORMULA_TEXTS, ...QUOTE_TEXTS, '"quoted', '项目', '数量', '１２', '12', '-3', '3.5', ' 7 ', '\u00a0', '', '=SUM(A1:A9)', 'x\r\ny', '合计'];

interface Case {
  page: GenPage;
  html: string;
  extract: PageExtract;
  report: Report;
  extraTables: string[][][];
}

function caseArb(opts: { quotes: boolean }): fc.Arbitrary<Case> {
  const texts = opts.quotes ? EXTRA_TEXTS : EXTRA_TEXTS.filter((t) => !t.startsWith('"'));
  return fc
    .record({
      report: reportArb(),
      style: styleArb(HTML_PAD),
      shape: fc.constantFrom(...HTML_SHAPES),
      picks: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FORMULA_TEXTS, ...QUOTE_TEXTS)), { maxLength: 6 }),
      extra: fc.array(fc.array(fc.array(fc.constantFrom(...texts), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
    })
    .map(({ report, style, shape, picks, extra }) => {
      const ids = cellIds(report.format);
      const overrides: Overrides = {};
      for (const [i, text] of picks) {
        const p = parseCellValue(text);
        overrides[ids[i % ids.length]!] = { text, value: p.value, unit: p.unit };
      }
      const page = htmlPage(report, style, shape, overrides);
      const tables = extra.map((rows) => `<p>附表</p><table>${rows.map((r) => `<tr>${r.map((t) => `<td>${esc(t)}</td>`).join('')}</tr>`).join('')}</table>`);
      const html = page.source.replace('</body>', `${tables.join('')}</body>`);
      const extract = extractPage(parseHTML(html).document as unknown as Document, 'https://www.example.gov.cn/a,b"c.html');
      return { page, html, extract, report: analyzeExtract(extract, { readAt: '2026-01-01T00:00:00.000Z' }), extraTables: extra };
    });
}

/** CSV as a reader that knows it is comma-separated parses it (papaparse's delimiter guessing can
 *  pick a tab where many fields hold tabs, which says nothing about the file). */
function parseCsv(text: string): string[][] {
  const { data, errors } = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' });
  expect(errors).toEqual([]);
  const last = data[data.length - 1];
  return last && last.length === 1 && last[0] === '' ? data.slice(0, -1) : data;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  for (const r of rows) expect(r).toHaveLength(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** A field as the CSV writer writes it, read back by papaparse. */
const written = (f: Field) => String(safeField(f));

/** Every field the page gave: recognised cells, leftover cells, unrecognised cells (non-blank). */
function checkNothingLost(c: Case): void {
  const r = c.report;
  // the page → the Report: a figure cell of a recognised table is a cell or a leftover, a cell of
  // any other table is in its raw table
  const placed = new Set(r.cells.map((x) => `${x.loc!.grid},${x.loc!.row},${x.loc!.col}`));
  const leftover = new Set(r.leftovers.flatMap((l) => l.cells));
  const raw = new Map(r.unrecognized.map((t) => [t.grid, new Set(t.rows.flat())]));
  for (const g of c.extract.grids) {
    const own = raw.get(g.index);
    for (const cell of g.cells) {
      if (isBlank(cell.raw)) continue;
      if (own) expect(own.has(cell.raw), `grid ${g.index}: ${JSON.stringify(cell.raw)}`).toBe(true);
      else if (isFigureCell(cell)) expect(placed.has(`${g.index},${cell.row},${cell.col}`) || leftover.has(cell.raw), `grid ${g.index} (${cell.row},${cell.col}) ${JSON.stringify(cell.raw)}`).toBe(true);
    }
  }
  // every extra table printed is kept raw, cell for cell
  const printed = c.extraTables.flat(2).filter((t) => !isBlank(t)).length;
  const kept = r.unrecognized.flatMap((t) => t.rows.flat()).filter((t) => !isBlank(t)).length;
  expect(kept).toBe(printed);
  expect(r.unrecognized.map((t) => t.id)).toEqual(r.unrecognized.map((_, i) => `other-${i + 1}`));
}

/** No text field starts like a formula; a field that does is a number we wrote. */
function checkNeutral(fields: string[]): void {
  for (const f of fields) if (FORMULA_START.test(f)) expect(f, JSON.stringify(f)).toMatch(/^-\d+(\.\d+)?(e-?\d+)?$/);
}

describe('export round trips on generated pages with hostile texts and extra tables', () => {
  it('the pages read right (figures, the injected texts included) before anything is exported', () => {
    fc.assert(
      fc.property(caseArb({ quotes: true }), (c) => {
        const diff = differences(c.page, { ...c.report, unrecognized: [] }).filter((d) => !d.startsWith('findings:'));
        expect(diff).toEqual([]);
        checkNothingLost(c);
      }),
      { numRuns: RUNS },
    );
  });

  it('long CSV: every cell, leftover and raw cell back with its figure and raw text; neutralised', () => {
    fc.assert(
      fc.property(caseArb({ quotes: true }), ({ report: r }) => {
        const csv = toCsv(r);
        expect(lineEndsOk(csv)).toBe(true);
        const recs = records(csv);
        expect(recs).toHaveLength(r.cells.length + r.leftovers.reduce((n, l) => n + l.cells.length, 0) + r.unrecognized.reduce((n, t) => n + t.rows.flat().filter((x) => !isBlank(x)).length, 0));
        r.cells.forEach((cell, i) => {
          const rec = recs[i]!;
          expect(rec.cell_id).toBe(cell.id);
          expect(rec.value).toBe(cell.value === null ? '' : String(cell.value));
          if (cell.value !== null) expect(Number(rec.value)).toBe(cell.value);
          expect(unneutralize(rec.raw!)).toBe(cell.raw);
          expect(rec.unit).toBe(cell.unit ?? '');
        });
        const rest = recs.slice(r.cells.length);
        const los = r.leftovers.flatMap((l) => l.cells);
        expect(rest.slice(0, los.length).map((x) => unneutralize(x.raw!))).toEqual(los);
        const raws = rest.slice(los.length);
        const want = r.unrecognized.flatMap((t) => t.rows.flatMap((row, i) => row.flatMap((x, j) => (isBlank(x) ? [] : [[t.id, String(i + 1), String(j + 1), x]]))));
        expect(raws.map((x) => [x.table, x.row_id, x.col_id, unneutralize(x.raw!)])).toEqual(want);
        checkNeutral(parseCsv(csv).flat());
      }),
      { numRuns: RUNS },
    );
  });

  it('wide CSV: every cell under its column in its row, leftovers and raw rows under extra-n', () => {
    fc.assert(
      fc.property(caseArb({ quotes: true }), ({ report: r }) => {
        const csv = toCsv(r, { shape: 'wide' });
        const recs = records(csv);
        const header = parseCsv(csv)[0]!;
        expect(header.slice(0, WIDE_BASE.length + wideSpecColumns().length)).toEqual([...WIDE_BASE, ...wideSpecColumns()]);
        for (const cell of r.cells) {
          const line = recs.filter((x) => x.table === cell.table && x.row_id === cell.row);
          expect(line, cell.id).toHaveLength(1);
          expect(line[0]![`${cell.table}.${cell.col}`], cell.id).toBe(written(shownValue(cell)));
        }
        for (const t of r.unrecognized) {
          t.rows.forEach((row, i) => {
            if (row.every(isBlank)) return;
            const line = recs.find((x) => x.table === t.id && x.row_id === String(i + 1))!;
            row.forEach((x, j) => expect(line[`extra-${j + 1}`], `${t.id} ${i},${j}`).toBe(written(shownRaw(x))));
          });
        }
        for (const lo of r.leftovers) {
          const line = recs.find((x) => x.table === lo.table && x.row_id === '' && unneutralize(x.row_label!) === lo.label)!;
          lo.cells.forEach((x, j) => expect(line[`extra-${j + 1}`]).toBe(written(shownRaw(x))));
        }
        checkNeutral(parseCsv(csv).flat());
      }),
      { numRuns: RUNS },
    );
  });

  it('report CSV: one line, every cell id of the Report under its column (raw tables are the long shape’s)', () => {
    fc.assert(
      fc.property(caseArb({ quotes: true }), ({ report: r }) => {
        const csv = toCsv([r, r], { shape: 'report' });
        const recs = records(csv);
        expect(recs).toHaveLength(2);
        for (const rec of recs) {
          for (const cell of r.cells) expect(rec[cell.id], cell.id).toBe(written(shownValue(cell)));
          expect(rec.errors).toBe(String(r.findings.filter((f) => f.severity === 'error').length));
          expect(unneutralize(rec.source!)).toBe(r.source);
        }
        checkNeutral(parseCsv(csv).flat());
      }),
      { numRuns: RUNS },
    );
  });

  it('TSV: the tables as they read, every cell and raw cell back (tabs and line breaks as spaces)', () => {
    const tsvField = (f: Field) => written(f).replace(/[\t\r\n]/g, ' ');
    fc.assert(
      fc.property(caseArb({ quotes: false }), ({ report: r }) => {
        const tsv = toTsv(r);
        const parsed = Papa.parse<string[]>(tsv, { delimiter: '\t', newline: '\r\n' });
        expect(parsed.errors).toEqual([]);
        const lines = parsed.data;
        const fields = new Set(lines.flat());
        for (const cell of r.cells) expect(fields.has(tsvField(shownValue(cell))), cell.id).toBe(true);
        // the raw tables: their block, row for row
        for (const t of r.unrecognized) {
          const at = lines.findIndex((l) => l[0] === [t.id, t.caption].filter(Boolean).join(' '));
          expect(at, t.id).toBeGreaterThanOrEqual(0);
          t.rows.forEach((row, i) => expect(lines[at + 1 + i], `${t.id} row ${i}`).toEqual(row.map((x) => tsvField(shownRaw(x)))));
        }
        checkNeutral(lines.flat());
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON: reads back as the same Reports', () => {
    fc.assert(
      fc.property(caseArb({ quotes: true }), ({ report: r }) => {
        const back = (JSON.parse(toJson([r, r])) as unknown[]).map((x) => Report.parse(x));
        expect(back).toEqual([r, r]);
      }),
      { numRuns: RUNS },
    );
  });

  // once a gap: a text starting with a double quote opened a quoted field for papaparse (and for
  // Excel and WPS when pasting) that ran over the following tabs and lines
  it('a cell text starting with a double quote stays one TSV field', () => {
    const [c] = fc.sample(caseArb({ quotes: true }), { numRuns: 1, seed: 7 });
    const rows = [['"quoted', 'a'], ['b', '"x"y"'], ['"', 'c']];
    const r: Report = { ...c!.report, unrecognized: [{ id: 'other-1', caption: '', rows, grid: null }] };
    const parsed = Papa.parse<string[]>(toTsv(r), { delimiter: '\t', newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    const back = parsed.data.filter((l) => l.length === 2 && ['"quoted', 'b', '"'].includes(l[0]!));
    expect(back).toEqual(rows);
  });
});

// Fuzzing the extraction: arbitrary tables (spans of every kind — 0, negative, 65534, 1000, past
// the limits, not numbers —, ragged rows, row groups in any order, nested tables, text with markup
// and control characters) never make lib/extract throw or pass its bounds, and the grids keep their
// promise (lib/extract/types.ts): every slot covered at most once, spans clamped as the HTML
// standard says (colspan 1…1000, rowspan 0…65534, 0 = to the end of the row group), positions as an
// independent implementation of the HTML table model places them. Then parseCellValue on arbitrary
// text. Runs: PROPERTY_RUNS (CI: 2000), default 200.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { extractGrids, extractGridsBounded, GRID_LIMITS, type GridLimits } from '../../../lib/extract/grid';
import { extractPage } from '../../../lib/extract/page';
import { parseCellValue } from '../../../lib/extract/number';
import { makeCell } from '../../../lib/recognize/cells';
import { analyzeExtract } from '../../../lib/analyze';
import { Report, CellFlag } from '../../../lib/report';
import { toCsv, toJson, toTsv } from '../../../lib/export';
import type { Grid } from '../../../lib/extract/types';
import { runs, timeoutFor } from './verify';
import { pageArb } from './fuzz-arbs';

const RUNS = runs();
vi.setConfig({ testTimeout: timeoutFor(RUNS * 5) });

// ------------------------------------------------------------------- the HTML table model, again

/** HTML "rules for parsing non-negative integers": null on error. */
function nonNegative(v: string | null): number | null {
  if (v === null) return null;
  const m = /^[ \t\n\f\r]*([+-]?)([0-9]+)/.exec(v);
  if (!m) return null;
  const n = Number(m[2]!.slice(0, 12));
  return m[1] === '-' && n !== 0 ? null : n;
}

interface Placed {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  th: boolean;
}

const tag = (e: Element) => e.tagName.toLowerCase();

/** Positions by WHATWG "forming a table", with the two bounds the library documents: a rowspan
 *  stops at the end of its row group, and a cell overlapping a rowspan from above stops before it. */
function reference(table: Element): { cells: Placed[]; nrows: number; ncols: number } {
  const groups: Element[][] = [];
  const feet: Element[][] = [];
  let loose: Element[] | null = null;
  for (const child of Array.from(table.children)) {
    const t = tag(child);
    if (t === 'tr') {
      if (!loose) groups.push((loose = []));
      loose.push(child);
    } else if (t === 'thead' || t === 'tbody' || t === 'tfoot') {
      loose = null;
      (t === 'tfoot' ? feet : groups).push(Array.from(child.children).filter((r) => tag(r) === 'tr'));
    }
  }
  const taken = new Set<number>();
  const key = (y: number, x: number) => y * 100_000 + x;
  const cells: Placed[] = [];
  let y = 0;
  let ncols = 0;
  for (const group of [...groups, ...feet]) {
    const end = y + group.length;
    for (const tr of group) {
      let x = 0;
      for (const td of Array.from(tr.children)) {
        if (tag(td) !== 'td' && tag(td) !== 'th') continue;
        while (taken.has(key(y, x))) x++;
        const c = nonNegative(td.getAttribute('colspan'));
        let colspan = c === null || c === 0 ? 1 : Math.min(c, 1000);
        const r = nonNegative(td.getAttribute('rowspan'));
        let rowspan = r === null ? 1 : Math.min(r, 65534);
        rowspan = rowspan === 0 ? end - y : Math.min(rowspan, end - y);
        for (let k = x + 1; k < x + colspan; k++) if (taken.has(key(y, k))) colspan = k - x;
        for (let dy = 0; dy < rowspan; dy++) for (let k = x; k < x + colspan; k++) taken.add(key(y + dy, k));
        cells.push({ row: y, col: x, rowspan, colspan, th: tag(td) === 'th' });
        x += colspan;
        ncols = Math.max(ncols, x);
      }
      y++;
    }
  }
  return { cells, nrows: y, ncols };
}

/** Throws unless the grid keeps the promise of lib/extract/types.ts. */
function invariant(g: Grid, i: number, lim: GridLimits = GRID_LIMITS): void {
  expect(g.index).toBe(i);
  expect(g.caption.length).toBeLessThanOrEqual(200);
  const seen = new Set<number>();
  let prev = -1;
  for (const c of g.cells) {
    const where = `grid ${i} cell (${c.row},${c.col}) ${c.rowspan}x${c.colspan}`;
    expect(c.colspan >= 1 && c.colspan <= 1000, where).toBe(true);
    expect(c.rowspan >= 1 && c.rowspan <= 65534, where).toBe(true);
    expect(c.row >= 0 && c.col >= 0 && c.row + c.rowspan <= g.nrows && c.col + c.colspan <= g.ncols, where).toBe(true);
    expect(c.row * g.ncols + c.col > prev, `${where}: row-major order`).toBe(true);
    prev = c.row * g.ncols + c.col;
    for (let r = c.row; r < c.row + c.rowspan; r++)
      for (let k = c.col; k < c.col + c.colspan; k++) {
        const s = r * g.ncols + k;
        if (seen.has(s)) throw new Error(`${where}: slot (${r},${k}) covered twice`);
        seen.add(s);
      }
    expect(c.text, where).toBe(c.text.trim());
    expect(/\s\s|[\n\t\r]/.test(c.text), where).toBe(false);
    expect(c.raw.length).toBeLessThanOrEqual(lim.maxCellChars);
  }
  expect(g.ncols).toBeLessThanOrEqual(lim.maxCols);
}

const linkedom = (h: string) => parseHTML(h).document as unknown as Document;
const happy = (() => {
  const w = new Window();
  return (h: string) => new w.DOMParser().parseFromString(h, 'text/html') as unknown as Document;
})();

function checkPage(doc: Document, limits?: Partial<GridLimits>): void {
  const tables = Array.from(doc.querySelectorAll('table'));
  const lim = { ...GRID_LIMITS, ...limits };
  const { grids, truncated } = extractGridsBounded(doc, limits);
  grids.forEach((g, i) => invariant(g, i, lim));
  if (!limits) {
    expect(truncated).toBeNull();
    expect(grids).toHaveLength(tables.length);
    grids.forEach((g, i) => {
      const ref = reference(tables[i]!);
      expect(g.cells.map((c) => [c.row, c.col, c.rowspan, c.colspan]), `grid ${i}`).toEqual(ref.cells.map((c) => [c.row, c.col, c.rowspan, c.colspan]));
      expect(g.cells.map((c) => c.header)).toEqual(ref.cells.map((c) => c.th));
      expect([g.nrows, g.ncols]).toEqual([ref.nrows, ref.ncols]);
    });
    return;
  }
  // bounded: never past a limit, and a reason whenever something was left out
  expect(grids.length).toBeLessThanOrEqual(lim.maxTables);
  expect(grids.reduce((n, g) => n + g.cells.length, 0)).toBeLessThanOrEqual(lim.maxCells);
  expect(grids.reduce((n, g) => n + g.nrows, 0)).toBeLessThanOrEqual(lim.maxRows);
  // left out: a table, a cell or part of a cell's text (a colspan cut at maxCols loses nothing)
  const cellsOf = (gs: Grid[]) => gs.map((g) => g.cells.map((c) => `${c.row},${c.col}:${c.raw}`).join('|')).join('#');
  if (cellsOf(extractGrids(doc)) !== cellsOf(grids)) expect(truncated).not.toBeNull();
}

describe('extractGrids on arbitrary tables', () => {
  it(`linkedom: grids match the HTML table model, spans clamped, no slot twice (${RUNS} runs)`, () => {
    fc.assert(fc.property(pageArb, (h) => checkPage(linkedom(h))), { numRuns: RUNS });
  });

  it('happy-dom (implied <tbody>, a browser-like parser): the same', () => {
    fc.assert(fc.property(pageArb, (h) => checkPage(happy(h))), { numRuns: Math.ceil(RUNS / 4) });
  });

  it('tight limits: never past a limit, and the reason given whenever something is left out', () => {
    const limits = { maxTables: 2, maxCells: 25, maxRows: 8, maxCols: 40, maxCellChars: 50, maxTextChars: 400, maxWork: 300 };
    fc.assert(fc.property(pageArb, (h) => checkPage(linkedom(h), limits)), { numRuns: RUNS });
  });

  it('the whole pipeline never throws, and gives a valid Report and its exports', () => {
    fc.assert(
      fc.property(pageArb, (h) => {
        const page = extractPage(linkedom(h), 'fuzz.html');
        const r = analyzeExtract(page, { readAt: '2026-01-01T00:00:00.000Z' });
        expect(() => Report.parse(r)).not.toThrow();
        for (const shape of ['long', 'wide', 'report'] as const) expect(typeof toCsv(r, { shape })).toBe('string');
        expect(JSON.parse(toJson(r))).toHaveLength(1);
        expect(typeof toTsv(r)).toBe('string');
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

// ------------------------------------------------------------------------------- number fuzz

const FLAGS = new Set<string>(CellFlag.options);
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Which texts a number may be read from: after NFKC, invisible marks and white space, a sign, digits
 *  (commas only between groups of three), a fraction, a unit — nothing else. */
const NUMERIC_SHAPE = /^[-+\u2212减增]?\d[\d,]*(\.\d+)?(万元|元|件|个|项|条|份|人次|次|家)?$/;

const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.constantFrom('1', '0', '9', '１', ',', '，', '.', '．', '-', '−', '－', '+', '减', '增', 'e', 'x', '件', '元', '万元', ' ', '\u00a0', '\u3000', '\u200b', '\ufeff', '\u200e', '\u202e', '\u202c', '无', '/', '—'), { maxLength: 12 }).map((xs) => xs.join('')),
);

describe('parseCellValue on arbitrary text', () => {
  it('never throws; a value is a finite number or null; flags from the schema; numbers only from numeric text', () => {
    fc.assert(
      fc.property(textArb, (raw) => {
        const p = parseCellValue(raw);
        expect(p.value === null || Number.isFinite(p.value)).toBe(true);
        expect(Object.is(p.value, -0)).toBe(false);
        expect(p.value === null).toBe(p.kind !== 'number');
        for (const f of p.flags) expect(FLAGS.has(f), f).toBe(true);
        if (p.kind === 'blank') expect(p.flags).toEqual(['blank']);
        if (p.kind !== 'number') expect(p.unit).toBeNull();
        if (p.kind === 'number' && !p.flags.includes('zero_word')) {
          const bare = raw.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, '');
          expect(bare, JSON.stringify(raw)).toMatch(NUMERIC_SHAPE);
          expect(Number.isFinite(p.value)).toBe(true);
        }
        // the raw text is kept as published, whatever it reads as
        const cell = makeCell('T3', 'new', 'np', { raw, text: raw.trim(), row: 0, col: 0, rowspan: 1, colspan: 1, header: false }, 0);
        expect(cell.raw).toBe(raw);
        expect(cell.value).toBe(p.value);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('reads back every number it could be given, however it is printed', () => {
    const printed = fc
      .record({
        int: fc.oneof(fc.nat(999), fc.nat(999_999_999), fc.constant(0)),
        cents: fc.option(fc.nat(99), { freq: 3 }),
        negative: fc.boolean(),
        thousands: fc.boolean(),
        fullWidth: fc.boolean(),
        unit: fc.constantFrom('', '件', '元', '万元'),
        pad: fc.constantFrom('', ' ', '\u00a0', '\u3000', '\u00a0 \u3000'),
        mark: fc.constantFrom('', '\u200b', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202c', '\u2060'),
        at: fc.nat(),
      })
      .map((o) => {
        let digits = String(o.int);
        if (o.thousands) digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        if (o.cents !== null) digits += `.${String(o.cents).padStart(2, '0')}`;
        if (o.fullWidth) digits = digits.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        const at = o.at % (digits.length + 1);
        digits = digits.slice(0, at) + o.mark + digits.slice(at);
        const value = (o.int + (o.cents ?? 0) / 100) * (o.negative ? -1 : 1);
        return { raw: `${o.pad}${o.negative ? '-' : ''}${digits}${o.unit}${o.pad}`, value: value === 0 ? 0 : value, unit: o.unit || null };
      });
    fc.assert(
      fc.property(printed, ({ raw, value, unit }) => {
        const p = parseCellValue(raw);
        expect(p.kind, JSON.stringify(raw)).toBe('number');
        expect(p.value).toBeCloseTo(value, 9);
        expect(p.unit).toBe(unit);
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

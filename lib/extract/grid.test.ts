// @vitest-environment happy-dom
// Every test runs twice: on happy-dom (a browser-like parser: implied <tbody>) and on linkedom,
// which the CLI uses (no implied <tbody>: <tr> stay direct children of <table>).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractGrids, extractGridsBounded, parseSpan } from './grid';
import type { Grid } from './types';

const DOMS: [string, (html: string) => Document][] = [
  ['happy-dom', (html) => new DOMParser().parseFromString(html, 'text/html')],
  ['linkedom', (html) => parseHTML(html).document as unknown as Document],
];

const CORPUS = resolve(__dirname, '../../../shared/corpus/html');
const HAS_CORPUS = existsSync(CORPUS);
if (!HAS_CORPUS) console.warn(`[grid.test] ${CORPUS} not found: tests marked "(needs ../shared)" are skipped.`);

/** Throws unless the grid keeps its promise: spans inside it, at most one cell per slot, row-major order. */
function checkInvariant(g: Grid): void {
  const area = g.nrows * g.ncols;
  const taken = area <= 1e7 ? new Uint8Array(area) : null;
  let prev = -1;
  for (const c of g.cells) {
    const where = `grid ${g.index} cell (${c.row},${c.col}) ${c.rowspan}x${c.colspan}`;
    if (c.rowspan < 1 || c.colspan < 1 || c.row < 0 || c.col < 0) throw new Error(`${where}: bad span`);
    if (c.row + c.rowspan > g.nrows || c.col + c.colspan > g.ncols) throw new Error(`${where}: outside ${g.nrows}x${g.ncols}`);
    const key = c.row * g.ncols + c.col;
    if (key <= prev) throw new Error(`${where}: not in row-major order`);
    prev = key;
    if (taken === null) continue;
    for (let r = c.row; r < c.row + c.rowspan; r++) {
      for (let k = c.col; k < c.col + c.colspan; k++) {
        if (taken[r * g.ncols + k]) throw new Error(`${where}: slot (${r},${k}) covered twice`);
        taken[r * g.ncols + k] = 1;
      }
    }
  }
}

/** The grid drawn as strings: each slot shows the text of the cell covering it, '.' when none does. */
function layout(g: Grid): string[] {
  const m = Array.from({ length: g.nrows }, () => Array<string>(g.ncols).fill('.'));
  for (const c of g.cells) {
    for (let r = c.row; r < c.row + c.rowspan; r++) for (let k = c.col; k < c.col + c.colspan; k++) m[r]![k] = c.text || '_';
  }
  return m.map((row) => row.join(''));
}

describe.each(DOMS)('extractGrids on %s', (_name, parse) => {
  const grids = (html: string): Grid[] => {
    const out = extractGrids(parse(html));
    out.forEach(checkInvariant);
    return out;
  };
  const one = (html: string): Grid => grids(html)[0]!;

  describe('spans', () => {
    it('expands rowspan and colspan', () => {
      const g = one('<table><tr><td rowspan=2>a<td colspan=2>b</tr><tr><td>c<td>d</tr></table>');
      expect(layout(g)).toEqual(['abb', 'acd']);
      expect(g.cells.map((c) => [c.text, c.row, c.col, c.rowspan, c.colspan])).toEqual([
        ['a', 0, 0, 2, 1],
        ['b', 0, 1, 1, 2],
        ['c', 1, 1, 1, 1],
        ['d', 1, 2, 1, 1],
      ]);
    });

    it('places cells around rowspans from rows above', () => {
      const g = one('<table><tr><td rowspan=3>a<td>b<td rowspan=2>c</tr><tr><td>d<td>e</tr><tr><td>f</tr></table>');
      expect(layout(g)).toEqual(['abc.', 'adce', 'af..']);
    });

    it('cuts a colspan that would overlap a rowspan from above (one cell per slot)', () => {
      const g = one('<table><tr><td>a<td rowspan=2>b</tr><tr><td colspan=3>c<td>d</tr></table>');
      expect(layout(g)).toEqual(['ab.', 'cbd']);
      expect(g.cells.find((c) => c.text === 'c')!.colspan).toBe(1);
    });

    it('runs rowspan=0 to the end of its row group, not into the next', () => {
      const g = one(
        '<table><tbody><tr><td rowspan=0>a<td>b<tr><td>c<tr><td>d</tbody><tbody><tr><td>e<td>f</tbody></table>',
      );
      expect(layout(g)).toEqual(['ab', 'ac', 'ad', 'ef']);
    });

    it('never lets a rowspan reach past its row group or the table', () => {
      const g = one('<table><thead><tr><td rowspan=5>h<td>i<tr><td>j</thead><tbody><tr><td>k<td rowspan=9>l</tbody></table>');
      expect(layout(g)).toEqual(['hi', 'hj', 'kl']);
    });

    it('reads colspan 0, negative or garbage as 1, and "2px" as 2', () => {
      const g = one('<table><tr><td colspan=0>a<td colspan=-3>b<td colspan=x>c<td colspan=" 2px">d<td rowspan=-1>e<td rowspan=x>f</tr><tr><td>g</tr></table>');
      expect(layout(g)).toEqual(['abcddef', 'g......']);
    });

    it('clamps colspan at 1000 and rowspan at 65534 (then at the group end)', () => {
      const g = one('<table><tr><td colspan=5000 rowspan=99999>a<td>b</tr><tr><td>c</tr></table>');
      expect(g.cells[0]).toMatchObject({ colspan: 1000, rowspan: 2 });
      expect(g.ncols).toBe(1001);
      expect(g.cells.map((c) => [c.text, c.row, c.col])).toEqual([
        ['a', 0, 0],
        ['b', 0, 1000],
        ['c', 1, 1000],
      ]);
    });

    it('lays rows out in table-model order: tfoot last, direct <tr> as one group', () => {
      const doc = parse('<table><tfoot><tr><td>f</tfoot><tbody><tr><td>b</tbody></table>');
      expect(layout(extractGrids(doc)[0]!)).toEqual(['b', 'f']);
      // a table built by script, with <tr> as direct children in every DOM
      const t = doc.createElement('table');
      for (const [text, span] of [['a', '0'], ['b', '1'], ['c', '1']] as const) {
        const tr = doc.createElement('tr');
        const td = doc.createElement('td');
        td.textContent = text;
        td.setAttribute('rowspan', span);
        tr.appendChild(td);
        t.appendChild(tr);
      }
      const g = extractGrids(t)[0]!;
      checkInvariant(g);
      expect(layout(g)).toEqual(['a.', 'ab', 'ac']);
    });

    it('keeps empty rows and returns empty tables', () => {
      const [empty, rows] = grids('<table></table><table><tr><td>a</td></tr><tr></tr><tr><td>b</td></tr></table>');
      expect(empty).toMatchObject({ index: 0, nrows: 0, ncols: 0, cells: [], source: 'dom' });
      expect(layout(rows!)).toEqual(['a', '.', 'b']);
    });
  });

  describe('cell text', () => {
    it('keeps <br> and block breaks in raw, folds them in text', () => {
      const g = one('<table><tr><td>商业<br>企业</td><td><p>本年新</p><p>制作数量</p></td><th>a<div>b</div>c</th></tr></table>');
      expect(g.cells.map((c) => c.raw)).toEqual(['商业\n企业', '本年新\n制作数量', 'a\nb\nc']);
      expect(g.cells.map((c) => c.text)).toEqual(['商业 企业', '本年新 制作数量', 'a b c']);
      expect(g.cells.map((c) => c.header)).toEqual([false, false, true]);
    });

    it('keeps &nbsp;, U+3000 and Word <o:p> padding in raw only', () => {
      const g = one('<table><tr><td>&nbsp;0</td><td>规\u3000章<o:p>&nbsp;</o:p></td><td><p><span>&nbsp;&nbsp;</span></p></td><td>１２</td></tr></table>');
      expect(g.cells.map((c) => c.raw)).toEqual(['\u00a00', '规\u3000章\u00a0', '\u00a0\u00a0', '１２']);
      expect(g.cells.map((c) => c.text)).toEqual(['0', '规 章', '', '12']);
    });

    it('leaves out scripts, styles and the text of nested tables', () => {
      const [outer, inner] = grids(
        '<table><tr><td>before<script>var x = 1;</script><style>td{}</style><table><tr><td>inner</td></tr></table>after</td></tr></table>',
      );
      expect(outer!.cells[0]!.text).toBe('before after');
      expect(inner!.cells[0]!.text).toBe('inner');
      expect([outer!.index, inner!.index]).toEqual([0, 1]);
    });

    it('gives nested tables their own grids in document order', () => {
      const gs = grids('<table><tr><td><table><tr><td>x</td></tr></table></td><td>y</td></tr></table><table><tr><td>z</td></tr></table>');
      expect(gs.map((g) => g.cells.map((c) => c.text).join())).toEqual([',y', 'x', 'z']);
      expect(gs.map((g) => g.index)).toEqual([0, 1, 2]);
    });

    it('reads the tables inside an element root, and the root table itself', () => {
      const doc = parse('<div id=a><table><tr><td>1</td></tr></table></div><table id=b><tr><td>2</td></tr></table>');
      expect(extractGrids(doc.querySelector('#a')!).map((g) => g.cells[0]!.text)).toEqual(['1']);
      expect(extractGrids(doc.querySelector('#b')!).map((g) => g.cells[0]!.text)).toEqual(['2']);
    });
  });

  describe('caption', () => {
    it('prefers <caption>', () => {
      expect(one('<p>above</p><table><caption>表三 申请情况</caption><tr><td>1</td></tr></table>').caption).toBe('表三 申请情况');
    });

    it('takes the nearest text before the table, skipping empty paragraphs', () => {
      const g = one('<p><b>三、收到和处理政府信息公开申请情况</b></p><p>&nbsp;</p><table><tr><td>1</td></tr></table>');
      expect(g.caption).toBe('三、收到和处理政府信息公开申请情况');
    });

    it("climbs to the parent's previous sibling when the table comes first in its parent", () => {
      expect(one('<p>四、行政复议</p><div align=center><table><tr><td>1</td></tr></table></div>').caption).toBe('四、行政复议');
    });

    it('has none right after another table, and at most 200 characters', () => {
      const [, second] = grids('<table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>');
      expect(second!.caption).toBe('');
      const long = one(`<p>${'长'.repeat(500)}表二</p><table><tr><td>1</td></tr></table>`).caption;
      expect(long.length).toBe(200);
      expect(long.endsWith('表二')).toBe(true);
    });
  });

  describe('hostile pages finish, bounded', () => {
    it('rowspan=65534 colspan=1000 in a 3-row table', () => {
      const g = one('<table><tr><td rowspan=65534 colspan=1000>x<td rowspan=65534 colspan=1000>y</tr><tr><td>a</tr><tr><td>b</tr></table>');
      expect([g.nrows, g.ncols]).toEqual([3, 2001]);
      expect(g.cells.map((c) => [c.text, c.row, c.col, c.rowspan])).toEqual([
        ['x', 0, 0, 3],
        ['y', 0, 1000, 3],
        ['a', 1, 2000, 1],
        ['b', 2, 2000, 1],
      ]);
    });

    it('10,000 tables', () => {
      const t0 = performance.now();
      const gs = grids('<table><tr><td>1</td></tr></table>'.repeat(10_000));
      expect(gs.length).toBe(10_000);
      expect(gs[9_999]!.index).toBe(9_999);
      expect(performance.now() - t0).toBeLessThan(20_000);
    });

    it('tables nested 500 deep, and 20,000 elements deep in one cell (no recursion)', () => {
      const nested = '<table><tr><td>'.repeat(500) + 'core' + '</td></tr></table>'.repeat(500);
      const gs = grids(nested);
      expect(gs.length).toBe(500);
      expect(gs[499]!.cells[0]!.text).toBe('core');
      expect(gs[0]!.cells[0]!.text).toBe('');
      const doc = parse('<table><tr><td id=deep></td></tr></table>');
      let at: Element = doc.querySelector('#deep')!;
      for (let i = 0; i < 20_000; i++) at = at.appendChild(doc.createElement(i % 2 ? 'span' : 'div'));
      at.textContent = 'bottom';
      expect(extractGrids(doc)[0]!.cells[0]!.text).toBe('bottom');
    });

    it('a 5 MB text node is cut at 100,000 characters, and says so', () => {
      const doc = parse('<table><tr><td id=big></td><td>next</td></tr></table>');
      doc.querySelector('#big')!.textContent = '九'.repeat(5_000_000);
      const { grids: gs, truncated } = extractGridsBounded(doc);
      expect(gs[0]!.cells[0]!.raw.length).toBe(100_000);
      expect(gs[0]!.cells[1]!.text).toBe('next');
      expect(truncated).toMatch(/100000 characters/);
    });

    it('stops at the cell limit with a reason, keeping a valid grid', () => {
      const row = '<tr>' + '<td>1</td>'.repeat(10) + '</tr>';
      const doc = parse(`<table>${row.repeat(30)}</table><table>${row}</table>`);
      const { grids: gs, truncated } = extractGridsBounded(doc, { maxCells: 255 });
      expect(truncated).toMatch(/more than 255 table cells/);
      expect(gs.length).toBe(1);
      expect(gs[0]!.cells.length).toBe(255);
      expect(gs[0]!.nrows).toBe(26);
      checkInvariant(gs[0]!);
    });

    it('stops when spans ask for too much work, clamping rowspans to the rows read', () => {
      const doc = parse('<table>' + '<tr><td rowspan=0 colspan=1000>x</td></tr>'.repeat(50) + '</table>');
      const { grids: gs, truncated } = extractGridsBounded(doc, { maxWork: 5000 });
      expect(truncated).toMatch(/spans too large/);
      checkInvariant(gs[0]!);
    });

    it('leaves out cells past the column limit', () => {
      const { grids: gs, truncated } = extractGridsBounded(parse('<table><tr>' + '<td colspan=1000>x</td>'.repeat(12) + '</tr></table>'), { maxCols: 10_000 });
      expect(gs[0]!.ncols).toBe(10_000);
      expect(gs[0]!.cells.length).toBe(10);
      expect(truncated).toMatch(/wider than 10000 columns/);
    });

    it('says so when a colspan is cut at the column limit', () => {
      const { grids: gs, truncated } = extractGridsBounded(parse('<table><tr><td colspan=1000>a</td><td colspan=1000>b</td></tr></table>'), { maxCols: 1500 });
      expect(gs[0]!.cells.map((c) => c.colspan)).toEqual([1000, 500]);
      expect(truncated).toMatch(/wider than 1500 columns/);
    });
  });

  describe.skipIf(!HAS_CORPUS)('corpus pages (needs ../shared)', () => {
    const files = HAS_CORPUS ? readdirSync(CORPUS).filter((f) => f.endsWith('.html')).sort() : [];
    it.each(files)('%s: every grid keeps the invariant (needs ../shared)', (file) => {
      const { grids: gs, truncated } = extractGridsBounded(parse(readFileSync(join(CORPUS, file), 'utf8')));
      expect(truncated).toBeNull();
      expect(gs.length).toBe(3);
      gs.forEach(checkInvariant);
      expect(gs.map((g) => g.caption)).toEqual([expect.stringContaining('主动公开'), expect.stringContaining('申请情况'), expect.stringContaining('行政诉讼')]);
    });

    it('06-pingtan-2019: the split 三、本年度办理结果 cell and the 75394432.52元 amount (needs ../shared)', () => {
      const gs = extractGrids(parse(readFileSync(join(CORPUS, '06-pingtan-2019.html'), 'utf8')));
      const results = gs[1]!.cells.filter((c) => c.text === '三、本年度办理结果');
      expect(results.map((c) => [c.row, c.col, c.rowspan])).toEqual([
        [5, 0, 10],
        [15, 0, 10],
      ]);
      expect(gs[0]!.cells.some((c) => c.text === '75394432.52元')).toBe(true);
      expect([gs[1]!.nrows, gs[1]!.ncols]).toEqual([26, 10]);
    });
  });
});

// linkedom only: happy-dom takes over ten seconds to parse this many cells
it('stops at 200,000 cells on a page of 200,100 (linkedom, as the CLI reads it)', () => {
  const html = '<table>' + ('<tr>' + '<td>1</td>'.repeat(100) + '</tr>').repeat(2001) + '</table><table><tr><td>x</td></tr></table>';
  const t0 = performance.now();
  const { grids, truncated } = extractGridsBounded(parseHTML(html).document as unknown as Document);
  expect(performance.now() - t0).toBeLessThan(10_000);
  expect(truncated).toMatch(/more than 200000 table cells/);
  expect(grids.length).toBe(1);
  expect(grids[0]!.cells.length).toBe(200_000);
  checkInvariant(grids[0]!);
});

describe('parseSpan (HTML non-negative integer)', () => {
  it.each([
    [null, -1],
    ['', -1],
    ['3', 3],
    [' \t3', 3],
    ['+4', 4],
    ['2px', 2],
    ['-1', -1],
    ['-0', 0],
    ['x2', -1],
  ] as const)('%j → %d', (value, expected) => {
    expect(parseSpan(value)).toBe(expected);
  });

  it('stays a small number on endless digits (clamped by the caller)', () => {
    expect(parseSpan('99999999999999999999')).toBeGreaterThan(65534);
    expect(parseSpan('99999999999999999999')).toBeLessThan(1e9);
  });
});

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractGrids } from './grid';
import { gridRows } from './rows';
import type { Grid, GridCell, GridRowView } from './types';

const PINGTAN_2019 = resolve(__dirname, '../../../shared/corpus/html/06-pingtan-2019.html');
const HAS_CORPUS = existsSync(PINGTAN_2019);
if (!HAS_CORPUS) console.warn(`[rows.test] ${PINGTAN_2019} not found: tests marked "(needs ../shared)" are skipped.`);

const cell = (text: string, row: number, col: number, rowspan = 1, colspan = 1): GridCell => ({ text, raw: text, row, col, rowspan, colspan, header: false });
const grid = (nrows: number, ncols: number, cells: GridCell[]): Grid => ({ index: 7, caption: '', nrows, ncols, cells, source: 'dom' });
/** A row as 'text' for own cells and '^text' for cells reaching down from above. */
const show = (v: GridRowView): string => v.cells.map((c, i) => (v.own[i] ? c.text : `^${c.text}`)).join(' ');

describe('gridRows', () => {
  it('lists the cells covering each row in column order, marking those from rowspans above', () => {
    // a | b | c(rowspan 2)
    // a | d | c | e
    // a | f
    const g = grid(3, 4, [cell('a', 0, 0, 3), cell('b', 0, 1), cell('c', 0, 2, 2), cell('d', 1, 1), cell('e', 1, 3), cell('f', 2, 1)]);
    const views = gridRows(g);
    expect(views.map(show)).toEqual(['a b c', '^a d ^c e', '^a f']);
    expect(views.map((v) => [v.grid, v.row])).toEqual([
      [7, 0],
      [7, 1],
      [7, 2],
    ]);
    expect(views[1]!.own).toEqual([false, true, false, true]);
  });

  it('keeps empty rows and reads cells given out of order or past nrows (text grids)', () => {
    const g = grid(2, 2, [cell('y', 3, 1), cell('x', 3, 0), cell('b', 0, 1), cell('a', 0, 0)]);
    expect(gridRows(g).map(show)).toEqual(['a b', '', '', 'x y']);
  });

  it('returns nothing for an empty grid', () => {
    expect(gridRows(grid(0, 0, []))).toEqual([]);
  });

  it('costs the size of its result, not rows × columns', () => {
    const n = 100_000;
    const cells = [cell('tall', 0, 0, n, 1), cell('wide', 0, 1, 1, 1000)];
    for (let r = 1; r < n; r++) cells.push(cell('v', r, 1, 1, 1000));
    const t0 = performance.now();
    const views = gridRows(grid(n, 1001, cells));
    expect(views.length).toBe(n);
    expect(views[n - 1]!.own).toEqual([false, true]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it.skipIf(!HAS_CORPUS)('06-pingtan-2019: 三、本年度办理结果 owns its first row only, twice (needs ../shared)', () => {
    const doc = parseHTML(readFileSync(PINGTAN_2019, 'utf8')).document as unknown as Document;
    const views = gridRows(extractGrids(doc)[1]!);
    expect(views.length).toBe(26);
    const first = views.map((v) => [v.cells[0]!.text, v.own[0]] as const);
    for (let r = 5; r < 25; r++) {
      expect(first[r]).toEqual(['三、本年度办理结果', r === 5 || r === 15]);
    }
    expect(first[25]).toEqual(['四、结转下年度继续办理', true]);
    // the two label cells are distinct cells, each spanning 10 rows
    expect(views[14]!.cells[0]).not.toBe(views[15]!.cells[0]);
    expect(views[15]!.cells[0]!.rowspan).toBe(10);
    // a row inside (三)不予公开: the group cell and the section cell both come from above
    expect(views[8]!.own.slice(0, 3)).toEqual([false, false, true]);
    expect(views[8]!.cells.slice(0, 3).map((c) => c.text)).toEqual(['三、本年度办理结果', '(三)不予公开', '2.其他法律行政法规禁止公开']);
    expect(views[8]!.cells.length).toBe(10);
  });
});

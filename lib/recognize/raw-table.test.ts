import { describe, expect, it } from 'vitest';
import type { Grid, GridCell } from '../extract/types';
import { rawTable } from './raw-table';

const cell = (raw: string, row: number, col: number, rowspan = 1, colspan = 1): GridCell => ({ raw, text: raw, row, col, rowspan, colspan, header: false });
const grid = (cells: GridCell[], nrows: number, ncols: number): Grid => ({ index: 4, caption: '附表', nrows, ncols, cells, source: 'dom' });

describe('rawTable', () => {
  it('lays a table out position for position, spans as empty strings', () => {
    const t = rawTable(grid([cell('a', 0, 0, 2, 2), cell('b', 0, 2), cell('c', 1, 2)], 2, 3), 'other-1', { cells: 100 });
    expect(t).toEqual({ id: 'other-1', caption: '附表', grid: 4, rows: [['a', '', 'b'], ['', '', 'c']] });
  });

  it('keeps the cells right of a colspan of 1000, dropping only the columns spans cover', () => {
    const g = grid([cell('跨', 0, 0, 2, 1000), cell('1', 0, 1000), cell('2', 1, 1000), cell('3', 2, 0, 1, 1000), cell('4', 2, 1000)], 3, 1001);
    const t = rawTable(g, 'other-1', { cells: 100 });
    expect(t.rows).toEqual([['跨', '1'], ['', '2'], ['3', '4']]);
  });
});

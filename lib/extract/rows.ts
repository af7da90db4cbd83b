// A grid read row by row, as the recogniser needs it: each row's cells left to right, including
// the cells reaching down into it from a rowspan above. Cells are bucketed by start row and the
// open rowspans kept sorted by column, so the cost is the size of the result, not rows × columns.
import type { Grid, GridCell, GridRowView } from './types';

export function gridRows(grid: Grid): GridRowView[] {
  // text grids are built by other code: do not trust nrows to cover every cell
  let nrows = grid.nrows;
  for (const c of grid.cells) if (c.row >= nrows) nrows = c.row + 1;

  const starting: GridCell[][] = Array.from({ length: nrows }, () => []);
  for (const c of grid.cells) if (c.row >= 0) starting[c.row]!.push(c);

  const views: GridRowView[] = [];
  // cells from earlier rows still covering the current row, in column order
  let open: GridCell[] = [];
  for (let row = 0; row < nrows; row++) {
    const own = starting[row]!;
    if (!isSortedByCol(own)) own.sort(byCol);
    const cells: GridCell[] = [];
    const flags: boolean[] = [];
    const stillOpen: GridCell[] = [];
    let i = 0;
    let j = 0;
    while (i < open.length || j < own.length) {
      const fromAbove = j >= own.length || (i < open.length && open[i]!.col <= own[j]!.col);
      const c = fromAbove ? open[i++]! : own[j++]!;
      cells.push(c);
      flags.push(!fromAbove);
      if (c.row + c.rowspan > row + 1) stillOpen.push(c);
    }
    views.push({ grid: grid.index, row, cells, own: flags });
    open = stillOpen;
  }
  return views;
}

function byCol(a: GridCell, b: GridCell): number {
  return a.col - b.col;
}

function isSortedByCol(cells: GridCell[]): boolean {
  for (let i = 1; i < cells.length; i++) if (cells[i - 1]!.col > cells[i]!.col) return false;
  return true;
}

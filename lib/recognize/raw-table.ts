// A table we did not recognise, kept as a raw grid so nothing on the page is lost.
import type { Grid } from '../extract/types';
import type { RawTable } from '../report';

/** Positions covered by a span stay '' so each published cell appears once. */
export function rawTable(grid: Grid, id: string, budget: { cells: number }): RawTable {
  const rows: string[][] = [];
  const width = Math.min(grid.ncols, 1000);
  for (let r = 0; r < grid.nrows && budget.cells > 0; r++) {
    rows.push(new Array<string>(width).fill(''));
    budget.cells -= width;
  }
  for (const c of grid.cells) {
    const row = rows[c.row];
    if (row && c.col < width) row[c.col] = c.raw;
  }
  return { id, caption: grid.caption, rows, grid: grid.index };
}

// A table we did not recognise, kept as a raw grid so nothing on the page is lost.
import type { Grid } from '../extract/types';
import type { RawTable } from '../report';

/** Widest raw table laid out column for column; a wider one keeps only the columns cells start in. */
const MAX_WIDTH = 1000;

/**
 * Positions covered by a span stay '' so each published cell appears once. A grid wider than
 * MAX_WIDTH (colspan="1000" and more cells after it) drops the columns no cell starts in — they
 * are only covered by spans and hold no text — so every cell is kept, however far right it starts.
 */
export function rawTable(grid: Grid, id: string, budget: { cells: number }): RawTable {
  let slot: (col: number) => number = (col) => col;
  let width = grid.ncols;
  if (width > MAX_WIDTH) {
    const starts = [...new Set(grid.cells.map((c) => c.col))].sort((a, b) => a - b);
    const index = new Map(starts.map((c, i) => [c, i]));
    slot = (col) => index.get(col)!;
    width = starts.length;
  }
  const rows: string[][] = [];
  for (let r = 0; r < grid.nrows && budget.cells > 0; r++) {
    rows.push(new Array<string>(width).fill(''));
    budget.cells -= width;
  }
  for (const c of grid.cells) {
    const row = rows[c.row];
    if (row) row[slot(c.col)] = c.raw;
  }
  return { id, caption: grid.caption, rows, grid: grid.index };
}

// Rows of the page to tables 2, 3 and 4. A page's tables may each be one <table>, one table may
// be cut in two at a page break, several may share one <table>, and a text export is one long
// run of rows: so rows are assigned one by one, the table changing where the labels say so.
import type { Grid } from '../extract/types';
import type { TableId } from '../report';
import { gridRows } from '../extract/rows';
import { splitRow, type RowParts } from './row-parts';
import { rowSignal, strongest } from './signals';

export interface Segments {
  rows: Record<TableId, RowParts[]>;
  /** grids none of whose rows belongs to tables 2–4 */
  otherGrids: number[];
}

export function segmentRows(grids: Grid[]): Segments {
  const rows: Record<TableId, RowParts[]> = { T2: [], T3: [], T4: [] };
  const otherGrids: number[] = [];
  let state: TableId | null = null;
  for (const grid of grids) {
    const parts = gridRows(grid).flatMap(splitRow);
    const signals = parts.map(rowSignal);
    const first = signals.map((s) => (s.heading && s.heading !== 'end' ? s.heading : strongest(s.votes, null))).find((t) => t);
    if (!first && grid.source === 'dom') {
      otherGrids.push(grid.index);
      state = null;
      continue;
    }
    // rows of a <table> before its first telling row belong with that row's table
    if (grid.source === 'dom') state = first ?? state;
    parts.forEach((p, i) => {
      const s = signals[i]!;
      if (s.heading) {
        state = s.heading === 'end' ? null : s.heading;
        return;
      }
      state = strongest(s.votes, state) ?? state;
      if (state) rows[state].push(p);
    });
  }
  return { rows, otherGrids };
}

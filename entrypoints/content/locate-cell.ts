// Finds the element of a Report cell location {grid, row, col}: the grid-th <table> of the
// document (document order, nested tables included, as extraction counts them), then the cell at
// (row, col) of that table's expanded grid. The layout must be the one lib/extract/grid.ts makes
// (HTML table model: row groups in tree order with tfoot last, spans parsed and clamped as browsers
// do, a rowspan ending with its row group, a colspan cut before a column taken from above), or
// the outline lands on the wrong cell of a messy table. Bounded: the walk stops at the target row.
import type { CellLoc } from '@/lib/report';
import { colspanOf, GRID_LIMITS, rowspanOf, tableRows } from '@/lib/extract/grid';
import { tagOf } from '@/lib/extract/dom-text';

const MAX_COLS = GRID_LIMITS.maxCols;

export function cellAt(table: Element, row: number, col: number): Element | null {
  if (row < 0 || col < 0) return null;
  // until[x]: the first row not taken by a rowspan over column x
  const until: number[] = [];
  let y = 0;
  let covering: Element | null = null;
  for (const group of tableRows(table).groups) {
    const groupEnd = y + group.length;
    for (const tr of group) {
      if (y > row) return covering;
      let x = 0;
      for (const td of Array.from(tr.children)) {
        const tag = tagOf(td);
        if (tag !== 'td' && tag !== 'th') continue;
        let colspan = colspanOf(td);
        const rowspan = rowspanOf(td, groupEnd - y);
        while ((until[x] ?? 0) > y) x++;
        if (x >= MAX_COLS) break;
        colspan = Math.min(colspan, MAX_COLS - x);
        for (let k = x + 1; k < x + colspan; k++) {
          if ((until[k] ?? 0) > y) {
            colspan = k - x;
            break;
          }
        }
        if (y === row && x === col) return td;
        // a location inside a span (not an origin) still points at the cell that covers it
        if (row >= y && row < y + rowspan && col >= x && col < x + colspan) covering = td;
        if (rowspan > 1) for (let k = x; k < x + colspan; k++) until[k] = y + rowspan;
        x += colspan;
        if (y === row && x > col) return covering;
      }
      y++;
    }
  }
  return covering;
}

export function locateCell(doc: Document, loc: CellLoc): Element | null {
  const table = doc.querySelectorAll('table')[loc.grid];
  return table ? cellAt(table, loc.row, loc.col) : null;
}

// Finds the element of a Report cell location {grid, row, col}: the grid-th <table> of the
// document (document order, nested tables included, as extraction counts them), then the cell at
// (row, col) of that table's expanded grid. The layout must be the one lib/extract/grid.ts makes
// (HTML table model: row groups in tree order with tfoot last, spans parsed and clamped as browsers
// do, a rowspan ending with its row group, a colspan cut before a column taken from above), or
// the outline lands on the wrong cell of a messy table. Bounded: the walk stops at the target row.
import type { CellLoc } from '@/lib/report';
import { parseSpan } from '@/lib/extract/grid';
import { tagOf } from '@/lib/extract/dom-text';

const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
const MAX_COLS = 10_000;

/** Row groups in table-model order: thead/tbody and runs of direct <tr> in tree order, tfoot last. */
function rowGroups(table: Element): Element[][] {
  const groups: Element[][] = [];
  const feet: Element[][] = [];
  let loose: Element[] | null = null;
  for (const child of Array.from(table.children)) {
    const tag = tagOf(child);
    if (tag === 'tr') {
      if (loose === null) groups.push((loose = []));
      loose.push(child);
    } else if (tag === 'tbody' || tag === 'thead' || tag === 'tfoot') {
      loose = null;
      const rows = Array.from(child.children).filter((r) => tagOf(r) === 'tr');
      (tag === 'tfoot' ? feet : groups).push(rows);
    }
  }
  return groups.concat(feet);
}

export function cellAt(table: Element, row: number, col: number): Element | null {
  if (row < 0 || col < 0) return null;
  // until[x]: the first row not taken by a rowspan over column x
  const until: number[] = [];
  let y = 0;
  let covering: Element | null = null;
  for (const group of rowGroups(table)) {
    const groupEnd = y + group.length;
    for (const tr of group) {
      if (y > row) return covering;
      let x = 0;
      for (const td of Array.from(tr.children)) {
        const tag = tagOf(td);
        if (tag !== 'td' && tag !== 'th') continue;
        let colspan = parseSpan(td.getAttribute('colspan'));
        colspan = colspan <= 0 ? 1 : Math.min(colspan, MAX_COLSPAN);
        let rowspan = parseSpan(td.getAttribute('rowspan'));
        rowspan = rowspan < 0 ? 1 : Math.min(rowspan, MAX_ROWSPAN);
        rowspan = rowspan === 0 ? groupEnd - y : Math.min(rowspan, groupEnd - y);
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

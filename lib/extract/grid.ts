// DOM tables → grids of origin cells, laid out by the HTML table model (WHATWG "forming a table"):
// row groups, tfoot rows last, colspan/rowspan parsed and clamped as browsers do, and a rowspan
// never reaching past the end of its row group (browsers clamp there; the spec's extra empty rows
// would let one rowspan=65534 cell make 65534 rows). Where spans overlap (a table model error),
// the later cell's colspan is cut before the taken column, so every slot has at most one cell.
//
// Bounded on hostile pages: occupancy is one Int32Array per table (the row until which each column
// is taken), never a rows × columns matrix; rows, cells, columns, span work and text are counted
// against limits, and extraction stops with a reason instead of hanging the page.
import type { Grid, GridCell } from './types';
import { normalizeText } from './normalize';
import { nextAfter, nodeText, tagOf, tailText } from './dom-text';

export interface GridLimits {
  maxTables: number;
  /** cells of all tables together */
  maxCells: number;
  /** rows of all tables together */
  maxRows: number;
  /** columns of one table */
  maxCols: number;
  /** raw characters kept of one cell */
  maxCellChars: number;
  /** raw characters of all cells; past it a cell keeps at most SHORT_CELL characters */
  maxTextChars: number;
  /** column scans, span writes and spanned rows of all tables (bounds the caller's row views too) */
  maxWork: number;
}

export const GRID_LIMITS: GridLimits = {
  maxTables: 10_000,
  maxCells: 200_000,
  maxRows: 200_000,
  maxCols: 10_000,
  maxCellChars: 100_000,
  maxTextChars: 4_000_000,
  maxWork: 2_000_000,
};

const SHORT_CELL = 256;
const CAPTION_CHARS = 200;
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

export interface BoundedGrids {
  grids: Grid[];
  /** why extraction stopped or cut something, null when everything was read */
  truncated: string | null;
}

export function extractGrids(root: ParentNode): Grid[] {
  return extractGridsBounded(root).grids;
}

export function extractGridsBounded(root: ParentNode, limits: Partial<GridLimits> = {}): BoundedGrids {
  let tables: Element[];
  try {
    const self = root as unknown as Node;
    tables = tablesOf(root);
    if (self.nodeType === 1 && tagOf(self as Element) === 'table') tables.unshift(self as Element);
  } catch (e) {
    return { grids: [], truncated: `DOM error while reading tables: ${String(e instanceof Error ? e.message : e).slice(0, 100)}` };
  }
  return readTables(tables, limits);
}

/** The grids of these <table> elements (the document's, in document order: grid i is tables[i]). */
export function readTables(tables: readonly Element[], limits: Partial<GridLimits> = {}): BoundedGrids {
  const budget = new Budget({ ...GRID_LIMITS, ...limits });
  const grids: Grid[] = [];
  try {
    let n = tables.length;
    if (n > budget.lim.maxTables) {
      budget.note(`${n} tables: only the first ${budget.lim.maxTables} read`);
      n = budget.lim.maxTables;
    }
    for (let i = 0; i < n && !budget.stopped; i++) grids.push(readTable(tables[i]!, i, budget));
  } catch (e) {
    budget.note(`DOM error while reading tables: ${String(e instanceof Error ? e.message : e).slice(0, 100)}`);
  }
  return { grids, truncated: budget.reason() };
}

function tablesOf(root: ParentNode): Element[] {
  try {
    return Array.from(root.querySelectorAll('table'));
  } catch {
    // some DOM implementations (happy-dom) recurse in querySelectorAll and overflow on deep trees
    const found: Element[] = [];
    const top = root as unknown as Node;
    let node: Node | null = top.firstChild;
    while (node !== null) {
      if (node.nodeType === 1 && tagOf(node as Element) === 'table') found.push(node as Element);
      node = node.firstChild ?? nextAfter(node, top);
    }
    return found;
  }
}

class Budget {
  cells = 0;
  rows = 0;
  work = 0;
  chars = 0;
  stopped = false;
  private readonly reasons: string[] = [];
  constructor(readonly lim: GridLimits) {}

  note(reason: string): void {
    if (!this.reasons.includes(reason)) this.reasons.push(reason);
  }
  stop(reason: string): void {
    this.note(reason);
    this.stopped = true;
  }
  reason(): string | null {
    return this.reasons.length > 0 ? this.reasons.join('; ') : null;
  }
  /** false (and stopped) when one more row or cell would pass a limit */
  takeRow(): boolean {
    if (++this.rows > this.lim.maxRows) this.stop(`more than ${this.lim.maxRows} table rows: stopped there`);
    else if (++this.work > this.lim.maxWork) this.stop('table spans too large: stopped');
    return !this.stopped;
  }
  takeCell(): boolean {
    if (++this.cells > this.lim.maxCells) this.stop(`more than ${this.lim.maxCells} table cells: stopped there`);
    else if (++this.work > this.lim.maxWork) this.stop('table spans too large: stopped');
    return !this.stopped;
  }
  cellCap(): number {
    const left = this.lim.maxTextChars - this.chars;
    return left >= this.lim.maxCellChars ? this.lim.maxCellChars : Math.max(left, SHORT_CELL);
  }
  tookText(raw: string, cap: number): void {
    this.chars += raw.length;
    if (raw.length < cap) return;
    this.note(cap === this.lim.maxCellChars ? `cell text cut at ${cap} characters` : `table text over ${this.lim.maxTextChars} characters: later cells cut`);
  }
}

export interface TableRows {
  /** row groups in table-model order: thead/tbody and runs of direct <tr> in tree order, tfoot last */
  groups: Element[][];
  caption: Element | null;
}

/** The rows of a table as the HTML table model orders them (also used to find a cell again by its location). */
export function tableRows(table: Element): TableRows {
  const groups: Element[][] = [];
  const feet: Element[][] = [];
  let loose: Element[] | null = null;
  let caption: Element | null = null;
  for (let child = table.firstElementChild; child !== null; child = child.nextElementSibling) {
    const tag = tagOf(child);
    if (tag === 'tr') {
      if (loose === null) groups.push((loose = []));
      loose.push(child);
    } else if (tag === 'tbody' || tag === 'thead' || tag === 'tfoot') {
      // a section ends the run of direct rows (other elements do not: the spec skips them)
      loose = null;
      const rows: Element[] = [];
      for (let r = child.firstElementChild; r !== null; r = r.nextElementSibling) if (tagOf(r) === 'tr') rows.push(r);
      (tag === 'tfoot' ? feet : groups).push(rows);
    } else if (tag === 'caption' && caption === null) {
      caption = child;
    }
  }
  return { groups: groups.concat(feet), caption };
}

function readTable(table: Element, index: number, budget: Budget): Grid {
  const { groups, caption } = tableRows(table);
  const lim = budget.lim;
  const cells: GridCell[] = [];
  // until[x]: first row not taken by a rowspan over column x; maxUntil lets rowspan-free rows skip the scans
  let until: Int32Array = new Int32Array(16);
  let maxUntil = 0;
  let width = 0;
  let y = 0;
  let cut = false;
  rows: for (const group of groups) {
    const groupEnd = y + group.length;
    for (const tr of group) {
      if (!budget.takeRow()) {
        cut = true;
        break rows;
      }
      let x = 0;
      for (let td = tr.firstElementChild; td !== null; td = td.nextElementSibling) {
        const tag = tagOf(td);
        if (tag !== 'td' && tag !== 'th') continue;
        if (!budget.takeCell()) {
          cut = true;
          break rows;
        }
        let colspan = colspanOf(td);
        const rowspan = rowspanOf(td, groupEnd - y);
        if (maxUntil > y) {
          const from = x;
          while (x < width && until[x]! > y) x++;
          budget.work += x - from;
        }
        if (x >= lim.maxCols) {
          budget.note(`a table wider than ${lim.maxCols} columns: cells past it left out`);
          break;
        }
        if (colspan > lim.maxCols - x) {
          // the cell is kept, cut at the limit: its columns past it are left out like other cells
          colspan = lim.maxCols - x;
          budget.note(`a table wider than ${lim.maxCols} columns: cells past it left out`);
        }
        if (maxUntil > y) {
          // overlap with a rowspan from above: this cell stops before the taken column
          const stop = Math.min(x + colspan, width);
          for (let k = x + 1; k < stop; k++) {
            if (until[k]! > y) {
              colspan = k - x;
              break;
            }
          }
          budget.work += colspan;
        }
        if (x + colspan > width) {
          width = x + colspan;
          if (width > until.length) until = grow(until, width);
        }
        if (rowspan > 1) {
          until.fill(y + rowspan, x, x + colspan);
          if (y + rowspan > maxUntil) maxUntil = y + rowspan;
          budget.work += colspan + rowspan;
        }
        const cap = budget.cellCap();
        const raw = nodeText(td, { cap, skipTables: true });
        budget.tookText(raw, cap);
        // normalizeText returns plain cells ('0', '23', '规章') as they are, without a new string
        const text = normalizeText(raw);
        cells.push({ text, raw, row: y, col: x, rowspan, colspan, header: tag === 'th' });
        x += colspan;
      }
      y++;
    }
  }
  let nrows = y;
  if (cut) {
    // the table ends where reading stopped: spans are cut to the rows that exist
    const last = cells[cells.length - 1];
    if (last && last.row >= nrows) nrows = last.row + 1;
    for (const c of cells) if (c.row + c.rowspan > nrows) c.rowspan = nrows - c.row;
  }
  return { index, caption: captionOf(table, caption), nrows, ncols: width, cells, source: 'dom' };
}

/** A cell's colspan as browsers read it: 1 when absent, 0 or bad, at most 1000. */
export function colspanOf(td: Element): number {
  const n = parseSpan(td.getAttribute('colspan'));
  return n <= 0 ? 1 : Math.min(n, MAX_COLSPAN);
}

/** A cell's rowspan as browsers read it: 0 runs to the end of its row group, and no span runs past it. */
export function rowspanOf(td: Element, rowsLeftInGroup: number): number {
  const n = parseSpan(td.getAttribute('rowspan'));
  const r = n < 0 ? 1 : Math.min(n, MAX_ROWSPAN);
  return r === 0 ? rowsLeftInGroup : Math.min(r, rowsLeftInGroup);
}

function grow(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * HTML "rules for parsing non-negative integers": leading white space, an optional sign, digits up
 * to the first non-digit ("2px" is 2). -1 when there is no number or it is negative.
 */
export function parseSpan(value: string | null): number {
  if (value === null) return -1;
  const n = value.length;
  let i = 0;
  while (i < n && isHtmlSpace(value.charCodeAt(i))) i++;
  let negative = false;
  if (value.charCodeAt(i) === 45) {
    negative = true;
    i++;
  } else if (value.charCodeAt(i) === 43) i++;
  let result = 0;
  const start = i;
  for (; i < n; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    if (result < 1e7) result = result * 10 + d;
  }
  if (i === start || (negative && result !== 0)) return -1;
  return result;
}

function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** <caption>, else the nearest text before the table: earlier siblings, then the parents' (3 levels). */
function captionOf(table: Element, caption: Element | null): string {
  if (caption !== null) return normalizeText(nodeText(caption, { cap: 4 * CAPTION_CHARS, skipTables: true })).slice(0, CAPTION_CHARS);
  let at: Node | null = table;
  for (let level = 0; level < 3 && at !== null; level++) {
    let prev: Node | null = at.previousSibling;
    for (let steps = 0; prev !== null && steps < 8; steps++, prev = prev.previousSibling) {
      if (prev.nodeType === 1) {
        const tag = tagOf(prev as Element);
        if (tag === 'table') return ''; // right after another table: no caption of its own
        if (tag === 'script' || tag === 'style') continue;
      } else if (prev.nodeType !== 3) continue;
      const text = normalizeText(tailText(prev, 4 * CAPTION_CHARS));
      if (text !== '') return clip(text);
    }
    at = at.parentNode;
    if (at === null || at.nodeType !== 1 || tagOf(at as Element) === 'body') break;
  }
  return '';
}

/** The end of a long text: the words nearest the table. */
function clip(text: string): string {
  return text.length > CAPTION_CHARS ? text.slice(text.length - CAPTION_CHARS).trimStart() : text;
}

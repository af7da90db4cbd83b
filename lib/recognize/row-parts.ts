// A grid row read as "labels, then values": the values are the run of value-like cells at the
// right end of the row (spec §8.8: data cells are read from the right end), everything before is
// label. Cells spanning down from a row above (三、本年度办理结果, （三）不予公开) are context.
import type { GridCell, GridRowView } from '../extract/types';
import { isValueLike } from '../extract/number';

export interface RowParts {
  grid: number;
  row: number;
  /** own label cells with text, left to right */
  labels: GridCell[];
  /** label cells spanning into this row from above */
  context: GridCell[];
  /** value-like cells at the right end (blank cells included) */
  values: GridCell[];
}

/** A value cell: its text reads as a figure (blank, 无, '1,234件', '-' …). */
export function isValueCell(cell: GridCell): boolean {
  return isValueLike(cell.text);
}

/** Han ideographs: every label of tables 2-4 has some; a figure never does (but 无, 零, 减, 增, 件, 元 …). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * A cell in a figure's place: a value cell, or a text without a single Han character — '1e9',
 * '99999999999999999999', '<img src=x onerror=…>', 'N/A' — which no label of these tables is.
 * Such a cell stays in its column (read as not a number, raw kept) instead of ending the run of
 * values and taking the row's other figures with it.
 */
export function isFigureCell(cell: GridCell): boolean {
  return isValueCell(cell) || !HAN.test(cell.text);
}

function parts(view: GridRowView, from: number, to: number, withContext: boolean): RowParts {
  const { cells, own } = view;
  let start = to;
  while (start > from && own[start - 1] && isFigureCell(cells[start - 1]!)) start--;
  const labels: GridCell[] = [];
  const context: GridCell[] = [];
  for (let i = from; i < start; i++) {
    const c = cells[i]!;
    if (c.text === '' || (!own[i] && !withContext)) continue;
    (own[i] ? labels : context).push(c);
  }
  return { grid: view.grid, row: view.row, labels, context, values: cells.slice(start, to) };
}

/**
 * A row as label-then-values runs. Usually one; two where a page (or an export that lost a line
 * break) put a second row's label after the first row's numbers: 三、本年度办理结果 | 0 | 四、… | 0 ….
 */
export function splitRow(view: GridRowView): RowParts[] {
  const { cells, own } = view;
  const out: RowParts[] = [];
  let from = 0;
  let sawValue = false;
  for (let i = 0; i < cells.length; i++) {
    if (!own[i]) continue;
    const text = cells[i]!.text;
    if (text === '') continue;
    if (isFigureCell(cells[i]!)) sawValue = true;
    else if (sawValue) {
      out.push(parts(view, from, i, out.length === 0));
      from = i;
      sawValue = false;
    }
  }
  out.push(parts(view, from, cells.length, out.length === 0));
  return out;
}

/** The label of a row as one line, for messages and leftovers. */
export function rowLabel(parts: RowParts): string {
  return parts.labels.map((c) => c.text).join(' ');
}

export function hasFilledValue(parts: RowParts): boolean {
  return parts.values.some((c) => c.text !== '');
}

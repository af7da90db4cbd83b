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

export function splitRow(view: GridRowView): RowParts {
  const { cells, own } = view;
  let start = cells.length;
  while (start > 0 && own[start - 1] && isValueLike(cells[start - 1]!.text)) start--;
  const labels: GridCell[] = [];
  const context: GridCell[] = [];
  for (let i = 0; i < start; i++) {
    const c = cells[i]!;
    if (c.text === '') continue;
    (own[i] ? labels : context).push(c);
  }
  return { grid: view.grid, row: view.row, labels, context, values: cells.slice(start) };
}

/** The label of a row as one line, for messages and leftovers. */
export function rowLabel(parts: RowParts): string {
  return parts.labels.map((c) => c.text).join(' ');
}

export function hasFilledValue(parts: RowParts): boolean {
  return parts.values.some((c) => c.text !== '');
}

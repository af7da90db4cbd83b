// Fitting a row's value cells to the columns of its table. Exports and pages add empty cells at
// either end and sometimes an extra number; we trim blanks first, then read from the right end
// (spec §8.8), and say so. Too few cells cannot be placed without guessing, so they are not.
import type { GridCell } from '../extract/types';

export interface Fit {
  /** exactly `n` cells, or null when the row has fewer */
  cells: GridCell[] | null;
  /** cells left over on the left (right-aligned reading) */
  extra: GridCell[];
}

/** Blank cells trimmed from the ends, as far as the row is longer than `n`. */
export function trimBlanks(values: GridCell[], n: number): GridCell[] {
  let v = values;
  while (v.length > n && v[v.length - 1]!.text === '') v = v.slice(0, -1);
  while (v.length > n && v[0]!.text === '') v = v.slice(1);
  return v;
}

export function fitValues(values: GridCell[], n: number): Fit {
  const v = trimBlanks(values, n);
  if (v.length < n) return { cells: null, extra: [] };
  return { cells: v.slice(v.length - n), extra: v.slice(0, v.length - n) };
}

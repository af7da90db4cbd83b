// Names of cells for the one-line messages: 自然人 / natural persons, （一）予以公开 / (1) disclosed …
import { cellLabels, type FormatKey } from '../spec';
import { T3_COLUMNS_EN, T3_ROWS_EN, T4_COLUMNS_EN, T4_GROUPS_EN } from '../spec/labels-en';

export interface CellNames {
  row: string;
  rowEn: string;
  col: string;
  colEn: string;
  group: string;
  groupEn: string;
}

export function cellNames(format: FormatKey, id: string): CellNames {
  const [table, row = '', col = ''] = id.split('.');
  const l = cellLabels(format, id) ?? cellLabels(format === 'F2019' ? 'F2021' : 'F2019', id);
  const rowZh = l?.rowLabel ?? row;
  const colZh = l?.colLabel ?? col;
  if (table === 'T3') return { row: rowZh, rowEn: T3_ROWS_EN[row] ?? row, col: colZh, colEn: T3_COLUMNS_EN[col] ?? col, group: '', groupEn: '' };
  if (table === 'T4') return { row: rowZh, rowEn: T4_GROUPS_EN[row] ?? row, col: colZh, colEn: T4_COLUMNS_EN[col] ?? col, group: rowZh, groupEn: T4_GROUPS_EN[row] ?? row };
  return { row: rowZh, rowEn: rowZh, col: colZh, colEn: colZh, group: l?.groupLabel ?? '', groupEn: l?.groupLabel ?? '' };
}

/** Numbers in messages: whole numbers as they are, others with at most 2 decimals. */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

// A published cell to a ReportCell: the number read with care, the raw text kept as published.
import type { GridCell } from '../extract/types';
import type { CellFlag, ReportCell, TableId } from '../report';
import { parseCellValue } from '../extract/number';

export interface CellOptions {
  /** the column is in 万元 (T2.s8_fee.amount_wan): a value written in 元 is converted */
  unitWan?: boolean;
}

export function makeCell(table: TableId, row: string, col: string, cell: GridCell, grid: number, opts: CellOptions = {}): ReportCell {
  const parsed = parseCellValue(cell.raw);
  let value = parsed.value;
  const flags: CellFlag[] = [...parsed.flags];
  if (opts.unitWan && value !== null && parsed.unit === '元') {
    value = Math.round((value / 10000) * 1e6) / 1e6;
    flags.push('unit_converted');
  }
  return {
    id: `${table}.${row}.${col}`,
    table,
    row,
    col,
    value,
    raw: cell.raw,
    unit: parsed.unit,
    flags,
    loc: { grid, row: cell.row, col: cell.col, ...(cell.offset !== undefined ? { offset: cell.offset } : {}), ...(cell.page !== undefined ? { page: cell.page } : {}) },
  };
}

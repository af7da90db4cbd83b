// What each table recogniser returns, and the bookkeeping they share: cells, rows that could not
// be placed (kept raw), and structural findings, aggregated so one cause gives one line.
import type { Finding, Leftover, ReportCell, TableId } from '../report';
import type { GridCell } from '../extract/types';
import type { RowParts } from './row-parts';
import { rowLabel } from './row-parts';
import { structuralFinding } from './structural';

export interface TableResult {
  cells: ReportCell[];
  leftovers: Leftover[];
  findings: Finding[];
}

export function emptyResult(): TableResult {
  return { cells: [], leftovers: [], findings: [] };
}

export function leftover(table: TableId, parts: RowParts, reason: string, cells: GridCell[] = parts.values): Leftover {
  const first = cells[0] ?? parts.labels[0];
  return {
    table,
    label: rowLabel(parts),
    cells: cells.map((c) => c.raw),
    reason,
    loc: first ? { grid: parts.grid, row: first.row, col: first.col } : null,
  };
}

/** Short list of row names for a message: the first few, then how many more. */
export function listRows(names: string[], max = 4): string {
  const shown = names.slice(0, max).join('、');
  return names.length > max ? `${shown} 等 ${names.length} 行` : shown;
}
export function listRowsEn(names: string[], max = 4): string {
  const shown = names.slice(0, max).join('; ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** How a row with the wrong number of value cells was read: not at all, from the right, by the header. */
export type Reading = false | true | 'header';
const ACTIONS: Record<string, { zh: string; en: string }> = {
  false: { zh: '这些数值无法对应到列，未读取，原文已保留', en: 'they cannot be placed in columns and were not read; the raw text is kept' },
  true: { zh: '按右对齐读取最后 {n} 个，多出的已单独保留', en: 'the last {n} were read (right-aligned), the rest kept apart' },
  header: { zh: '按表头的列位置读取，表头以外的已单独保留', en: 'they were read by the columns of the header; the cells outside it are kept apart' },
};

/** Rows whose value cells did not fit the columns, grouped by how many cells they had. */
export class CellCountProblems {
  private groups = new Map<string, { found: number; expected: number; read: Reading; rows: string[]; rowsEn: string[]; cells: string[] }>();

  constructor(private readonly expected: number) {}

  add(found: number, read: Reading, name: string, nameEn: string, cellIds: string[] = [], expected = this.expected): void {
    const key = `${found}:${expected}:${String(read)}`;
    const g = this.groups.get(key) ?? { found, expected, read, rows: [], rowsEn: [], cells: [] };
    g.rows.push(name);
    g.rowsEn.push(nameEn);
    g.cells.push(...cellIds);
    this.groups.set(key, g);
  }

  findings(table: TableId): Finding[] {
    return [...this.groups.values()].map(({ expected, ...g }) =>
      structuralFinding('STRUCT-ROW-CELLS', {
        table,
        expected,
        found: g.found,
        cells: g.cells,
        vars: {
          row: listRows(g.rows),
          rowEn: listRowsEn(g.rowsEn),
          action: ACTIONS[String(g.read)]!.zh.replace('{n}', String(expected)),
          actionEn: ACTIONS[String(g.read)]!.en.replace('{n}', String(expected)),
        },
      }),
    );
  }
}

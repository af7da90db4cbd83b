// Wide CSV: one line per table row, as the table reads, cells under their column.
//
// Column scheme: every data column is named `<table>.<column id>` — `T2.made`, `T3.total`,
// `T4.total` — because column ids repeat across tables (T3.total vs T4.total) and the table
// prefix keeps them apart while matching the middle+last part of the cell ids. Order: T2
// columns of every block (F2021 blocks, then the F2019 ones not already there, as allCellIds
// orders formats), then T3 np … total, then T4 upheld … total; T2.decisions is one column for
// both formats. A cell whose column the spec does not know gets its own `<table>.<col>` column
// after those, and rows without column ids (leftover rows, rows of unrecognised tables) put
// their cells under `extra-1`, `extra-2` … at the end, so the wide sheet also loses no figure.
import type { ReportCell, Report, TableId } from '../report';
import { FORMAT_KEYS, FORMATS, t3DataRows, type FormatKey } from '../spec';
import { writeCsv } from './csv';
import { formatOrder, labelsOf } from './labels';
import type { Field } from './neutralize';
import { firstText, isBlank, shownRaw, shownValue } from './values';

const TABLES: readonly TableId[] = ['T2', 'T3', 'T4'];
const NEWEST_FIRST: readonly FormatKey[] = [...FORMAT_KEYS].reverse();

export const WIDE_BASE = ['agency', 'year', 'format', 'source', 'table', 'row_id', 'row_label'] as const;

/** The spec's data columns of all tables of both formats, named `<table>.<col>`. */
export function wideSpecColumns(): string[] {
  const cols: string[] = [];
  for (const f of NEWEST_FIRST) for (const b of FORMATS[f].tables.T2.blocks) for (const c of b.columns) cols.push(`T2.${c.id}`);
  for (const f of NEWEST_FIRST) for (const c of FORMATS[f].tables.T3.columns) cols.push(`T3.${c.id}`);
  for (const f of NEWEST_FIRST) for (const c of FORMATS[f].tables.T4.columns) cols.push(`T4.${c.id}`);
  return [...new Set(cols)];
}

function specRows(f: FormatKey, table: TableId): string[] {
  const t = FORMATS[f].tables;
  if (table === 'T2') return t.T2.blocks.flatMap((b) => b.rows.map((r) => r.id));
  if (table === 'T3') return t3DataRows(f).map((r) => r.id);
  return t.T4.groups.map((g) => g.id);
}

export interface WideRow {
  table: string;
  rowId: string | null;
  label: string | null;
  byCol: Map<string, Field>;
  extras: Field[];
}

/** Recognised rows of one table in the order of the report's format, unknown rows after. */
function tableRows(r: Report, table: TableId): WideRow[] {
  const order = formatOrder(r);
  const groups = new Map<string, ReportCell[]>();
  for (const c of r.cells) {
    if (c.table !== table) continue;
    const g = groups.get(c.row);
    if (g) g.push(c);
    else groups.set(c.row, [c]);
  }
  const rank = new Map<string, number>();
  for (const id of [...specRows(order[0], table), ...specRows(order[1], table)]) if (!rank.has(id)) rank.set(id, rank.size);
  const pos = (id: string) => rank.get(id) ?? rank.size;
  const ids = [...groups.keys()].sort((a, b) => pos(a) - pos(b)); // stable: unknown rows keep page order
  return ids.map((rowId) => {
    const cells = groups.get(rowId)!;
    const byCol = new Map<string, Field>();
    // the first cell of an id wins, as in the report shape
    for (const c of cells) if (!byCol.has(`${table}.${c.col}`)) byCol.set(`${table}.${c.col}`, shownValue(c));
    const label = cells.map((c) => labelsOf(order, c.id)).find((l) => l !== null)?.rowLabel ?? null;
    return { table, rowId, label, byCol, extras: [] };
  });
}

export function reportRows(r: Report): WideRow[] {
  const rows: WideRow[] = [];
  for (const table of TABLES) {
    rows.push(...tableRows(r, table));
    // leftover rows read right after the table they were found in
    for (const lo of r.leftovers) {
      if (lo.table === table) rows.push({ table, rowId: null, label: lo.label, byCol: new Map(), extras: lo.cells.map(shownRaw) });
    }
  }
  for (const t of r.unrecognized) {
    t.rows.forEach((row, i) => {
      if (row.every(isBlank)) return;
      rows.push({ table: t.id, rowId: String(i + 1), label: firstText(row), byCol: new Map(), extras: row.map(shownRaw) });
    });
  }
  return rows;
}

export function toWideCsv(reports: readonly Report[], bom = false): string {
  const perReport = reports.map((r) => ({ r, rows: reportRows(r) }));
  const cols = wideSpecColumns();
  const known = new Set(cols);
  let extras = 0;
  for (const { rows } of perReport) {
    for (const row of rows) {
      for (const k of row.byCol.keys()) {
        if (known.has(k)) continue;
        known.add(k);
        cols.push(k);
      }
      extras = Math.max(extras, row.extras.length);
    }
  }
  const extraCols = Array.from({ length: extras }, (_, i) => `extra-${i + 1}`);
  const lines: Field[][] = [];
  for (const { r, rows } of perReport) {
    for (const row of rows) {
      lines.push([
        r.agency, r.year, r.format, r.source, row.table, row.rowId, row.label,
        ...cols.map((k) => row.byCol.get(k) ?? null),
        ...extraCols.map((_, i) => row.extras[i] ?? null),
      ]);
    }
  }
  return writeCsv([...WIDE_BASE, ...cols, ...extraCols], lines, bom);
}

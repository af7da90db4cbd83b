// CSV written report by report, for streams (the CLI over thousands of files): the header once,
// then each report's lines as soon as it is read. The long and report shapes have fixed columns,
// so header + lines of each report, concatenated, are byte for byte what toCsv writes for the
// whole list. The wide shape's columns depend on every report (cells of columns the spec does not
// know, the longest leftover row), so its lines are kept as records (WideRecord, plain data that
// can be spooled) and written once the columns are known (WideColumns).
import Papa from 'papaparse';
import type { Report } from '../report';
import { allCellIds } from '../spec';
import { LONG_HEADER, longRows } from './csv-long';
import { REPORT_BASE, reportRow } from './csv-report';
import { reportRows, WIDE_BASE, wideSpecColumns } from './csv-wide';
import { safeField, type Field } from './neutralize';

/** Lines of CSV, each ending in CRLF (as writeCsv writes them); '' for no rows. */
export function csvLines(rows: readonly (readonly Field[])[]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows.map((r) => r.map(safeField)), { newline: '\r\n', quotes: false, escapeFormulae: false, header: false }) + '\r\n';
}

export type StreamShape = 'long' | 'report';

export function streamHeader(shape: StreamShape): string[] {
  return shape === 'long' ? [...LONG_HEADER] : [...REPORT_BASE, ...allCellIds()];
}

let ids: string[] | null = null;

/** The fields of a report's lines in the long or report shape. */
export function streamRows(r: Report, shape: StreamShape): Field[][] {
  if (shape === 'long') return longRows(r);
  ids ??= allCellIds();
  return [reportRow(r, ids)];
}

/** One line of the wide shape before the columns are known. */
export interface WideRecord {
  /** agency, year, format, source, table, row_id, row_label */
  base: Field[];
  /** [`<table>.<col>`, value] */
  cols: [string, Field][];
  extras: Field[];
}

export function wideRecords(r: Report): WideRecord[] {
  return reportRows(r).map((row) => ({
    base: [r.agency, r.year, r.format, r.source, row.table, row.rowId, row.label],
    cols: [...row.byCol],
    extras: row.extras,
  }));
}

/** The wide shape's columns, grown record by record as toWideCsv grows them over the list. */
export class WideColumns {
  private cols = wideSpecColumns();
  private known = new Set(this.cols);
  private extras = 0;

  see(rec: WideRecord): void {
    for (const [k] of rec.cols) {
      if (this.known.has(k)) continue;
      this.known.add(k);
      this.cols.push(k);
    }
    this.extras = Math.max(this.extras, rec.extras.length);
  }

  header(): string[] {
    return [...WIDE_BASE, ...this.cols, ...Array.from({ length: this.extras }, (_, i) => `extra-${i + 1}`)];
  }

  row(rec: WideRecord): Field[] {
    const byCol = new Map(rec.cols);
    return [...rec.base, ...this.cols.map((k) => byCol.get(k) ?? null), ...Array.from({ length: this.extras }, (_, i) => rec.extras[i] ?? null)];
  }
}

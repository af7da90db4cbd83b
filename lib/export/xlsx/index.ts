// Excel workbook (.xlsx) of one or several Reports, written by hand (SpreadsheetML + a small zip
// writer, no dependency) so it runs in the popup, the collection page and Node alike. Load it on
// demand: `const { toXlsx } = await import('…/lib/export/xlsx')`.
//
// One report:      表二, 表三, 表四 (the tables as the official format lays them out; each
//                  finding's cells filled red for errors, amber for warnings, its message as the
//                  cell's note), 核对结果 (the findings), 数据 (every cell, the long CSV's shape).
// Several reports: 报告 (one line per report, the report CSV's shape, finding cells marked),
//                  核对结果 (with source, agency and year), 数据 (every cell of every report).
// Tables of a report without cells (a page that is not a report) are left out.
import type { Report } from '../../report';
import { exportFileName } from '../filename';
import { findingsSheet, longSheets, reportsSheet } from './lists';
import { cellMarks, type Lang } from './marks';
import type { Sheet } from './sheet';
import { table2Sheet } from './table2';
import { table3Sheet } from './table3';
import { table4Sheet } from './table4';
import { layoutFormat } from './table-common';
import { writeWorkbook } from './workbook';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxOptions {
  /** language of the cell notes (the findings sheet has both); default 'zh' */
  lang?: Lang;
  /** deflate the parts (default true); false stores them, for debugging */
  compress?: boolean;
}

/** The sheets of the workbook, in order (exported for tests and for callers that want names). */
export function workbookSheets(reports: readonly Report[], opts: XlsxOptions = {}): Sheet[] {
  const lang = opts.lang ?? 'zh';
  const marks = reports.map((r) => cellMarks(r, lang));
  if (reports.length === 1) {
    const r = reports[0]!;
    const m = marks[0]!;
    const format = layoutFormat(r);
    const has = (t: 'T2' | 'T3' | 'T4') => r.cells.some((c) => c.table === t) || r.leftovers.some((l) => l.table === t);
    return [
      ...(has('T2') ? [table2Sheet(r, format, m)] : []),
      ...(has('T3') ? [table3Sheet(r, format, m)] : []),
      ...(has('T4') ? [table4Sheet(r, format, m)] : []),
      findingsSheet(reports),
      ...longSheets(reports, marks),
    ];
  }
  return [reportsSheet(reports, marks), findingsSheet(reports), ...longSheets(reports, marks)];
}

/** The .xlsx file of one report or several (a collection, a CLI batch). */
export function toXlsx(reports: Report | readonly Report[], opts: XlsxOptions = {}): Promise<Uint8Array> {
  const list: readonly Report[] = Array.isArray(reports) ? reports : [reports as Report];
  return writeWorkbook(workbookSheets(list, opts), opts.compress ?? true);
}

/** `<agency>-<year>-政府信息公开年报.xlsx`, by the same rules as the other downloads. */
export function xlsxFileName(report: Report): string {
  return exportFileName(report, 'csv').replace(/\.csv$/, '.xlsx');
}

export type { Lang } from './marks';

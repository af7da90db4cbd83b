// The list sheets: one line per report (the report CSV's shape), every cell of every report (the
// long CSV's shape), and the findings. Their fields are the CSV's own (reportRow, longRows), so
// the workbook and the CSV carry the same figures; only the neutralising apostrophe is left out,
// because a text cell of a workbook is never read as a formula.
import type { Report } from '../../report';
import { allCellIds } from '../../spec';
import { LONG_HEADER, longRows } from '../csv-long';
import { REPORT_BASE, reportRow } from '../csv-report';
import type { Field } from '../neutralize';
import type { CellMark } from './marks';
import { MAX_ROWS, Sheet, type XCell } from './sheet';

const head = (names: readonly string[]): XCell[] => names.map((value) => ({ value, kind: 'listHead' }));
const plain = (value: Field): XCell => ({ value, kind: 'plain' });
const marked = (value: Field, m: CellMark | undefined): XCell => (m ? { value, kind: 'plain', mark: m.mark, note: m.note } : plain(value));

/** 报告: one line per report, a column per cell id of either format; finding cells marked. */
export function reportsSheet(reports: readonly Report[], marks: readonly Map<string, CellMark>[]): Sheet {
  const ids = allCellIds();
  const sheet = new Sheet('报告');
  sheet.addRow(head([...REPORT_BASE, ...ids]));
  reports.forEach((r, i) => {
    const fields = reportRow(r, ids);
    const m = marks[i]!;
    sheet.addRow(fields.map((v, j) => (j < REPORT_BASE.length ? plain(v) : marked(v, m.get(ids[j - REPORT_BASE.length]!)))));
  });
  sheet.freeze = { rows: 1, cols: 0 };
  sheet.widths.set(0, 40);
  sheet.widths.set(1, 28);
  return sheet;
}

/** Data rows per long sheet: Excel's row limit less the header. */
export const LONG_ROWS_PER_SHEET = MAX_ROWS - 1;

/**
 * 数据: one line per cell (recognised cells, leftover cells, cells of other tables) of every
 * report; the value of a finding's cell marked. Past Excel's row limit it goes on in 数据 2, 数据 3 …
 */
export function longSheets(reports: readonly Report[], marks: readonly Map<string, CellMark>[], rowsPerSheet = LONG_ROWS_PER_SHEET): Sheet[] {
  const valueCol = LONG_HEADER.indexOf('value');
  const sheets: Sheet[] = [];
  let sheet: Sheet | null = null;
  const start = () => {
    const s = new Sheet(sheets.length ? `数据 ${sheets.length + 1}` : '数据');
    s.addRow(head(LONG_HEADER));
    s.freeze = { rows: 1, cols: 0 };
    s.widths.set(0, 24);
    s.widths.set(1, 28);
    s.widths.set(6, 30);
    sheets.push(s);
    return s;
  };
  sheet = start();
  reports.forEach((r, i) => {
    const m = marks[i]!;
    for (const fields of longRows(r)) {
      if (sheet!.height - 1 >= rowsPerSheet) sheet = start();
      const id = fields[0];
      const mark = typeof id === 'string' ? m.get(id) : undefined;
      sheet!.addRow(fields.map((v, j) => (j === valueCol ? marked(v, mark) : plain(v))));
    }
  });
  return sheets;
}

const SEVERITY: Record<string, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };
export const FINDINGS_HEADER = ['严重程度 severity', '规则 rule', '单元格 cells', '应为 expected', '实为 found', '说明 message (zh)', 'message (en)'] as const;
export const FINDINGS_REPORT_COLS = ['来源 source', '机关 agency', '年度 year'] as const;

/** 核对结果: one line per finding; with several reports, which report it belongs to first. */
export function findingsSheet(reports: readonly Report[]): Sheet {
  const several = reports.length > 1;
  const sheet = new Sheet('核对结果');
  sheet.addRow(head([...(several ? FINDINGS_REPORT_COLS : []), ...FINDINGS_HEADER]));
  for (const r of reports) {
    for (const f of r.findings) {
      const sev: XCell = f.severity === 'info' ? plain(SEVERITY.info!) : { value: SEVERITY[f.severity]!, kind: 'plain', mark: f.severity };
      sheet.addRow([
        ...(several ? [plain(r.source), plain(r.agency), plain(r.year)] : []),
        sev,
        plain(f.rule),
        plain(f.cells.join(', ')),
        plain(f.expected),
        plain(f.found),
        plain(f.message.zh),
        plain(f.message.en),
      ]);
    }
  }
  const off = several ? FINDINGS_REPORT_COLS.length : 0;
  if (several) {
    sheet.widths.set(0, 30);
    sheet.widths.set(1, 24);
  }
  sheet.widths.set(off, 14);
  sheet.widths.set(off + 1, 20);
  sheet.widths.set(off + 2, 36);
  sheet.widths.set(off + 5, 60);
  sheet.widths.set(off + 6, 60);
  sheet.freeze = { rows: 1, cols: 0 };
  return sheet;
}

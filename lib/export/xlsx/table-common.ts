// What the three table sheets share: which official layout to draw, the line naming the report,
// a figure as a cell, and the rows the layout has no place for (written under the table).
import type { Report, ReportCell, TableId } from '../../report';
import { cellIds, type FormatKey } from '../../spec';
import { labelsOf, formatOrder } from '../labels';
import { isBlank, shownRaw } from '../values';
import type { CellMark } from './marks';
import type { Sheet, XCell } from './sheet';

/** The report's own layout; for a hybrid or unknown format the one whose ids cover most cells. */
export function layoutFormat(report: Report): FormatKey {
  if (report.format === 'F2019' || report.format === 'F2021') return report.format;
  const have = new Set(report.cells.map((c) => c.id));
  const score = (f: FormatKey) => cellIds(f).filter((id) => have.has(id)).length;
  return score('F2019') > score('F2021') ? 'F2019' : 'F2021';
}

/** 广州市增城区小楼镇人民政府 · 2020 年度 · F2019 · 4 处错误、1 处警告 */
export function metaLine(r: Report): string {
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.filter((f) => f.severity === 'warning').length;
  const verdict = errors || warnings ? `${errors} 处错误、${warnings} 处警告 (${errors} errors, ${warnings} warnings)` : '未发现不一致 (no inconsistencies)';
  const agency = r.agency?.replace(/\s+/g, ' ').trim() || '未知机关';
  return [agency, r.year === null ? '年份不详' : `${r.year} 年度`, r.format ?? '格式不详', verdict].join(' · ');
}

/**
 * A figure as the table shows it: the number read (a number cell, its unit in the number
 * format when the page printed one), else the published text with white space folded ('/',
 * '—', '见说明'), else empty.
 */
export function figure(cell: ReportCell | undefined, mark: CellMark | undefined): XCell {
  const look = mark ? { mark: mark.mark, note: mark.note } : {};
  if (!cell) return { value: null, kind: 'figure', ...look };
  if (cell.value !== null) {
    const unit = cell.unit && !cell.flags.includes('unit_converted') ? cell.unit : undefined;
    return { value: cell.value, kind: 'figure', ...(unit ? { unit } : {}), ...look };
  }
  return { value: isBlank(cell.raw) ? null : cell.raw.replace(/\s+/g, ' ').trim(), kind: 'figure', ...look };
}

/**
 * Under the table: its leftover rows (label, then their cells from the first figure column) and
 * the cells whose ids the layout does not place (id and label, then the figure), so the sheet
 * shows every figure the report read for the table.
 */
export function appendUnplaced(sheet: Sheet, r: Report, table: TableId, format: FormatKey, marks: Map<string, CellMark>, labelCols: number): void {
  const leftovers = r.leftovers.filter((l) => l.table === table);
  const placed = new Set(cellIds(format));
  const unplaced = r.cells.filter((c) => c.table === table && !placed.has(c.id));
  if (!leftovers.length && !unplaced.length) return;
  const heading = (text: string) => {
    const row = sheet.height + 1;
    sheet.set(row, 0, { value: text, kind: 'meta' });
    sheet.height = row + 1;
  };
  const labelCell = (row: number, text: string) => {
    sheet.set(row, 0, { value: text, kind: 'label' });
    sheet.merge(row, 0, row, labelCols - 1, 'label');
  };
  if (leftovers.length) {
    heading(`未能对应到表格位置的行 (rows not placed in the table): ${leftovers.length}`);
    for (const lo of leftovers) {
      const row = sheet.height;
      labelCell(row, lo.label.replace(/\s+/g, ' ').trim());
      lo.cells.forEach((raw, i) => sheet.set(row, labelCols + i, { value: shownRaw(raw), kind: 'figure' }));
      sheet.height = row + 1;
    }
  }
  if (unplaced.length) {
    heading(`本格式表中没有位置的格 (cells this layout has no place for): ${unplaced.length}`);
    const order = formatOrder(r);
    for (const c of unplaced) {
      const row = sheet.height;
      const l = labelsOf(order, c.id);
      labelCell(row, l ? `${c.id} ${l.rowLabel} / ${l.colLabel}` : c.id);
      sheet.set(row, labelCols, figure(c, marks.get(c.id)));
      sheet.height = row + 1;
    }
  }
}

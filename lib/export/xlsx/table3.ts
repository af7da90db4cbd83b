// Sheet 表三 收到和处理政府信息公开申请情况, as the official table reads. Three header rows: the
// corner note (the 勾稽关系 of the column), 申请人情况 over all seven columns, then 自然人 and
// 总计 over two rows and 法人或其他组织 over its five kinds. Three label columns: a group label
// (三、本年度办理结果, （三）不予公开 …) spans the rows under it, written top to bottom as
// printed (wrapped when it has more characters than rows); a row's own label spans the label columns right of its groups.
import type { Report } from '../../report';
import { FORMATS, t3Columns, type FormatKey, type T3Row } from '../../spec';
import type { CellMark } from './marks';
import { Sheet } from './sheet';
import { appendUnplaced, figure, metaLine } from './table-common';

const HEAD_ROWS = 3;
const TOP = 2; // meta line and title above the header

/** For each group row, how many data rows it spans (those after it at a deeper level). */
function groupSpans(rows: readonly T3Row[]): Map<string, number> {
  const spans = new Map<string, number>();
  rows.forEach((g, i) => {
    if (g.data_row !== false) return;
    let n = 0;
    for (let j = i + 1; j < rows.length && rows[j]!.level > g.level; j++) if (rows[j]!.data_row !== false) n++;
    spans.set(g.id, n);
  });
  return spans;
}

export function table3Sheet(r: Report, format: FormatKey, marks: Map<string, CellMark>): Sheet {
  const spec = FORMATS[format].tables.T3;
  const cols = t3Columns(format);
  const labelCols = Math.max(...spec.rows.map((x) => x.level));
  const colAt = new Map(cols.map((c, i) => [c.id, labelCols + i]));
  const last = labelCols + cols.length - 1;
  const byId = new Map(r.cells.map((c) => [c.id, c]));
  const sheet = new Sheet('表三');

  sheet.set(0, 0, { value: metaLine(r), kind: 'meta' });
  sheet.set(1, 0, { value: spec.title, kind: 'title' });
  sheet.merge(1, 0, 1, last, 'title');

  // header
  const h0 = TOP;
  sheet.set(h0, 0, { value: spec.corner_note, kind: 'head' });
  sheet.merge(h0, 0, h0 + HEAD_ROWS - 1, labelCols - 1, 'head');
  sheet.set(h0, labelCols, { value: spec.column_header.label, kind: 'head' });
  sheet.merge(h0, labelCols, h0, last, 'head');
  for (const h of spec.column_header.children) {
    if (h.children?.length) {
      const at = h.children.map((c) => colAt.get(c.col)).filter((x): x is number => x !== undefined);
      if (!at.length) continue;
      sheet.set(h0 + 1, Math.min(...at), { value: h.label, kind: 'head' });
      sheet.merge(h0 + 1, Math.min(...at), h0 + 1, Math.max(...at), 'head');
      for (const c of h.children) {
        const col = colAt.get(c.col);
        if (col !== undefined) sheet.set(h0 + 2, col, { value: c.label, kind: 'head' });
      }
    } else {
      const col = h.col === undefined ? undefined : colAt.get(h.col);
      if (col === undefined) continue;
      sheet.set(h0 + 1, col, { value: h.label, kind: 'head' });
      sheet.merge(h0 + 1, col, h0 + 2, col, 'head');
    }
  }

  // body
  const spans = groupSpans(spec.rows);
  let row = h0 + HEAD_ROWS;
  const pending: T3Row[] = []; // group labels waiting for their first data row
  for (const x of spec.rows) {
    if (x.data_row === false) {
      if ((spans.get(x.id) ?? 0) > 0) pending.push(x);
      continue;
    }
    for (const g of pending) {
      const n = spans.get(g.id)!;
      // top to bottom, a character a row, when the rows it spans hold it; else wrapped across
      const kind = [...g.label].length <= n ? 'vlabel' : 'label';
      sheet.set(row, g.level - 1, { value: g.label, kind });
      sheet.merge(row, g.level - 1, row + n - 1, g.level - 1, kind);
    }
    pending.length = 0;
    sheet.set(row, x.level - 1, { value: x.label, kind: 'label' });
    sheet.merge(row, x.level - 1, row, labelCols - 1, 'label');
    for (const c of cols) {
      const id = `T3.${x.id}.${c.id}`;
      sheet.set(row, colAt.get(c.id)!, figure(byId.get(id), marks.get(id)));
    }
    row++;
  }
  sheet.height = row;
  appendUnplaced(sheet, r, 'T3', format, marks, labelCols);

  sheet.freeze = { rows: h0 + HEAD_ROWS, cols: labelCols };
  sheet.printTitleRows = h0 + HEAD_ROWS;
  // narrow group columns (labels top to bottom, or four characters a line), a wide one for rows
  for (let c = 0; c < labelCols - 1; c++) sheet.widths.set(c, c === 0 ? 5 : 9);
  sheet.widths.set(labelCols - 1, 36);
  for (const c of colAt.values()) sheet.widths.set(c, 10);
  return sheet;
}

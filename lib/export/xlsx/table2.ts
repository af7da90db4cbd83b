// Sheet 表二 主动公开政府信息情况, as the official table reads: one block per article of the
// Regulations (第二十条第（一）项 …), each with its own header row (信息内容 + its columns).
import type { Report } from '../../report';
import { FORMATS, type FormatKey } from '../../spec';
import type { CellMark } from './marks';
import { Sheet } from './sheet';
import { appendUnplaced, figure, metaLine } from './table-common';

/** The header of the first column of every block, as the official table prints it. */
const CONTENT_HEAD = '信息内容';

export function table2Sheet(r: Report, format: FormatKey, marks: Map<string, CellMark>): Sheet {
  const spec = FORMATS[format].tables.T2;
  const width = 1 + Math.max(...spec.blocks.map((b) => b.columns.length));
  const byId = new Map(r.cells.map((c) => [c.id, c]));
  const sheet = new Sheet('表二');
  sheet.set(0, 0, { value: metaLine(r), kind: 'meta' });
  sheet.set(1, 0, { value: spec.title, kind: 'title' });
  sheet.merge(1, 0, 1, width - 1, 'title');
  let row = 2;
  for (const b of spec.blocks) {
    sheet.set(row, 0, { value: b.label, kind: 'head' });
    sheet.merge(row, 0, row, width - 1, 'head');
    row++;
    sheet.set(row, 0, { value: CONTENT_HEAD, kind: 'head' });
    b.columns.forEach((c, i) => sheet.set(row, 1 + i, { value: c.label, kind: 'head' }));
    if (b.columns.length < width - 1) sheet.merge(row, b.columns.length + 1, row, width - 1, 'head');
    row++;
    for (const rr of b.rows) {
      sheet.set(row, 0, { value: rr.label, kind: 'label' });
      b.columns.forEach((c, i) => {
        const id = `T2.${rr.id}.${c.id}`;
        sheet.set(row, 1 + i, figure(byId.get(id), marks.get(id)));
      });
      if (b.columns.length < width - 1) sheet.merge(row, b.columns.length + 1, row, width - 1, 'figure');
      row++;
    }
  }
  sheet.height = row;
  appendUnplaced(sheet, r, 'T2', format, marks, 1);
  sheet.freeze = { rows: 2, cols: 1 };
  sheet.printTitleRows = 2;
  sheet.widths.set(0, 24);
  for (let c = 1; c < width; c++) sheet.widths.set(c, 18);
  return sheet;
}

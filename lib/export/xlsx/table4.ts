// Sheet 表四 政府信息公开行政复议、行政诉讼情况, as the official table reads: 行政复议 (five
// columns) beside 行政诉讼, itself split into 未经复议直接起诉 and 复议后起诉 (five columns each);
// three header rows and one row of fifteen figures.
import type { Report } from '../../report';
import { FORMATS, type FormatKey } from '../../spec';
import type { CellMark } from './marks';
import { Sheet } from './sheet';
import { appendUnplaced, figure, metaLine } from './table-common';

export function table4Sheet(r: Report, format: FormatKey, marks: Map<string, CellMark>): Sheet {
  const spec = FORMATS[format].tables.T4;
  const n = spec.columns.length;
  const top = spec.groups.filter((g) => g.parent === null);
  const parents = [...new Set(spec.groups.flatMap((g) => (g.parent ? [g.parent] : [])))];
  const children = (p: string) => spec.groups.filter((g) => g.parent === p);
  const order = [...top, ...parents.flatMap(children)];
  const last = order.length * n - 1;
  const byId = new Map(r.cells.map((c) => [c.id, c]));
  const sheet = new Sheet('表四');

  sheet.set(0, 0, { value: metaLine(r), kind: 'meta' });
  sheet.set(1, 0, { value: spec.title, kind: 'title' });
  sheet.merge(1, 0, 1, last, 'title');
  const h0 = 2;
  let col = 0;
  for (const g of top) {
    sheet.set(h0, col, { value: g.label, kind: 'head' });
    sheet.merge(h0, col, h0, col + n - 1, 'head');
    spec.columns.forEach((c, i) => {
      sheet.set(h0 + 1, col + i, { value: c.label, kind: 'head' });
      sheet.merge(h0 + 1, col + i, h0 + 2, col + i, 'head');
    });
    col += n;
  }
  for (const p of parents) {
    const kids = children(p);
    sheet.set(h0, col, { value: p, kind: 'head' });
    sheet.merge(h0, col, h0, col + n * kids.length - 1, 'head');
    for (const g of kids) {
      sheet.set(h0 + 1, col, { value: g.label, kind: 'head' });
      sheet.merge(h0 + 1, col, h0 + 1, col + n - 1, 'head');
      spec.columns.forEach((c, i) => sheet.set(h0 + 2, col + i, { value: c.label, kind: 'head' }));
      col += n;
    }
  }
  const row = h0 + 3;
  order.forEach((g, gi) =>
    spec.columns.forEach((c, i) => {
      const id = `T4.${g.id}.${c.id}`;
      sheet.set(row, gi * n + i, figure(byId.get(id), marks.get(id)));
    }),
  );
  sheet.height = row + 1;
  appendUnplaced(sheet, r, 'T4', format, marks, 1);
  sheet.freeze = { rows: row, cols: 0 };
  sheet.printTitleRows = row;
  sheet.landscape = true;
  for (let c = 0; c <= last; c++) sheet.widths.set(c, 9);
  return sheet;
}

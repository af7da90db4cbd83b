// Table 4 (政府信息公开行政复议、行政诉讼情况): one data row of 15 cells in the official order
// (review, lawsuits without review, lawsuits after review; each upheld/corrected/other/pending/total).
// Pages: ../shared/corpus/html/07-pingtan-2022.html (headers one character per <p>), seed 003.
import { FORMATS } from '../spec';
import type { RowParts } from './row-parts';
import { rowLabel } from './row-parts';
import { fitValues } from './fit';
import { makeCell } from './cells';
import { structuralFinding } from './structural';
import { CellCountProblems, emptyResult, leftover, type TableResult } from './table-result';

export function recognizeTable4(rows: RowParts[]): TableResult {
  const out = emptyResult();
  const order = FORMATS.F2021.tables.T4.data_cell_order;
  const problems = new CellCountProblems(order.length);
  let done = false;
  for (const parts of rows) {
    if (parts.values.length === 0 || !parts.values.some((c) => c.text !== '')) continue;
    const fit = fitValues(parts.values, order.length);
    if (!fit.cells) {
      out.leftovers.push(leftover('T4', parts, `${parts.values.length} value cells for ${order.length} columns`));
      problems.add(parts.values.length, false, rowLabel(parts) || '数据行', rowLabel(parts) || 'data row');
      continue;
    }
    if (done) {
      out.leftovers.push(leftover('T4', parts, 'duplicate'));
      out.findings.push(structuralFinding('STRUCT-DUPLICATE-ROW', { table: 'T4', vars: { row: '数据行', rowEn: 'data row' } }));
      continue;
    }
    done = true;
    const cells = fit.cells.map((c, i) => {
      const [group, col] = order[i]!.split('.') as [string, string];
      return makeCell('T4', group, col, c, parts.grid);
    });
    out.cells.push(...cells);
    if (fit.extra.length) {
      out.leftovers.push(leftover('T4', parts, 'extra value cells', fit.extra));
      problems.add(parts.values.length, true, '数据行', 'data row', cells.map((c) => c.id));
      for (const c of cells) c.flags.push('extra_cells');
    }
  }
  if (!done) {
    // a table 4 printed with every figure blank: its one row of exactly 15 empty cells, no label
    const blank = rows.find((p) => p.labels.length === 0 && p.values.length === order.length && p.values.every((c) => c.text === ''));
    if (blank) {
      out.cells.push(...blank.values.map((c, i) => {
        const [group, col] = order[i]!.split('.') as [string, string];
        return makeCell('T4', group, col, c, blank.grid);
      }));
    }
  }
  out.findings.push(...problems.findings('T4'));
  return out;
}

// Long CSV: one line per cell, the shape that loses nothing. Recognised cells first (in
// Report.cells order), then every cell of each leftover row, then every non-empty cell of each
// unrecognised table, so every figure of the page reaches the sheet with its raw text.
import type { Report } from '../report';
import { writeCsv } from './csv';
import { formatOrder, labelsOf } from './labels';
import type { Field } from './neutralize';
import { firstText, isBlank, plainNumber } from './values';

export const LONG_HEADER = [
  'cell_id', 'agency', 'year', 'format', 'table', 'row_id', 'row_label',
  'col_id', 'col_label', 'value', 'raw', 'unit', 'source',
] as const;

export function longRows(r: Report): Field[][] {
  const order = formatOrder(r);
  const head = [r.agency, r.year, r.format] as const;
  const lines: Field[][] = [];
  for (const c of r.cells) {
    const l = labelsOf(order, c.id);
    lines.push([c.id, ...head, c.table, c.row, l?.rowLabel ?? null, c.col, l?.colLabel ?? null, c.value, c.raw, c.unit, r.source]);
  }
  for (const lo of r.leftovers) {
    // Leftover cells have no column id: they are numbered by position, extra-1, extra-2 …
    lo.cells.forEach((raw, i) => {
      lines.push([null, ...head, lo.table, null, lo.label, `extra-${i + 1}`, null, plainNumber(raw), raw, null, r.source]);
    });
  }
  for (const t of r.unrecognized) {
    t.rows.forEach((row, i) => {
      const label = firstText(row);
      row.forEach((raw, j) => {
        if (isBlank(raw)) return;
        lines.push([null, ...head, t.id, String(i + 1), label, String(j + 1), null, plainNumber(raw), raw, null, r.source]);
      });
    });
  }
  return lines;
}

export function toLongCsv(reports: readonly Report[], bom = false): string {
  return writeCsv(LONG_HEADER, reports.flatMap(longRows), bom);
}

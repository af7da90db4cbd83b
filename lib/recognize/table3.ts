// Table 3 (收到和处理政府信息公开申请情况): rows matched by label, free rows placed between
// them in template order, the seven applicant columns read from the right end of each row.
// Pages: ../shared/corpus/html/01-shanghai-shizhengfubangongting-2019.html (blank zeros),
// 06-pingtan-2019.html (results label twice), seeds 000 (results collapsed), 001 (5 values a
// row), 003 (table cut at a page break, rows of 8 values).
import type { FormatKey } from '../spec';
import { t3Children, t3Columns, t3DataRows, t3VirtualSum } from '../spec';
import { T3_ROWS_EN } from '../spec/labels-en';
import type { RowParts } from './row-parts';
import { rowLabel } from './row-parts';
import { lexicon, type T3RowEntry } from './lexicon';
import { matchLabel, labelKey } from './labels';
import { alignRows, type AlignItem } from './align';
import { fitValues, trimBlanks } from './fit';
import { makeCell } from './cells';
import { structuralFinding } from './structural';
import { CellCountProblems, emptyResult, leftover, listRows, listRowsEn, type TableResult } from './table-result';

/** Header rows name two or more applicant columns or header words; they carry no figures. */
function isHeaderRow(parts: RowParts): boolean {
  const lx = lexicon();
  let hits = 0;
  for (const c of parts.labels) {
    const key = labelKey(c.text);
    if (lx.t3HeaderWords.some((w) => key.includes(w)) || matchLabel(c.text, lx.t3Cols)) hits++;
  }
  return hits >= 2 || parts.labels.some((c) => labelKey(c.text).includes('勾稽关系'));
}

/** The row a row's labels name: its rightmost label that names one, else its context. */
export function t3RowOf(parts: RowParts, candidates: T3RowEntry[]): T3RowEntry | null {
  for (const cells of [parts.labels, parts.context]) {
    for (let i = cells.length - 1; i >= 0; i--) {
      const hit = matchLabel(cells[i]!.text, candidates);
      if (hit) return hit as T3RowEntry;
    }
  }
  return null;
}

/** A header column: the grid columns it spans and the column id it names (null: an extra such as 小计). */
interface HeaderLeaf {
  start: number;
  end: number;
  col: string | null;
}

/**
 * The applicant columns as the header of a <table> places them, by grid position. Used where a
 * row's cells do not fit by count, or the header has a column the format does not (小计), so
 * that an extra column never shifts the others.
 */
function headerLeaves(rows: RowParts[]): Map<number, HeaderLeaf[]> {
  const lx = lexicon();
  const byGrid = new Map<number, HeaderLeaf[]>();
  for (const parts of rows) {
    if (!isHeaderRow(parts)) continue;
    for (const c of parts.labels) {
      const key = labelKey(c.text);
      if (lx.t3HeaderWords.some((w) => key.includes(w))) continue;
      const hit = matchLabel(c.text, lx.t3Cols);
      const extra = /^(小计|合计)$/.test(key);
      if (!hit && !extra) continue;
      const leaves = byGrid.get(parts.grid) ?? [];
      leaves.push({ start: c.col, end: c.col + c.colspan, col: hit && !extra ? hit.id : null });
      byGrid.set(parts.grid, leaves);
    }
  }
  // only a header that places every official column, once each, is trusted
  for (const [g, leaves] of byGrid) {
    const ids = leaves.map((l) => l.col).filter((c): c is string => c !== null);
    if (new Set(ids).size !== ids.length || ids.length < t3Columns('F2021').length) byGrid.delete(g);
  }
  return byGrid;
}

/** Values placed by the header's grid positions: the official columns' cells and the rest. */
function byPosition(values: RowParts['values'], leaves: HeaderLeaf[]): { cells: Map<string, RowParts['values'][number]>; extra: RowParts['values'] } | null {
  const cells = new Map<string, RowParts['values'][number]>();
  const extra: RowParts['values'] = [];
  for (const v of values) {
    const leaf = leaves.find((l) => v.col >= l.start && v.col < l.end);
    if (leaf?.col && !cells.has(leaf.col)) cells.set(leaf.col, v);
    else if (v.text !== '') extra.push(v);
  }
  return cells.size === leaves.filter((l) => l.col).length ? { cells, extra } : null;
}

export function recognizeTable3(rows: RowParts[], format: FormatKey): TableResult {
  const out = emptyResult();
  const candidates = lexicon().t3RowsOf[format];
  const columns = t3Columns(format).map((c) => c.id);
  const template = t3DataRows(format);
  const labelOf = new Map(template.map((r) => [r.id, r.label]));
  const problems = new CellCountProblems(columns.length);
  const items: AlignItem<RowParts>[] = [];
  const categories: { group: string; sum: string; parts: RowParts }[] = [];

  for (const parts of rows) {
    if (parts.values.length === 0 || isHeaderRow(parts)) continue;
    const filled = parts.values.some((c) => c.text !== '');
    const hit = t3RowOf(parts, candidates);
    if (!hit && !filled) continue;
    if (hit && !hit.dataRow) {
      // a category printed with figures but without its sub-rows (seed 000: 三、本年度办理结果 0)
      if (!filled) continue;
      // a category row with a full row of figures is its subtotal (r3_sum …, spec virtual rows)
      const sum = t3VirtualSum(format, hit.id);
      if (sum && parts.values.length === columns.length) {
        categories.push({ group: hit.id, sum, parts });
        continue;
      }
      out.leftovers.push(leftover('T3', parts, 'category without sub-rows'));
      out.findings.push(structuralFinding('STRUCT-COLLAPSED', { table: 'T3', vars: { row: rowLabel(parts) }, loc: out.leftovers.at(-1)!.loc }));
      continue;
    }
    if (!hit && parts.values.length < Math.ceil(columns.length / 2)) {
      out.leftovers.push(leftover('T3', parts, 'stray values'));
      continue;
    }
    items.push({ row: parts, anchor: hit?.id ?? null });
  }

  const { assigned, unplaced } = alignRows(template.map((r) => r.id), items);
  for (const { row, reason } of unplaced) {
    out.leftovers.push(leftover('T3', row, reason));
    const name = rowLabel(row) || row.values.map((c) => c.text).join(' ');
    out.findings.push(
      reason === 'duplicate'
        ? structuralFinding('STRUCT-DUPLICATE-ROW', { table: 'T3', vars: { row: name, rowEn: name }, loc: out.leftovers.at(-1)!.loc })
        : structuralFinding('STRUCT-UNPLACED-ROW', { table: 'T3', vars: { row: name }, loc: out.leftovers.at(-1)!.loc }),
    );
  }

  const found = new Set<string>();
  const leavesOf = headerLeaves(rows);
  for (const { slot, row } of assigned) {
    const name = labelOf.get(slot) ?? slot;
    const leaves = leavesOf.get(row.grid);
    // counting fits once blank padding is trimmed, unless the header has a column of its own (小计)
    const countFits = trimBlanks(row.values, columns.length).length === columns.length;
    // blank cells at both ends of a long row (a text export prints a span as empty cells): which
    // of them are padding cannot be told by counting, so the header's positions decide
    const v = row.values;
    const ambiguous = v.length > columns.length && v[0]!.text === '' && v[v.length - 1]!.text === '';
    const placed = leaves && (!countFits || ambiguous || leaves.some((l) => !l.col)) ? byPosition(row.values, leaves) : null;
    if (placed) {
      found.add(slot);
      out.cells.push(...columns.map((col) => makeCell('T3', slot, col, placed.cells.get(col)!, row.grid)));
      if (placed.extra.length) {
        out.leftovers.push(leftover('T3', row, 'cells outside the official columns', placed.extra));
        // a column the header names (小计) is expected; cells outside every header column are not
        if (!leaves!.some((l) => !l.col)) problems.add(row.values.filter((c) => c.text !== '').length, 'header', name, T3_ROWS_EN[slot] ?? slot, columns.map((c) => `T3.${slot}.${c}`));
      }
      continue;
    }
    const fit = fitValues(row.values, columns.length);
    if (!fit.cells) {
      out.leftovers.push(leftover('T3', row, `${row.values.length} value cells for ${columns.length} columns`));
      problems.add(row.values.length, false, name, T3_ROWS_EN[slot] ?? slot);
      continue;
    }
    found.add(slot);
    const cells = fit.cells.map((c, i) => makeCell('T3', slot, columns[i]!, c, row.grid));
    out.cells.push(...cells);
    if (fit.extra.length) {
      out.leftovers.push(leftover('T3', row, 'extra value cells', fit.extra));
      problems.add(fit.extra.length + columns.length, true, name, T3_ROWS_EN[slot] ?? slot, cells.map((c) => c.id));
      for (const c of cells) c.flags.push('extra_cells');
    }
  }
  out.findings.push(...problems.findings('T3'));

  for (const { group, sum, parts } of categories) {
    const cells = fitValues(parts.values, columns.length).cells!;
    out.cells.push(...cells.map((c, i) => makeCell('T3', sum, columns[i]!, c, parts.grid)));
    if (!t3Children(format, group).some((id) => found.has(id))) {
      out.findings.push(structuralFinding('STRUCT-COLLAPSED', { table: 'T3', vars: { row: rowLabel(parts) }, cells: columns.map((c) => `T3.${sum}.${c}`) }));
    }
  }

  const missing = template.filter((r) => !found.has(r.id));
  if (found.size > 0 && missing.length > 0) {
    out.findings.push(
      structuralFinding('STRUCT-MISSING-ROWS', {
        table: 'T3',
        found: missing.length,
        vars: { rows: listRows(missing.map((r) => r.label)), rowsEn: listRowsEn(missing.map((r) => T3_ROWS_EN[r.id] ?? r.id)) },
      }),
    );
  }
  return out;
}

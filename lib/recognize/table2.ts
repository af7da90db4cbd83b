// Table 2 (主动公开政府信息情况): blocks 第二十条第（一）（五）（六）（八）（九）项, each a title row,
// a 信息内容 header naming its columns, and data rows. Columns come from the header when it is
// there (so F2019 and F2021 headers both read right), else from the block of the format.
// Pages: ../shared/corpus/html/01-shanghai-shizhengfubangongting-2019.html (data colspans differ
// from the header's), 06-pingtan-2019.html (CSS borders, bare text cells), text 16 (PDF text).
import { FORMATS, type FormatKey, type T2Block } from '../spec';
import type { RowParts } from './row-parts';
import { rowLabel } from './row-parts';
import { lexicon, type T2ColEntry } from './lexicon';
import { matchLabel, labelKey } from './labels';
import { alignRows, type AlignItem } from './align';
import { fitValues } from './fit';
import { makeCell } from './cells';
import { structuralFinding } from './structural';
import { CellCountProblems, emptyResult, leftover, type TableResult } from './table-result';

function blockOf(format: FormatKey, id: string): T2Block | undefined {
  return FORMATS[format].tables.T2.blocks.find((b) => b.id === id) ?? FORMATS[format === 'F2019' ? 'F2021' : 'F2019'].tables.T2.blocks.find((b) => b.id === id);
}

/** Columns named by a 信息内容 header row (the words may be separate cells or run together). */
function headerColumns(parts: RowParts, block: string | null): T2ColEntry[] | null {
  const first = parts.labels[0];
  if (!first || !labelKey(first.text).startsWith(lexicon().t2HeaderWord)) return null;
  const all = lexicon().t2Cols;
  const pool = block ? (lexicon().t2ColsOf.get(block) ?? all) : all;
  const texts = parts.labels.slice(1).map((c) => c.text);
  const rest = labelKey(first.text).slice(lexicon().t2HeaderWord.length);
  if (rest) texts.unshift(rest);
  const cols: T2ColEntry[] = [];
  for (const t of texts) {
    const hit = (matchLabel(t, pool) ?? matchLabel(t, all)) as T2ColEntry | null;
    if (hit) cols.push(hit);
  }
  return cols;
}

interface BlockRows {
  items: AlignItem<RowParts>[];
  header: T2ColEntry[] | null;
}

export function recognizeTable2(rows: RowParts[], format: FormatKey): TableResult {
  const out = emptyResult();
  const lx = lexicon();
  const blocks = new Map<string, BlockRows>();
  const get = (id: string) => blocks.get(id) ?? (blocks.set(id, { items: [], header: null }), blocks.get(id)!);
  let block: string | null = null;

  for (const parts of rows) {
    const title = parts.labels.map((c) => matchLabel(c.text, lx.t2Blocks)).find((h) => h);
    if (title) {
      block = title.id;
      if (parts.values.length === 0 || !parts.values.some((c) => c.text !== '')) continue;
    }
    const header = headerColumns(parts, block);
    if (header) {
      // a header whose columns belong to another block moves us to that block (PDF text order)
      const owner = header.find((c) => !block || c.block !== block)?.block;
      if (owner && header.every((c) => c.block !== block)) block = owner;
      if (block) get(block).header = header.filter((c) => c.block === block);
      continue;
    }
    const filled = parts.values.some((c) => c.text !== '');
    if (!filled && parts.values.length === 0) continue;
    const pool = block ? (lx.t2RowsOf.get(block) ?? lx.t2Rows) : lx.t2Rows;
    let hit = null;
    for (let i = parts.labels.length - 1; i >= 0 && !hit; i--) hit = matchLabel(parts.labels[i]!.text, pool) ?? matchLabel(parts.labels[i]!.text, lx.t2Rows);
    // a row of the format left entirely blank is read (its cells are blank, null), other blank rows are not
    if (!filled && !hit) continue;
    if (hit) block = (hit as (typeof lx.t2Rows)[number]).block;
    if (!block) {
      out.leftovers.push(leftover('T2', parts, 'row outside any block'));
      continue;
    }
    get(block).items.push({ row: parts, anchor: hit?.id ?? null });
  }

  const problems = new CellCountProblems(3);
  for (const [id, { items, header }] of blocks) {
    const def = blockOf(format, id);
    if (!def) continue;
    const columns = header && header.length ? header.map((c) => ({ id: c.id, type: c.type })) : def.columns;
    const kept = items.filter((it) => it.anchor !== null || it.row.values.length >= Math.ceil(columns.length / 2));
    for (const it of items) if (!kept.includes(it)) out.leftovers.push(leftover('T2', it.row, 'stray values'));
    const { assigned, unplaced } = alignRows(def.rows.map((r) => r.id), kept);
    for (const { row } of unplaced) {
      out.leftovers.push(leftover('T2', row, 'unplaced'));
      out.findings.push(structuralFinding('STRUCT-UNPLACED-ROW', { table: 'T2', vars: { row: rowLabel(row) }, loc: out.leftovers.at(-1)!.loc }));
    }
    for (const { slot, row } of assigned) {
      const label = def.rows.find((r) => r.id === slot)?.label ?? slot;
      const fit = fitValues(row.values, columns.length);
      if (!fit.cells) {
        out.leftovers.push(leftover('T2', row, `${row.values.length} value cells for ${columns.length} columns`));
        problems.add(row.values.length, false, label, slot, [], columns.length);
        continue;
      }
      const cells = fit.cells.map((c, i) => makeCell('T2', slot, columns[i]!.id, c, row.grid, { unitWan: /\(unit 万元\)/.test(columns[i]!.type) }));
      out.cells.push(...cells);
      if (fit.extra.length) {
        out.leftovers.push(leftover('T2', row, 'extra value cells', fit.extra));
        problems.add(row.values.length, true, label, slot, cells.map((c) => c.id), columns.length);
      }
    }
  }
  out.findings.push(...problems.findings('T2'));
  return out;
}

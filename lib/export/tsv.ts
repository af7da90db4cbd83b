// TSV for pasting into Excel / WPS: the tables laid out as they read on paper, one spreadsheet
// cell per field. Tabs, CR and LF inside texts become a space, so a field never needs quoting to
// hold together; texts are neutralised like the CSV. One case still does: a text that starts with
// a double quote opens a quoted field in Excel, WPS and LibreOffice, which then runs over the
// following tabs and lines, so such a field (and only such) is written quoted, quotes doubled.
import type { Report, ReportCell, TableId } from '../report';
import { FORMATS, type FormatKey } from '../spec';
import { formatOrder } from './labels';
import { safeField, type Field } from './neutralize';
import { shownRaw, shownValue } from './values';

const TABLES: readonly TableId[] = ['T2', 'T3', 'T4'];

type Line = Field[];
/** A line of the official layout: label texts, and slots (cell ids) where the figures go. */
type Slot = { id: string };
type LayoutLine = (string | Slot | null)[];

function layout(f: FormatKey, table: TableId): LayoutLine[] {
  const t = FORMATS[f].tables;
  if (table === 'T2') {
    return [
      [t.T2.title],
      ...t.T2.blocks.flatMap((b): LayoutLine[] => [
        [b.label],
        ['信息内容', ...b.columns.map((c) => c.label)],
        ...b.rows.map((r) => [r.label, ...b.columns.map((c) => ({ id: `T2.${r.id}.${c.id}` }))]),
      ]),
    ];
  }
  if (table === 'T3') {
    const cols = t.T3.columns;
    return [
      [t.T3.title],
      ['', ...cols.map((c) => c.label)],
      // group rows (三、本年度办理结果, （三）不予公开 …) carry no figures but are part of the table
      ...t.T3.rows.map((r) => [r.label, ...cols.map((c) => (r.data_row === false ? null : { id: `T3.${r.id}.${c.id}` }))]),
    ];
  }
  return [
    [t.T4.title],
    ['', ...t.T4.columns.map((c) => c.label)],
    ...t.T4.groups.map((g) => [g.parent ? `${g.parent} ${g.label}` : g.label, ...t.T4.columns.map((c) => ({ id: `T4.${g.id}.${c.id}` }))]),
  ];
}

function slotIds(lines: LayoutLine[]): Set<string> {
  const ids = new Set<string>();
  for (const l of lines) for (const f of l) if (f !== null && typeof f === 'object') ids.add(f.id);
  return ids;
}

function tableLines(r: Report, table: TableId): Line[] {
  const cells = new Map<string, ReportCell>();
  for (const c of r.cells) if (c.table === table && !cells.has(c.id)) cells.set(c.id, c);
  // A hybrid report may hold each table in a different format: lay a table out in the format
  // that places most of its cells (ties: the report's own format).
  const [first, second] = formatOrder(r).map((f) => layout(f, table)) as [LayoutLine[], LayoutLine[]];
  const placed = (ids: Set<string>) => [...cells.keys()].filter((id) => ids.has(id)).length;
  const best = placed(slotIds(second)) > placed(slotIds(first)) ? second : first;
  const ids = slotIds(best);
  const lines: Line[] = best.map((l) =>
    l.map((f) => {
      if (f === null || typeof f === 'string') return f;
      const c = cells.get(f.id);
      return c ? shownValue(c) : null;
    }),
  );
  // cells the layout has no place for still reach the paste, under their id
  for (const c of cells.values()) if (!ids.has(c.id)) lines.push([c.id, shownValue(c)]);
  for (const lo of r.leftovers) if (lo.table === table) lines.push([lo.label, ...lo.cells.map(shownRaw)]);
  return lines;
}

function tsvField(f: Field): string {
  const s = String(safeField(f)).replace(/[\t\r\n]/g, ' ');
  return s.startsWith('"') ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toTsv(report: Report): string {
  const blocks: Line[][] = [];
  for (const table of TABLES) {
    if (report.tables.includes(table) || report.cells.some((c) => c.table === table)) blocks.push(tableLines(report, table));
  }
  for (const t of report.unrecognized) {
    blocks.push([[[t.id, t.caption].filter(Boolean).join(' ')], ...t.rows.map((row) => row.map(shownRaw))]);
  }
  if (blocks.length === 0) return '';
  // an empty line between tables, as between tables on paper
  const lines = blocks.flatMap((b, i) => (i === 0 ? b : [[], ...b]));
  return lines.map((l) => l.map(tsvField).join('\t')).join('\r\n') + '\r\n';
}

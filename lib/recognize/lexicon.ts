// Every label the recogniser looks for, built once from the spec data (lib/spec): rows and
// columns of tables 2, 3 and 4 in both formats, their headings, and the format markers.
import { FORMATS, FORMAT_KEYS, SPEC, type FormatKey } from '../spec';
import { makeEntry, labelKey, type LabelEntry } from './labels';
import type { TableId } from '../report';

export interface T3RowEntry extends LabelEntry {
  dataRow: boolean;
  formats: FormatKey[];
}
export interface T2RowEntry extends LabelEntry {
  block: string;
  formats: FormatKey[];
}
export interface T2ColEntry extends LabelEntry {
  block: string;
  format: FormatKey;
  type: string;
}

export interface Lexicon {
  t3Rows: T3RowEntry[];
  /** the rows of table 3 one format prints (the same arrays every call: matchLabel indexes a list once) */
  t3RowsOf: Record<FormatKey, T3RowEntry[]>;
  t3Cols: LabelEntry[];
  /** 申请人情况, 法人或其他组织, the corner note: T3 header words that are not columns */
  t3HeaderWords: string[];
  t4Groups: LabelEntry[];
  t4Cols: LabelEntry[];
  t4HeaderWords: string[];
  t2Blocks: LabelEntry[];
  t2Rows: T2RowEntry[];
  t2Cols: T2ColEntry[];
  /** rows and columns of one block of table 2 (第二十条第（一）项 …), by block id */
  t2RowsOf: Map<string, T2RowEntry[]>;
  t2ColsOf: Map<string, T2ColEntry[]>;
  t2HeaderWord: string;
  headings: LabelEntry<TableId | 'end'>[];
  markers: Record<FormatKey, string[]>;
}

function mergeById<E extends LabelEntry & { formats: FormatKey[] }>(list: E[]): E[] {
  const byId = new Map<string, E>();
  for (const e of list) {
    const had = byId.get(e.id);
    if (!had) byId.set(e.id, e);
    else {
      had.keys = [...new Set([...had.keys, ...e.keys])];
      had.formats = [...new Set([...had.formats, ...e.formats])];
    }
  }
  return [...byId.values()];
}

/** The entries of a list by a key of theirs, each group in list order. */
function groupBy<E>(list: E[], key: (e: E) => string): Map<string, E[]> {
  const out = new Map<string, E[]>();
  for (const e of list) {
    const k = key(e);
    const group = out.get(k);
    if (group) group.push(e);
    else out.set(k, [e]);
  }
  return out;
}

function build(): Lexicon {
  const t3Rows: T3RowEntry[] = [];
  const t2Rows: T2RowEntry[] = [];
  const t2Cols: T2ColEntry[] = [];
  const t2Blocks: LabelEntry[] = [];
  const headings: LabelEntry<TableId | 'end'>[] = [];
  for (const fk of FORMAT_KEYS) {
    const f = FORMATS[fk];
    for (const r of f.tables.T3.rows) {
      t3Rows.push({ ...makeEntry(r.id, r.label, r.aliases), dataRow: r.data_row !== false, formats: [fk] });
    }
    for (const b of f.tables.T2.blocks) {
      t2Blocks.push(makeEntry(b.id, b.label, b.aliases));
      for (const r of b.rows) t2Rows.push({ ...makeEntry(r.id, r.label, r.aliases), block: b.id, formats: [fk] });
      for (const c of b.columns) t2Cols.push({ ...makeEntry(c.id, c.label, c.aliases), block: b.id, format: fk, type: c.type });
    }
    for (const t of ['T2', 'T3', 'T4'] as const) {
      const tab = f.tables[t];
      headings.push(makeEntry<TableId | 'end'>(t, tab.title, tab.title_aliases));
    }
    for (const s of f.sections) {
      if (s.num === '一、' || s.num === '五、' || s.num === '六、') headings.push(makeEntry<TableId | 'end'>('end', s.label, s.aliases));
    }
  }
  const f21 = FORMATS.F2021.tables;
  const header = f21.T3.column_header;
  const t3HeaderWords = [header.label, ...header.children.flatMap((c) => (c.children ? [c.label, ...(c.aliases ?? [])] : []))]
    .concat([f21.T3.corner_note, '本列数据的勾稽关系为'])
    .map(labelKey);
  const t3Merged = mergeById(t3Rows);
  const t2Merged = mergeById(t2Rows);
  return {
    t3Rows: t3Merged,
    t3RowsOf: { F2019: t3Merged.filter((r) => r.formats.includes('F2019')), F2021: t3Merged.filter((r) => r.formats.includes('F2021')) },
    t3Cols: f21.T3.columns.map((c) => makeEntry(c.id, c.label, c.aliases)),
    t3HeaderWords,
    t4Groups: f21.T4.groups.map((g) => makeEntry(g.id, g.label, g.aliases)),
    t4Cols: f21.T4.columns.map((c) => makeEntry(c.id, c.label, c.aliases)),
    t4HeaderWords: ['行政复议', '行政诉讼'].map(labelKey),
    t2Blocks: mergeById(t2Blocks.map((b) => ({ ...b, formats: [] as FormatKey[] }))),
    t2Rows: t2Merged,
    t2Cols,
    t2RowsOf: groupBy(t2Merged, (r) => r.block),
    t2ColsOf: groupBy(t2Cols, (c) => c.block),
    t2HeaderWord: labelKey('信息内容'),
    headings,
    markers: {
      F2019: SPEC.format_detection.F2019_markers.map(labelKey),
      F2021: SPEC.format_detection.F2021_markers.map(labelKey),
    },
  };
}

let cached: Lexicon | null = null;
export function lexicon(): Lexicon {
  return (cached ??= build());
}

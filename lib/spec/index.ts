// The two official formats as data (generated from ../shared/spec/templates.json by
// scripts/gen-spec.mjs). Everything that names a row, a column, a label or a rule comes from here.
import data from './templates.json';

export type FormatKey = 'F2019' | 'F2021';
export const FORMAT_KEYS: readonly FormatKey[] = ['F2019', 'F2021'];

export interface LabelDef {
  id: string;
  label: string;
  aliases: string[];
}
export interface T2Column extends LabelDef {
  type: string;
}
export interface T2Block extends LabelDef {
  columns: T2Column[];
  rows: LabelDef[];
}
export interface T3Column extends LabelDef {
  group: string | null;
}
export interface T3Row extends LabelDef {
  num: string;
  level: number;
  parent?: string;
  /** false for group labels that carry no figures (三、本年度办理结果, （三）不予公开 …) */
  data_row?: boolean;
}
export interface T4Group extends LabelDef {
  parent: string | null;
}
export interface Rule {
  id: string;
  source: string;
  /** the official text the rule rests on, where there is one (the corner note of table 3 …) */
  evidence?: string;
  severity: 'error' | 'warning' | 'info';
  op: string;
  equation: string;
  lhs?: string[];
  rhs?: string[];
  for_each?: Record<string, string[]>;
  tolerance?: number;
  blank_policy?: string;
  applies?: string;
}
export interface SectionDef {
  num: string;
  label: string;
  aliases: string[];
}
export interface FormatSpec {
  doc_no: string;
  report_years: number[];
  sections: SectionDef[];
  tables: {
    T2: { title: string; title_aliases: string[]; blocks: T2Block[] };
    T3: {
      title: string;
      title_aliases: string[];
      corner_note: string;
      column_header: {
        label: string;
        children: { label: string; col?: string; aliases?: string[]; children?: { label: string; col: string }[] }[];
      };
      columns: T3Column[];
      rows: T3Row[];
      /** sums the official table does not print: r3_sum = r3_1 + … + r3_8 … */
      virtual_rows: { id: string; definition: string }[];
    };
    T4: {
      title: string;
      title_aliases: string[];
      groups: T4Group[];
      columns: LabelDef[];
      data_cell_order: string[];
    };
  };
  rules: Rule[];
}

interface SpecData {
  version: string;
  value_parsing: {
    zero_tokens: string[];
    not_applicable_tokens: string[];
    thousands_separator: string[];
  };
  format_detection: { F2021_markers: string[]; F2019_markers: string[] };
  formats: Record<FormatKey, FormatSpec>;
  cross_year_rules: Rule[];
}

export const SPEC = data as unknown as SpecData;
export const FORMATS: Record<FormatKey, FormatSpec> = SPEC.formats;
export const CROSS_YEAR_RULES: Rule[] = SPEC.cross_year_rules;

/** Data columns of table 3 in the order of the official table. */
export function t3Columns(format: FormatKey): T3Column[] {
  return FORMATS[format].tables.T3.columns;
}

/** Rows of table 3 that carry figures, in the order of the official table. */
export function t3DataRows(format: FormatKey): T3Row[] {
  return FORMATS[format].tables.T3.rows.filter((r) => r.data_row !== false);
}

/** Every cell id a format defines, table by table, in the order the tables read. */
export function cellIds(format: FormatKey): string[] {
  const f = FORMATS[format];
  const ids: string[] = [];
  for (const b of f.tables.T2.blocks) for (const r of b.rows) for (const c of b.columns) ids.push(`T2.${r.id}.${c.id}`);
  for (const r of t3DataRows(format)) for (const c of f.tables.T3.columns) ids.push(`T3.${r.id}.${c.id}`);
  for (const k of f.tables.T4.data_cell_order) ids.push(`T4.${k}`);
  return ids;
}

/** Every cell id of either format, deduplicated, F2021 ids first (for one-line-per-report CSV). */
export function allCellIds(): string[] {
  return [...new Set([...cellIds('F2021'), ...cellIds('F2019')])];
}

/** Label of a row or column id in a table, for display and CSV. */
export interface CellLabels {
  table: 'T2' | 'T3' | 'T4';
  rowLabel: string;
  colLabel: string;
  /** T2 block label, T4 group label */
  groupLabel: string | null;
}

export function cellLabels(format: FormatKey, id: string): CellLabels | null {
  const [table, row, col] = id.split('.');
  const f = FORMATS[format].tables;
  if (table === 'T2') {
    for (const b of f.T2.blocks) {
      const r = b.rows.find((x) => x.id === row);
      const c = b.columns.find((x) => x.id === col);
      if (r && c) return { table, rowLabel: r.label, colLabel: c.label, groupLabel: b.label };
    }
    return null;
  }
  if (table === 'T3') {
    const r = f.T3.rows.find((x) => x.id === row) ?? f.T3.rows.find((x) => x.id === virtualGroup(row ?? ''));
    const c = f.T3.columns.find((x) => x.id === col);
    const label = r && r.id !== row ? `${r.label}（小计）` : r?.label;
    return label && c ? { table, rowLabel: label, colLabel: c.label, groupLabel: c.group } : null;
  }
  if (table === 'T4') {
    const g = f.T4.groups.find((x) => x.id === row);
    const c = f.T4.columns.find((x) => x.id === col);
    return g && c ? { table, rowLabel: g.label, colLabel: c.label, groupLabel: g.parent } : null;
  }
  return null;
}

/** The format a report year should use (X-FORMAT-YEAR). */
export function formatForYear(year: number): FormatKey | null {
  for (const k of FORMAT_KEYS) if (FORMATS[k].report_years.includes(year)) return k;
  return year >= 2021 ? 'F2021' : null;
}

/** The group row a virtual sum row stands for: r3_sum → r3_header (（三）不予公开). */
export function virtualGroup(row: string): string | null {
  return /^r\d+_sum$/.test(row) ? row.replace(/_sum$/, '_header') : null;
}

/** The data rows under a group row of table 3 (（三） → r3_1 … r3_8), in order. */
export function t3Children(format: FormatKey, group: string): string[] {
  return FORMATS[format].tables.T3.rows.filter((r) => r.parent === group && r.data_row !== false).map((r) => r.id);
}

/** Virtual sum rows of a format that stand for a printed category row (r3_sum …). */
export function t3VirtualSum(format: FormatKey, group: string): string | null {
  const id = group.replace(/_header$/, '_sum');
  return FORMATS[format].tables.T3.virtual_rows.some((v) => v.id === id) && t3Children(format, group).length > 0 ? id : null;
}

// The Report: the one data type that crosses every boundary (content script → background →
// popup, core → CLI → JSON). Messages carrying a Report are validated with this schema on receipt.
// zod/mini keeps the bundles small (see TOOLCHAIN.md).
import * as z from 'zod/mini';

export const TABLE_IDS = ['T2', 'T3', 'T4'] as const;
export const TableId = z.enum(TABLE_IDS);
export type TableId = z.infer<typeof TableId>;

export const FORMAT_IDS = ['F2019', 'F2021', 'hybrid'] as const;
export const FormatId = z.enum(FORMAT_IDS);
export type FormatId = z.infer<typeof FormatId>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** Where a value came from: a cell of a <table> (grid index, origin row/col, frame), or a text offset. */
export const CellLoc = z.object({
  grid: z.number(),
  row: z.number(),
  col: z.number(),
  /** character offset in a text source (text mode only) */
  offset: z.optional(z.number()),
  /** files with pages (PDF): 1-based page number */
  page: z.optional(z.number()),
});
export type CellLoc = z.infer<typeof CellLoc>;

/**
 * Why a value is what it is. `blank`: empty cell (value null). `not_applicable`: '/', '-', '—'
 * (value null). `zero_word`: 无/零 read as 0. `unit`: a unit was written in the cell.
 * `unit_converted`: 元 converted to 万元. `not_a_number`: text we could not read as a number
 * (value null, raw kept). `extra_cells`: the row had more value cells than the table has columns.
 */
export const CellFlag = z.enum([
  'blank',
  'not_applicable',
  'zero_word',
  'unit',
  'unit_converted',
  'not_a_number',
  'extra_cells',
  'thousands',
  'signed',
  'from_text',
]);
export type CellFlag = z.infer<typeof CellFlag>;

export const ReportCell = z.object({
  /** public cell id of spec/templates.json: T3.new.np, T4.review.total, T2.s1_regulation.made … */
  id: z.string(),
  table: TableId,
  row: z.string(),
  col: z.string(),
  value: z.nullable(z.number()),
  /** the text exactly as published (whitespace included) */
  raw: z.string(),
  unit: z.nullable(z.string()),
  flags: z.array(CellFlag),
  loc: z.nullable(CellLoc),
});
export type ReportCell = z.infer<typeof ReportCell>;

export const Message = z.object({ zh: z.string(), en: z.string() });
export type Message = z.infer<typeof Message>;

export const Finding = z.object({
  /** rule id of the spec (T3-BALANCE …) or a structural id (STRUCT-…) */
  rule: z.string(),
  severity: Severity,
  /** cell ids involved; for a balance-type rule the left side first */
  cells: z.array(z.string()),
  expected: z.nullable(z.number()),
  found: z.nullable(z.number()),
  message: Message,
  table: z.optional(TableId),
  /** the column (T3) or row the finding is about, where it is about one */
  col: z.optional(z.string()),
  row: z.optional(z.string()),
  /** where on the page, for structural findings that concern no cell id */
  loc: z.optional(z.nullable(CellLoc)),
  /** true when a blank cell was counted as 0 to evaluate the rule */
  blankAsZero: z.optional(z.boolean()),
});
export type Finding = z.infer<typeof Finding>;

/** A table of the page that is not one of tables 2/3/4, kept as a raw grid so nothing is lost. */
export const RawTable = z.object({
  /** `other-1`, `other-2` … in page order */
  id: z.string(),
  caption: z.string(),
  /** expanded rows of raw cell texts ('' where a span covers the position) */
  rows: z.array(z.array(z.string())),
  grid: z.nullable(z.number()),
});
export type RawTable = z.infer<typeof RawTable>;

/**
 * A row of a recognised table whose cells could not be given ids (extra row, damaged row,
 * row with too few or too many cells): kept with its raw texts so the export loses nothing.
 */
export const Leftover = z.object({
  table: TableId,
  label: z.string(),
  cells: z.array(z.string()),
  reason: z.string(),
  loc: z.nullable(CellLoc),
});
export type Leftover = z.infer<typeof Leftover>;

export const Attachment = z.object({ text: z.string(), href: z.string(), kind: z.string() });
export type Attachment = z.infer<typeof Attachment>;

export const Report = z.object({
  schema: z.literal(1),
  /** path or url the report was read from */
  source: z.string(),
  title: z.nullable(z.string()),
  /** ISO time of the reading */
  readAt: z.string(),
  isReport: z.boolean(),
  agency: z.nullable(z.string()),
  year: z.nullable(z.number()),
  format: z.nullable(FormatId),
  /** which of tables 2/3/4 were found */
  tables: z.array(TableId),
  cells: z.array(ReportCell),
  findings: z.array(Finding),
  unrecognized: z.array(RawTable),
  leftovers: z.array(Leftover),
  /** links to PDF / Word / image attachments that may hold the report instead of the page */
  attachments: z.array(Attachment),
  /** one-line status for the reader where the page could not be fully read (zh, en) */
  notice: z.nullable(Message),
});
export type Report = z.infer<typeof Report>;

export function parseReport(data: unknown): Report {
  return Report.parse(data);
}

// A column's sweep as files: one line per listed report (the report CSV's columns, after the
// sweep's own: status, why, link, where it was read from, cross-year warnings), the long CSV of
// every figure of the reports read, and JSON of the whole result.
import type { Report } from '../report';
import type { SweepItem, SweepResult } from '../sweep/types';
import { allCellIds } from '../spec';
import { writeCsv } from './csv';
import { toLongCsv } from './csv-long';
import { REPORT_BASE, reportRow } from './csv-report';
import type { Field } from './neutralize';

export const SWEEP_BASE = ['status', 'why', 'link_text', 'url', 'read_from', 'cross_year_warnings'] as const;

export interface SweepCsvOptions {
  bom?: boolean;
  /** the language of the `why` column (default zh) */
  lang?: 'zh' | 'en';
}

function sweepRow(it: SweepItem, ids: readonly string[], lang: 'zh' | 'en'): Field[] {
  const head: Field[] = [it.status, it.why[lang], it.linkText, it.url, it.readFrom ?? null, it.crossYear.length];
  if (it.status === 'report' && it.report) return [...head, ...reportRow(it.report, ids)];
  // not read: what the link says, and no figure
  return [...head, it.readFrom ?? it.url, it.agency, it.year, it.report?.format ?? null, null, null, ...ids.map(() => null)];
}

/** One line per listed report, in the result's order (agency, year). */
export function toSweepCsv(result: SweepResult, opts: SweepCsvOptions = {}): string {
  const ids = allCellIds();
  const lang = opts.lang ?? 'zh';
  return writeCsv([...SWEEP_BASE, ...REPORT_BASE, ...ids], result.items.map((it) => sweepRow(it, ids, lang)), opts.bom ?? false);
}

/** The reports the sweep read, in its order. */
export function sweepReports(result: SweepResult): Report[] {
  return result.items.flatMap((it) => (it.status === 'report' && it.report ? [it.report] : []));
}

/** Every figure of every report read, one line per cell (lib/export/csv-long.ts). */
export function toSweepLongCsv(result: SweepResult, bom = false): string {
  return toLongCsv(sweepReports(result), bom);
}

/** The whole result: list pages, every item with its report, the cross-year pairs. */
export function toSweepJson(result: SweepResult): string {
  return JSON.stringify({ schema: 1, kind: 'sweep', ...result }, null, 2);
}

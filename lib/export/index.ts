// Export of Reports: CSV in three shapes, TSV for pasting, JSON, and file names.
// Every text field of every shape goes through neutralize.ts (formula neutralisation).
import type { Report } from '../report';
import { toLongCsv } from './csv-long';
import { toReportCsv } from './csv-report';
import { toWideCsv } from './csv-wide';

export type CsvShape = 'long' | 'wide' | 'report';
export interface CsvOptions {
  /** long (default): one line per cell; wide: one line per table row; report: one line per report */
  shape?: CsvShape;
  /** start with U+FEFF so Excel and WPS read the UTF-8 as UTF-8 */
  bom?: boolean;
}

export function toCsv(reports: Report | Report[], opts: CsvOptions = {}): string {
  const list = Array.isArray(reports) ? reports : [reports];
  const bom = opts.bom ?? false;
  switch (opts.shape ?? 'long') {
    case 'wide':
      return toWideCsv(list, bom);
    case 'report':
      return toReportCsv(list, bom);
    default:
      return toLongCsv(list, bom);
  }
}

export { toTsv } from './tsv';
export { toJson } from './json';
export { exportFileName } from './filename';
export { neutralize, FORMULA_START } from './neutralize';
export { LONG_HEADER } from './csv-long';
export { WIDE_BASE, wideSpecColumns } from './csv-wide';
export { REPORT_BASE } from './csv-report';

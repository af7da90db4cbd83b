// The pipeline: extract → recognize → check → Report.
import type { PageExtract } from './extract/types';
import { Report } from './report';
import { textToExtract } from './extract/text';
import { recognize, isRowStart } from './recognize';
import { checkCells, sortFindings } from './check';
import { checkNarrative } from './check/narrative';

export interface AnalyzeOptions {
  /** ISO time to stamp the report with (tests pin it) */
  readAt?: string;
}

export function analyzeExtract(extract: PageExtract, opts: AnalyzeOptions = {}): Report {
  const rec = recognize(extract);
  const checked = rec.cells.length
    ? checkCells(rec.cells, { format: rec.format, t2Format: rec.t2Format, t3Format: rec.t3Format, agency: rec.agency, year: rec.year })
    : [];
  // the report's words against its tables: only for a report, whose text is its narrative
  const narrative = rec.isReport && rec.cells.length ? checkNarrative(extract.text, rec.cells) : [];
  return {
    schema: 1,
    source: extract.source,
    title: extract.title || null,
    readAt: opts.readAt ?? new Date().toISOString(),
    isReport: rec.isReport,
    agency: rec.agency,
    year: rec.year,
    format: rec.format,
    tables: rec.tables,
    cells: rec.cells,
    findings: sortFindings([...checked, ...narrative, ...rec.findings]),
    unrecognized: rec.unrecognized,
    leftovers: rec.leftovers,
    attachments: extract.attachments,
    notice: rec.notice,
  };
}

export function analyzeText(text: string, source: string, opts: AnalyzeOptions = {}): Report {
  return analyzeExtract(textToExtract(text, source, { isRowStart }), opts);
}

export { Report };

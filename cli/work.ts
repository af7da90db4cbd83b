// The work of one file, the same in the main thread, a worker thread or a child process: read it,
// analyse it, and turn the Report into its piece of the output at once, so what crosses back to
// the main thread is text (cheap to pass) plus the little the batch needs: counts for the summary
// and the compact entry of the cross-year checks (lib/check/cross-year-index.ts).
import { randomUUID } from 'node:crypto';
import { analyzeExtract } from '../lib/analyze';
import { crossYearEntry, type CrossYearEntry } from '../lib/check/cross-year-index';
import { csvLines, streamRows, wideRecords, type WideRecord } from '../lib/export/csv-stream';
import type { Finding, Report } from '../lib/report';
import { describeError } from './inputs';
import { readSource } from './read-source';
import { summarize } from './summary';

/** The environment variable that gives a child process its WorkOptions (worker.ts). */
export const WORKER_OPTIONS_ENV = 'GOV_REPORT_CHECK_WORKER';

export type OutputFormat = 'text' | 'json' | 'jsonl' | 'csv';
export type CsvShape = 'long' | 'wide' | 'report';

export interface WorkOptions {
  format: OutputFormat;
  shape: CsvShape;
}

/**
 * Output text: a string in the main thread; from a worker, its UTF-8 bytes, whose buffer is
 * moved to the main thread rather than copied into its heap (toTransfer).
 */
export type Text = string | Uint8Array;

/**
 * A report's piece of the output. JSON and JSONL: the report's text cut where its findings array
 * goes (`before` + findings + `after`), so the main thread can add the cross-year findings it
 * finds without parsing the report again.
 */
export type Piece =
  | { kind: 'text'; text: Text }
  | { kind: 'json'; before: Text; after: Text; findings: Finding[] }
  | { kind: 'wide'; records: WideRecord[] };

export interface FileDone {
  ok: true;
  index: number;
  path: string;
  piece: Piece;
  isReport: boolean;
  errors: number;
  warnings: number;
  /** the one-line notice of the reading (why a page is not a report …) */
  notice: string | null;
  crossYear: CrossYearEntry | null;
}

export interface FileFailed {
  ok: false;
  index: number;
  path: string;
  error: string;
}

export type FileResult = FileDone | FileFailed;

export interface Job {
  index: number;
  path: string;
}

// Stands for the findings array while the report is serialised; the random part cannot occur in
// a page (JSON escapes the NUL character, which no text cell of a report keeps anyway).
const HOLE = `\u0000findings:${randomUUID()}`;
const HOLE_JSON = JSON.stringify(HOLE);

/** A report of the JSON array: 2-space indent inside an array, as toJson writes it. */
export function indentJson(json: string, by: string): string {
  return json.replace(/\n/g, '\n' + by);
}

function jsonPiece(r: Report, pretty: boolean): Piece {
  const withHole = { ...r, findings: HOLE };
  const text = pretty ? '  ' + indentJson(JSON.stringify(withHole, null, 2), '  ') : JSON.stringify(withHole);
  const at = text.indexOf(HOLE_JSON);
  return { kind: 'json', before: text.slice(0, at), after: text.slice(at + HOLE_JSON.length), findings: r.findings };
}

/** The Report's piece of the output in the format asked for. */
export function pieceOf(r: Report, opts: WorkOptions): Piece {
  switch (opts.format) {
    case 'text':
      return { kind: 'text', text: summarize(r) };
    case 'json':
      return jsonPiece(r, true);
    case 'jsonl':
      return jsonPiece(r, false);
    case 'csv':
      if (opts.shape === 'wide') return { kind: 'wide', records: wideRecords(r) };
      if (opts.shape === 'report') {
        // one line; the main thread ends it with the cross-year columns
        const line = csvLines(streamRows(r, 'report'));
        return { kind: 'text', text: line.slice(0, -2) };
      }
      return { kind: 'text', text: csvLines(streamRows(r, 'long')) };
  }
}

export function doneOf(job: Job, r: Report, opts: WorkOptions): FileDone {
  let errors = 0;
  let warnings = 0;
  for (const f of r.findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return {
    ok: true, index: job.index, path: job.path, piece: pieceOf(r, opts), isReport: r.isReport, errors, warnings,
    notice: r.notice?.en ?? null, crossYear: crossYearEntry(r),
  };
}

const utf8 = new TextEncoder();

/**
 * The result as a worker sends it: texts as UTF-8 bytes, with the buffers to move. The main
 * thread then writes bytes to stdout as they are, and its heap never holds the output.
 */
export function toTransfer(r: FileResult): { result: FileResult; transfer: ArrayBuffer[] } {
  if (!r.ok) return { result: r, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  const bytes = (t: Text): Uint8Array => {
    const b = typeof t === 'string' ? utf8.encode(t) : t;
    transfer.push(b.buffer as ArrayBuffer);
    return b;
  };
  const p = r.piece;
  const piece: Piece = p.kind === 'text' ? { kind: 'text', text: bytes(p.text) } : p.kind === 'json' ? { ...p, before: bytes(p.before), after: bytes(p.after) } : p;
  return { result: { ...r, piece }, transfer };
}

export async function workFile(job: Job, opts: WorkOptions): Promise<FileResult> {
  let report: Report;
  try {
    report = analyzeExtract(await readSource(job.path));
  } catch (e) {
    return { ok: false, index: job.index, path: job.path, error: describeError(e) };
  }
  try {
    return doneOf(job, report, opts);
  } catch (e) {
    return { ok: false, index: job.index, path: job.path, error: `could not be written: ${describeError(e)}` };
  }
}

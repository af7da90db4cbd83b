// npm run check -- <file|dir|->... [--format text|json|jsonl|csv|xlsx] [--shape long|wide|report] [--bom] [--jobs N] [--out FILE]
//
// Reads saved report pages (.html/.htm/.shtml), text files (.txt) and whatever else
// cli/read-source.ts reads (.pdf/.docx/.doc) with the same core as the extension. A directory is
// walked recursively for those kinds of file (cli/file-kinds.ts), names sorted; `-` reads a list
// of paths from stdin, one a line or NUL-separated (`find … -print0 | npm run check -- -`).
// Output comes in the order of the inputs, report by report as they are read, whatever --jobs:
// text summaries, a JSON array, JSONL (one Report a line) or CSV (long, wide, report shape); or,
// with --out, one Excel workbook of the batch (cli/xlsx-out.ts: held whole, up to 2,000 reports). The
// consecutive years of one agency in the batch are checked against each other (cli/batch-writer.ts
// says where their findings go in each format). stdout carries the data only; stderr the files
// that could not be read or are not reports, a progress line when stderr is a terminal, and one
// summary line at the end.
//
// --jobs N  files read in parallel (default: the machine's cores, os.availableParallelism()).
//   More than one: the main thread and N-1 worker threads (cli/pool.ts). Measured on 2 cores
//   (10,000 files, a machine busy with other work): worker threads 255–293 MB peak RSS at
//   300–420 files/s, child processes 333–358 MB at 405–550 files/s, the same CPU time per file
//   (2.8 ms). Threads are the default, for memory; GOV_REPORT_CHECK_POOL=processes runs child
//   processes instead (the bench measures both).
//
// Exit status: 0 when every file was read (whatever the findings, non-reports included), 1 when
// a file could not be read (or stdout failed with an error other than a closed pipe), 2 for a
// usage error. A reader that closes the pipe early (`| head`) ends the run quietly, with the status
// of the files read until then.
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { CrossYearIndex, type StreamPair } from '../lib/check/cross-year-index';
import { BatchWriter } from './batch-writer';
import { runInOrder } from './in-order';
import { InputQueue, listInputs, type Input, type ListStats } from './inputs';
import { createRunner, type PoolKind } from './pool';
import { newTally, Progress } from './progress';
import { StreamOut } from './stream-out';
import { summarizePairs } from './summary';
import type { CsvShape, FileResult, OutputFormat } from './work';
import { ReportSink, writeWorkbook } from './xlsx-out';

export const USAGE = `usage: npm run check -- <file|directory|->... [--format text|json|jsonl|csv|xlsx] [--shape long|wide|report] [--bom] [--jobs N] [--out FILE]
  <directory>   read every .html/.htm/.shtml/.txt/.pdf/.docx/.doc file in it, recursively
  -             read the paths to check from stdin, one a line
  --format      text (default), json (an array of Reports), jsonl (one Report a line), csv,
                xlsx (an Excel workbook with the wrong cells marked; needs --out)
  --out FILE    write the workbook there (xlsx only)
  --shape       csv shape: long (one line per cell, default), wide (per table row), report (per report)
  --bom         csv: start with a byte-order mark for Excel/WPS
  --jobs N      files read in parallel (default: the number of cores)
exit status: 0 every file read, 1 some file unreadable, 2 usage error`;

export interface Args {
  paths: string[];
  format: OutputFormat | 'xlsx';
  /** the workbook's path (xlsx) */
  out: string | null;
  shape: CsvShape;
  bom: boolean;
  jobs: number;
}

export function parseArgs(argv: string[]): Args | string {
  const a: Args = { paths: [], format: 'text', shape: 'long', bom: false, jobs: availableParallelism(), out: null };
  // --opt=value is the same as --opt value
  argv = argv.flatMap((v) => (/^--\w+=/.test(v) ? [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)] : [v]));
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    const next = () => argv[++i] ?? '';
    if (v === '--format') {
      const f = next();
      if (f !== 'text' && f !== 'json' && f !== 'jsonl' && f !== 'csv' && f !== 'xlsx') return `unknown --format "${f}"`;
      a.format = f;
    } else if (v === '--out' || v === '-o') {
      a.out = next();
      if (!a.out) return '--out wants a file name';
    } else if (v === '--shape') {
      const s = next();
      if (s !== 'long' && s !== 'wide' && s !== 'report') return `unknown --shape "${s}"`;
      a.shape = s;
    } else if (v === '--jobs' || v === '-j') {
      const n = next();
      if (!/^[1-9]\d{0,3}$/.test(n)) return `--jobs wants a whole number from 1, not "${n}"`;
      a.jobs = Number(n);
    } else if (v === '--bom') a.bom = true;
    else if (v === '-h' || v === '--help') return '';
    else if (v === '-') {
      if (a.paths.includes('-')) return '"-" (paths from stdin) given twice';
      a.paths.push(v);
    } else if (v.startsWith('-')) return `unknown option ${v}`;
    else a.paths.push(v);
  }
  if (a.paths.length === 0) return 'no file given';
  if (a.format === 'xlsx' && !a.out) return '--format xlsx writes a file: give it with --out FILE';
  if (a.out && a.format !== 'xlsx') return '--out is for --format xlsx; the other formats go to stdout';
  return a;
}

export interface Io {
  stdout: Writable | NodeJS.WriteStream;
  stderr: Writable | NodeJS.WriteStream;
  /** read only when `-` is given */
  stdin: () => Readable | NodeJS.ReadableStream;
}

const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, stdin: () => process.stdin });

function poolKind(): PoolKind {
  return process.env.GOV_REPORT_CHECK_POOL === 'processes' ? 'processes' : 'threads';
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const args = parseArgs([...argv]);
  if (typeof args === 'string') {
    await new Promise<void>((ok) => io.stderr.write(`${args ? args + '\n' : ''}${USAGE}\n`, () => ok()));
    return args ? 2 : 0;
  }
  if (args.format === 'xlsx') return runToWorkbook({ ...args, format: 'jsonl' }, args.out!, io);
  return run({ ...args, format: args.format }, io);
}

/** The batch as JSONL into memory, then one workbook. */
async function runToWorkbook(args: Args & { format: OutputFormat }, path: string, io: Io): Promise<number> {
  const sink = new ReportSink();
  const code = await run(args, { ...io, stdout: sink });
  if (sink.overflow) return 1;
  try {
    const bytes = await writeWorkbook(sink.reports, path);
    await new Promise<void>((ok) => io.stderr.write(`check: ${sink.reports.length} reports written to ${path} (${Math.round(bytes / 1024)} KB)\n`, () => ok()));
  } catch (e) {
    await new Promise<void>((ok) => io.stderr.write(`check: cannot write ${path}: ${e instanceof Error ? e.message : String(e)}\n`, () => ok()));
    return 1;
  }
  return code;
}

async function run(args: Args & { format: OutputFormat }, io: Io): Promise<number> {
  const out = new StreamOut(io.stdout);
  const progress = new Progress(io.stderr as NodeJS.WriteStream, (io.stderr as NodeJS.WriteStream).isTTY === true);
  const tally = newTally();
  const stats: ListStats = { skipped: 0 };
  const queue = new InputQueue(listInputs(args.paths, io.stdin, stats));
  const runner = createRunner(args.jobs, poolKind(), { format: args.format, shape: args.shape });
  const writer = new BatchWriter(out, args.format, args.shape, args.bom);
  const index = new CrossYearIndex();
  const late: StreamPair[] = [];
  let stopped: string | null = null;
  try {
    await writer.begin();
    const start = (input: Input, i: number): Promise<FileResult> =>
      input.error ? Promise.resolve({ ok: false, index: i, path: input.path, error: input.error }) : runner.run({ index: i, path: input.path });
    await runInOrder(() => queue.next(), start, Math.max(32, args.jobs * 16), async (r) => {
      tally.files++;
      if (!r.ok) {
        tally.unreadable++;
        progress.say(`check: cannot read ${r.path}: ${r.error}`);
      } else {
        if (r.isReport) tally.reports++;
        else {
          tally.notReports++;
          progress.say(`check: ${r.path}: not a report${r.notice ? ` (${r.notice})` : ''}`);
        }
        if (r.errors > 0) tally.withErrors++;
        const found = index.add(r.crossYear);
        late.push(...found.late);
        await writer.report(r, found.own);
      }
      progress.tick(tally.files, queue.total);
      return !out.closed;
    });
    if (!out.closed) {
      const pairs = index.yearPairs();
      await writer.end(late, pairs.length ? summarizePairs(pairs) : null);
    }
  } catch (e) {
    stopped = `failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await runner.close();
    writer.dispose();
  }
  await out.finish();
  if (out.closed) stopped = out.failure ? `output failed: ${out.failure.message}` : 'output closed by its reader';
  tally.skipped = stats.skipped;
  tally.pairs = index.pairs.length;
  tally.crossYearFindings = index.pairs.reduce((n, p) => n + p.findings.length, 0);
  await progress.end(tally, stopped);
  return tally.unreadable || out.failure || (stopped && !out.closed) ? 1 : 0;
}

// run when executed (tsx cli/main.ts), not when imported by tests; exit only once stdout and
// stderr have taken everything (main resolves after that)
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`check: ${e instanceof Error ? e.message : String(e)}\n`, () => process.exit(1));
    },
  );
}

// Bench part "files": reading report PDFs in Node, as the CLI does (pdfjs's legacy build).
//   npm run bench -- --only=files
// 1. the first load of the PDF code: import of pdfjs, then the first document (pdfjs loads its
//    worker module on it), each in a fresh Node process;
// 2. time to figures for a 5-page report PDF: readPdf + analyzeExtract, warm, and its split;
// 3. a 300-page PDF: read to the default page limit (bounded), and every page (maxPages 300);
// 4. the same 5-page PDF in the extension, in Debian's Chromium (scripts/measure-file-reading.ts
//    over the test build, built here when .output-e2e is missing): the files page with pdfjs's
//    first load and with pdfjs loaded, and the popup over the PDF viewer.
// Prints its table to stdout and writes bench/results-files.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdf, PDF_MAX_PAGES } from '../lib/extract/pdf';
import { analyzeExtract } from '../lib/analyze';
import { loadPdfjsNode } from '../cli/pdfjs-node';
import { longPdf } from '../tests/unit/pdf-synthetic';
import { spread, rounded, type Spread } from './stats';
import { BENCH_DIR, ROOT } from './bundle';

const PLAN = { coldProcesses: 5, reportRuns: 20, reportWarm: 3, longRuns: 3 };

/** The 5-page report: a corpus print when ../shared is there, else the committed 003 print. */
function reportPdf(): { name: string; bytes: Uint8Array } {
  const corpus = join(ROOT, '..', 'shared', 'corpus-files', 'pdf', '05-pingtan-2024.chromium.pdf');
  const file = existsSync(corpus) ? corpus : join(ROOT, 'tests', 'fixtures', 'files', 'pdf', '003_ed735561ce7e8ab6.cms.chromium.pdf');
  return { name: file.slice(file.lastIndexOf('/') + 1), bytes: new Uint8Array(readFileSync(file)) };
}

/** A fresh process: ms to import pdfjs, ms to open the first document (worker module load) and read its first page's text. */
function coldLoad(pdfPath: string): { importMs: number; firstDocMs: number } {
  const script = `
    const t0 = performance.now();
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const t1 = performance.now();
    const data = new Uint8Array((await import('node:fs')).readFileSync(${JSON.stringify(pdfPath)}));
    const doc = await pdfjs.getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
    await (await doc.getPage(1)).getTextContent();
    const t2 = performance.now();
    await doc.destroy();
    console.log(JSON.stringify({ importMs: t1 - t0, firstDocMs: t2 - t1 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { importMs: number; firstDocMs: number };
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await f();
  return [performance.now() - t0, v];
}

const fmt = (s: Spread): string => `${s.median.toFixed(1)} [${s.p25.toFixed(1)}–${s.p75.toFixed(1)}]`;

export interface FilesResult {
  report: string;
  pages: number;
  importMs: Spread;
  firstDocMs: Spread;
  readMs: Spread;
  analyzeMs: Spread;
  toFiguresMs: Spread;
  longBoundedMs: Spread;
  longAllMs: Spread;
  longNotice: string | null;
}

export async function benchFiles(io: { log: (s: string) => void; say: (s: string) => void }): Promise<FilesResult> {
  const { log, say } = io;
  const report = reportPdf();
  const tmp = join(tmpdir(), `bench-files-${process.pid}.pdf`);
  writeFileSync(tmp, report.bytes);
  log(`8. files: first load of pdfjs in ${PLAN.coldProcesses} fresh processes …`);
  const cold = Array.from({ length: PLAN.coldProcesses }, () => coldLoad(tmp));
  rmSync(tmp, { force: true });

  log(`   ${report.name}: readPdf + analyzeExtract × ${PLAN.reportRuns} …`);
  const rt = await loadPdfjsNode();
  const read: number[] = [];
  const analyze: number[] = [];
  let pages = 0;
  for (let i = 0; i < PLAN.reportWarm + PLAN.reportRuns; i++) {
    const [r, extract] = await time(() => readPdf(report.bytes, { source: report.name, ...rt }));
    const [a, rep] = await time(async () => analyzeExtract(extract));
    if (rep.cells.length === 0) throw new Error(`${report.name}: no figures read`);
    pages = Math.max(pages, ...extract.grids.flatMap((g) => g.cells.map((c) => c.page ?? 0)));
    if (i >= PLAN.reportWarm) (read.push(r), analyze.push(a));
  }

  log('   a 300-page PDF …');
  const long = longPdf(300);
  const bounded: number[] = [];
  const all: number[] = [];
  let longNotice: string | null = null;
  for (let i = 0; i < PLAN.longRuns; i++) {
    const [b, e] = await time(() => readPdf(long, { source: 'long.pdf', ...rt }));
    longNotice = e.notice?.en ?? null;
    bounded.push(b);
    const [c] = await time(() => readPdf(long, { source: 'long.pdf', ...rt, maxPages: 300 }));
    all.push(c);
  }

  const result: FilesResult = {
    report: report.name,
    pages,
    importMs: rounded(spread(cold.map((c) => c.importMs))),
    firstDocMs: rounded(spread(cold.map((c) => c.firstDocMs))),
    readMs: rounded(spread(read)),
    analyzeMs: rounded(spread(analyze)),
    toFiguresMs: rounded(spread(read.map((r, i) => r + analyze[i]!))),
    longBoundedMs: rounded(spread(bounded)),
    longAllMs: rounded(spread(all)),
    longNotice,
  };
  say(`\n8. Report files in Node (pdfjs legacy build, the CLI's path; times in ms, median [p25–p75]; full spreads in bench/results-files.json)`);
  say('| measure | ms |');
  say('|---|---|');
  say(`| first load: import pdfjs (fresh process, ${PLAN.coldProcesses} runs) | ${fmt(result.importMs)} |`);
  say(`| first load: first document + page text (worker module load) | ${fmt(result.firstDocMs)} |`);
  say(`| ${report.name} (figures on pages 1–${pages}): readPdf | ${fmt(result.readMs)} |`);
  say(`| same: analyzeExtract | ${fmt(result.analyzeMs)} |`);
  say(`| same: time to figures (readPdf + analyzeExtract, warm, ${PLAN.reportRuns} runs) | ${fmt(result.toFiguresMs)} |`);
  say(`| 300-page PDF, default limit of ${PDF_MAX_PAGES} pages (${longNotice ?? 'no notice'}) | ${fmt(result.longBoundedMs)} |`);
  say(`| 300-page PDF, all 300 pages (maxPages 300) | ${fmt(result.longAllMs)} |`);
  writeFileSync(join(BENCH_DIR, 'results-files.json'), JSON.stringify({ when: new Date().toISOString(), plan: PLAN, ...result }, null, 2) + '\n');
  say(`\n8b. The same PDF in the extension (Chromium, test build)`);
  say(inExtension());
  return result;
}

/** Part 4: the extension's own timings, from the script the e2e harness drives; its lines, or why none. */
function inExtension(): string {
  if (!existsSync('/usr/bin/chromium')) return 'skipped: /usr/bin/chromium missing';
  if (!existsSync(join(ROOT, '..', 'shared', 'corpus-files'))) return 'skipped: needs ../shared/corpus-files';
  try {
    if (!existsSync(join(ROOT, '.output-e2e', 'chrome-mv3', 'manifest.json'))) {
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, E2E: '1' }, stdio: 'ignore' });
    }
    return execFileSync('npx', ['tsx', 'scripts/measure-file-reading.ts', '5'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 }).trim();
  } catch (e) {
    return `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
}

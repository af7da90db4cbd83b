// npm run bench [-- --only=detect,report,scale,hostile,node,cli,sizes] [--out=bench/results.json]
// Runs every part of the bench (about 1.5 minutes on 2 cores), prints the tables and the budgets
// (progress goes to stderr, tables to stdout), and writes the full results to bench/results.json.
// Needs Debian's /usr/bin/chromium (apt-get install -y chromium); builds the extension with
// `npx wxt build` only when .output/chrome-mv3 is missing. Timings on a machine shared with other
// work are noisy: the load average before and after is recorded with the results.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { BenchBrowser, LAUNCH_ARGS, type DetectResult, type HostileResult, type PipelineResult, type ServedPage } from './browser';
import { hostilePages, nonReportPages, syntheticReport } from './pages';
import { compareInNode, loadGeneric, GENERIC_NAME, type NodeCompare } from './library';
import { benchCli, type CliResult } from './cli';
import { measureSizes, type EntrySize } from './sizes';
import { evaluateBudgets, LINEAR_EFFICIENCY } from './budgets';
import { budgetTable, cliTable, detectionTable, hostileTable, nodeTable, pipelineTable, sizeTable } from './report-table';
import { BENCH_DIR, ROOT } from './bundle';
import { decode } from '../cli/read-source';
import { benchFiles } from './files';

/** Iteration counts, printed with the results. */
const PLAN = {
  detection: { batches: 40, batchMs: 5 },
  reportPages: { runs: 30, warm: 5 },
  scaling: [
    { cells: 1_000, runs: 30, warm: 5 },
    { cells: 10_000, runs: 15, warm: 3 },
    { cells: 100_000, runs: 7, warm: 2 },
  ],
  hostile: { runs: 5, warm: 1 },
  node: { msPerContender: 1500, minRuns: 3, maxRuns: 30 },
  cli: { files: 10_000, rounds: 2 },
};

const SECTIONS = ['detect', 'report', 'scale', 'hostile', 'node', 'cli', 'sizes', 'files'] as const;
type Section = (typeof SECTIONS)[number];

function args(): { only: Set<Section>; out: string } {
  let only = new Set<Section>(SECTIONS);
  let out = join(BENCH_DIR, 'results.json');
  for (const a of process.argv.slice(2)) {
    if (a.startsWith('--only=')) only = new Set(a.slice(7).split(',').filter((s): s is Section => (SECTIONS as readonly string[]).includes(s)));
    else if (a.startsWith('--out=')) out = a.slice(6);
  }
  return { only, out };
}

const log = (s: string): void => void process.stderr.write(s + '\n');
const say = (s: string): void => void process.stdout.write(s + '\n');

const CORPUS = process.env.BENCH_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
const SEEDS = join(ROOT, 'tests', 'fixtures', 'seeds');

function listFiles(dir: string, ext: RegExp): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => ext.test(f)).sort().map((f) => join(dir, f)) : [];
}

/** The report pages of part 2: the corpus's html pages and the seed fixture pages that exist. */
function reportPages(): { group: string; file: string }[] {
  const corpus = listFiles(join(CORPUS, 'html'), /\.html?$/i);
  if (corpus.length === 0) log(`! corpus: ${join(CORPUS, 'html')} absent or empty — corpus pages skipped (set BENCH_CORPUS)`);
  const seeds = listFiles(SEEDS, /\.html?$/i);
  if (seeds.length === 0) log(`! seeds: no ${SEEDS}/*.html yet — seed fixture pages skipped`);
  return [...corpus.map((file) => ({ group: 'corpus', file })), ...seeds.map((file) => ({ group: 'seed', file }))];
}

/** The bench copies the content script's detection; warn when the content script no longer matches it. */
function checkDetectionCopy(): string | null {
  const src = readFileSync(join(ROOT, 'entrypoints', 'content', 'index.ts'), 'utf8');
  const ok = src.includes("document.querySelector('h1')?.textContent?.slice(0, 300)") && src.includes('looksLikeReportPage({ title: document.title, firstHeading: heading })');
  return ok ? null : 'entrypoints/content/index.ts no longer detects as bench/page-entry.ts detectStep() does: update detectStep';
}

function ensureBuild(): string | null {
  const dir = join(ROOT, '.output', 'chrome-mv3');
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  log('  no .output/chrome-mv3: running npx wxt build …');
  try {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    return existsSync(join(dir, 'manifest.json')) ? dir : null;
  } catch {
    return null;
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not found';
  }
}

async function main(): Promise<void> {
  const { only, out } = args();
  const started = Date.now();
  const cores = availableParallelism();
  const machine = {
    cores, cpu: cpus()[0]?.model ?? '?', memoryGB: Number((totalmem() / 2 ** 30).toFixed(1)), node: process.version, os: `${process.platform} ${release()}`,
    chromium: chromiumVersion(), playwrightCore: (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'playwright-core', 'package.json'), 'utf8')) as { version: string }).version,
    chromiumArgs: LAUNCH_ARGS, loadavgStart: loadavg().map((x) => Number(x.toFixed(2))), loadavgEnd: [] as number[],
  };
  const notes: string[] = [];
  const drift = checkDetectionCopy();
  if (drift) notes.push(drift);

  let detection: DetectResult[] | undefined;
  let reports: PipelineResult[] | undefined;
  let scaling: PipelineResult[] | undefined;
  let hostile: HostileResult[] | undefined;
  let node: { generic: string | null; rows: NodeCompare[] } | undefined;
  let cli: CliResult | undefined;
  let sizes: EntrySize[] | undefined;

  const pages = reportPages();
  const synthetic = PLAN.scaling.map((s) => ({ ...s, page: syntheticReport(s.cells) }));

  if (only.has('detect') || only.has('report') || only.has('scale') || only.has('hostile')) {
    if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing: apt-get install -y chromium');
    const b = await BenchBrowser.launch();
    machine.chromium = `${machine.chromium} (playwright reports ${b.version()})`;
    try {
      if (only.has('detect')) {
        log('1. detection on non-report pages …');
        detection = [];
        for (const p of nonReportPages()) {
          detection.push(await b.detect({ path: `/nonreport/${p.name}.html`, body: Buffer.from(p.html) }, p.name, p.about, PLAN.detection.batches, PLAN.detection.batchMs));
        }
      }
      if (only.has('report')) {
        log(`2. pipeline on ${pages.length} report pages …`);
        reports = [];
        for (const { group, file } of pages) {
          const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.html?$/, '');
          const served: ServedPage = { path: `/${group}/${encodeURIComponent(name)}.html`, body: readFileSync(file) };
          reports.push(await b.pipeline(served, name, group, PLAN.reportPages.runs, PLAN.reportPages.warm));
        }
      }
      if (only.has('scale')) {
        log('3. growth on synthetic report pages …');
        scaling = [];
        for (const s of synthetic) scaling.push(await b.pipeline({ path: `/synthetic/${s.page.name}.html`, body: Buffer.from(s.page.html) }, s.page.name, 'synthetic', s.runs, s.warm));
      }
      if (only.has('hostile')) {
        log('4. hostile pages …');
        hostile = [];
        for (const h of hostilePages()) {
          hostile.push(await b.hostile({ path: `/hostile/${encodeURIComponent(h.name)}.html`, body: Buffer.from(h.html) }, h.name, h.about, PLAN.hostile.runs, PLAN.hostile.warm));
        }
      }
    } finally {
      await b.close();
    }
  }

  if (only.has('node')) {
    log('5. Node: ours vs floor vs generic library …');
    const generic = await loadGeneric();
    if (!generic) notes.push(`${GENERIC_NAME} is not installed: the generic-library comparison was skipped (it runs when node_modules has it)`);
    const html = [
      ...pages.map(({ file }) => ({ name: file.slice(file.lastIndexOf('/') + 1).replace(/\.html?$/, ''), html: decode(readFileSync(file), true) })),
      ...synthetic.map((s) => ({ name: s.page.name, html: s.page.html })),
    ];
    node = { generic: generic ? `${generic.name}@${generic.version}` : null, rows: await compareInNode(html, generic, PLAN.node.msPerContender) };
    // a run's wall time well over its CPU time: the process waited for the CPU (other work on the machine)
    const waited = node.rows.filter((r) => r.oursMs.median > 1.5 * r.oursCpuMs);
    if (waited.length) notes.push(`Node: wall time over 1.5× CPU time on ${waited.map((r) => r.page).join(', ')}: the machine was busy with other work, those rows are inflated`);
    // CPU-bound runs of one page 3× apart: worth a look at its GC column
    const erratic = node.rows.filter((r) => r.oursMs.max > 3 * r.oursMs.min && r.oursMs.min > 50);
    if (erratic.length) notes.push(`Node: runs of ${erratic.map((r) => `${r.page} ${r.oursMs.min.toFixed(0)}–${r.oursMs.max.toFixed(0)} ms`).join(', ')} (see the GC column)`);
  }

  if (only.has('cli')) {
    log('6. CLI throughput …');
    const sources = [...pages.map((p) => p.file), ...listFiles(join(CORPUS, 'text'), /\.txt$/i)];
    if (sources.length === 0) notes.push('CLI: no corpus or seed files to replicate: skipped');
    else cli = await benchCli(sources, PLAN.cli.files, PLAN.cli.rounds, log);
  }

  if (only.has('sizes')) {
    log('7. sizes …');
    const dir = ensureBuild();
    if (dir) sizes = measureSizes(dir);
    else notes.push('sizes: no .output/chrome-mv3 and `npx wxt build` failed: skipped');
  }

  if (only.has('files')) await benchFiles({ log, say });

  machine.loadavgEnd = loadavg().map((x) => Number(x.toFixed(2)));
  const budgets = evaluateBudgets({ detection, reportPages: reports, scaling, hostile, nodeCompare: node, cli, sizes }, cores);
  const seconds = Math.round((Date.now() - started) / 1000);

  say(`\ngov-report-auditor bench — ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.chromium}, playwright-core ${machine.playwrightCore}`);
  say(`load average before ${machine.loadavgStart.join(' ')}, after ${machine.loadavgEnd.join(' ')}; ${seconds} s in all. Times in ms, median [p25–p75]; full spreads in ${out.replace(ROOT + '/', '')}.`);
  if (detection) {
    say(`\n1. Detection on non-report pages (in the page: document.title + querySelector('h1').textContent → looksLikeReportPage; ${PLAN.detection.batches} batches of N calls, N calibrated to ~${PLAN.detection.batchMs} ms a batch; DOM calls counted in one instrumented call, "walks" = querySelectorAll/getElementsBy*/TreeWalker/child-sibling getters/innerHTML/innerText)`);
    say(detectionTable(detection));
  }
  if (reports) {
    say(`\n2. Report pages (in the page: extract = extractPage, analyze = analyzeExtract; floor = querySelectorAll('td, th') + textContent; | profile splits: extractGrids alone, recognize, checkCells; heap Δ = precise usedJSHeapSize after − before one run, GC forced before)`);
    say(reports.length ? pipelineTable(reports) : '(no report pages: corpus and seed fixtures absent)');
  }
  if (scaling) {
    say('\n3. Growth with cells (synthetic compilation pages: reports nested 0–47 divs deep, every 4th in a layout table, every 3rd table 3 split at a page break)');
    say(pipelineTable(scaling));
  }
  if (hostile) {
    say(`\n4. Hostile pages in the page (detect = detectStep, extract = extractPage: the content script's steps; analyze = analyzeExtract: the background's; load = navigation to the load event, for scale; untouched = title unchanged and no script of the page's text ran)`);
    say(hostileTable(hostile));
  }
  if (node) {
    say(`\n5. Same pages in Node from the HTML string (ours = parse (cli/lite-dom) + extractPage + analyzeExtract, the CLI's path; floor = the same parse + every td/th's textContent; generic = ${node.generic ?? `${GENERIC_NAME} — not installed`}); each contender ~${PLAN.node.msPerContender} ms, ${PLAN.node.minRuns}–${PLAN.node.maxRuns} runs after a minor GC each; CPU = the process's CPU time in a run, GC = its GC pauses`);
    say(nodeTable(node.rows, node.generic));
  }
  if (cli) {
    say(`\n6. Command line: the real CLI (node --import tsx cli/main.ts <dir> --format csv, stdout into a counting pipe) over ${cli.files} files (${cli.sources} sources cycled), ${cli.rounds} runs per mode, each a fresh process (start included), the first left out of the median; peak RSS = the CLI and its child processes, summed, sampled every 20 ms; scaling ${cli.scaling ?? '–'}× with worker_threads, ${cli.scalingProcesses ?? '–'}× with processes (linear = ${cores}×, budget ≥ ${(cores * LINEAR_EFFICIENCY).toFixed(2)}×); cores busy = CPU time ÷ wall time of the process(es), V8's GC helper threads included`);
    say(cliTable(cli));
  }
  if (sizes) {
    say('\n7. Built extension (.output/chrome-mv3, minified by the build; gzip = zlib.gzipSync default level; 1 KB = 1000 bytes)');
    say(sizeTable(sizes));
  }
  say('\nBudgets');
  say(budgetTable(budgets));
  for (const n of notes) say(`note: ${n}`);

  const results = { when: new Date().toISOString(), seconds, machine, plan: PLAN, detection, reportPages: reports, scaling, hostile, nodeCompare: node, cli, sizes, budgets, notes };
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  log(`wrote ${out}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

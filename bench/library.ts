// Part 5 in Node: the same report pages as HTML strings, parsed and read three ways —
//   ours     the CLI's path: parse (cli/lite-dom.ts) → extractPage → analyzeExtract (recognise + check)
//   floor    the same parse → every td and th → its textContent
//   generic  tabletojson (the most used HTML-table-to-JSON package on npm; cheerio parse →
//            one JSON object per row), only when it is installed — it is not a dependency
// A generic library takes an HTML string, not a live DOM, so the fair comparison is here, where
// every contender parses the same string; in the page only the floor is comparable.
// Each row keeps its GC pauses and CPU time, to tell a slow run from a machine busy with other work.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LiteElement, nextAfter, parseLiteHtml } from '../cli/lite-dom';
import { htmlToExtract } from '../cli/read-source';
import { analyzeExtract } from '../lib/analyze';
import { spread, rounded, type Spread } from './stats';

export const GENERIC_NAME = 'tabletojson';

export interface Generic {
  name: string;
  version: string;
  convert(html: string): unknown;
}

/** tabletojson when node_modules has it, else null (the bench says "not installed"). */
export async function loadGeneric(): Promise<Generic | null> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(GENERIC_NAME);
  } catch {
    return null;
  }
  let version = '?';
  for (let d = dirname(entry); d !== dirname(d); d = dirname(d)) {
    try {
      const pkg = JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === GENERIC_NAME) {
        version = pkg.version ?? '?';
        break;
      }
    } catch {
      // no package.json at this level
    }
  }
  const spec: string = GENERIC_NAME; // a variable, so tsc does not require the package
  const mod = (await import(spec)) as { Tabletojson?: { convert(h: string): unknown }; default?: { Tabletojson?: { convert(h: string): unknown } } };
  const t = mod.Tabletojson ?? mod.default?.Tabletojson;
  if (!t) return null;
  return { name: GENERIC_NAME, version, convert: (html) => t.convert(html) };
}

function floorWalk(html: string): number {
  const doc = parseLiteHtml(html);
  let chars = 0;
  let cells = 0;
  // every td and th in document order, as querySelectorAll('td, th') lists them
  for (let node = doc.firstChild; node !== null; node = node.firstChild ?? nextAfter(node, doc)) {
    if (node.nodeType !== 1) continue;
    const name = (node as LiteElement).localName;
    if (name === 'td' || name === 'th') {
      chars += node.textContent.length;
      cells++;
    }
  }
  return chars + cells;
}

function ours(html: string, name: string): number {
  return analyzeExtract(htmlToExtract(html, name), { readAt: '2024-01-01T00:00:00.000Z' }).cells.length;
}

/** gc() of V8, exposed at run time (tsx starts Node without --expose-gc). */
const gc: (opts?: { type: 'minor' | 'major' }) => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as (opts?: { type: 'minor' | 'major' }) => void;
})();

interface Timing {
  /** wall-clock ms of each run */
  wall: number[];
  /** CPU ms of the process during each run (all its threads: GC helpers count) */
  cpu: number[];
  /** [start, end] of each run on the performance.now() clock, to match GC entries to runs */
  spans: [number, number][];
}

/** GC pauses seen by a PerformanceObserver ('gc' entries arrive after the synchronous runs: see gcMsPerRun). */
const gcPauses: { start: number; ms: number; kind: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, ms: e.duration, kind: (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0 });
}).observe({ entryTypes: ['gc'] });

/** ms of GC pauses inside each run (major = mark-compact, kind 4), once the observer has been called. */
async function gcMsPerRun(t: Timing): Promise<{ all: number[]; major: number[] }> {
  // the observer is called from a timer after the synchronous runs, not at setImmediate
  await new Promise((ok) => setTimeout(ok, 5));
  const all = t.spans.map(([a, b]) => gcPauses.filter((g) => g.start >= a && g.start < b).reduce((n, g) => n + g.ms, 0));
  const major = t.spans.map(([a, b]) => gcPauses.filter((g) => g.start >= a && g.start < b && g.kind === constants.NODE_PERFORMANCE_GC_MAJOR).reduce((n, g) => n + g.ms, 0));
  gcPauses.length = 0;
  return { all, major };
}

/**
 * Times fn: warm-up runs (5, or 300 ms), then runs until about budgetMs is spent (between minRuns
 * and maxRuns), each after a minor GC, so that a run pays for its own young garbage, not for the
 * previous contender's. (A full GC before each run was tried: its concurrent sweeping then slows the
 * run after it, 2–4× on small pages. Without any GC, tabletojson paid for ours's garbage: 10–13 ms
 * on a Word page that takes it 7–8 ms on its own.)
 */
function timeIt(fn: () => unknown, budgetMs: number, minRuns: number, maxRuns: number): Timing {
  const warmStart = performance.now();
  for (let i = 0; i < 5 && (i === 0 || performance.now() - warmStart < 300); i++) fn();
  const out: Timing = { wall: [], cpu: [], spans: [] };
  let spent = 0;
  while (out.wall.length < minRuns || (out.wall.length < maxRuns && spent < budgetMs)) {
    gc({ type: 'minor' });
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    const end = performance.now();
    const wall = end - t;
    const cpu = process.cpuUsage(c);
    out.spans.push([t, end]);
    out.wall.push(wall);
    out.cpu.push((cpu.user + cpu.system) / 1000);
    spent += wall;
  }
  return out;
}

export interface NodeCompare {
  page: string;
  bytes: number;
  oursMs: Spread;
  floorMs: Spread;
  genericMs: Spread | null;
  /** CPU ms of the process per run (median): well under the wall time means the machine was busy with other work */
  oursCpuMs: number;
  floorCpuMs: number;
  genericCpuMs: number | null;
  /** GC pauses inside a run (median), all kinds and mark-compact only: a big page's runs vary with them */
  oursGcMs: number;
  oursMajorGcMs: number;
  ratioToFloor: number;
  ratioToGeneric: number | null;
}

export async function compareInNode(pages: { name: string; html: string }[], generic: Generic | null, budgetMs: number): Promise<NodeCompare[]> {
  const out: NodeCompare[] = [];
  const cpuMedian = (t: Timing): number => Number(spread(t.cpu).median.toPrecision(4));
  for (const p of pages) {
    const ot = timeIt(() => ours(p.html, p.name), budgetMs, 3, 30);
    const og = await gcMsPerRun(ot);
    const ft = timeIt(() => floorWalk(p.html), budgetMs, 3, 30);
    const gt = generic ? timeIt(() => generic.convert(p.html), budgetMs, 3, 30) : null;
    const o = spread(ot.wall);
    const f = spread(ft.wall);
    const g = gt ? spread(gt.wall) : null;
    out.push({
      page: p.name, bytes: Buffer.byteLength(p.html), oursMs: rounded(o), floorMs: rounded(f), genericMs: g && rounded(g),
      oursCpuMs: cpuMedian(ot), floorCpuMs: cpuMedian(ft), genericCpuMs: gt ? cpuMedian(gt) : null,
      oursGcMs: Number(spread(og.all).median.toPrecision(4)), oursMajorGcMs: Number(spread(og.major).median.toPrecision(4)),
      ratioToFloor: Number((o.median / f.median).toFixed(2)), ratioToGeneric: g ? Number((o.median / g.median).toFixed(2)) : null,
    });
  }
  return out;
}

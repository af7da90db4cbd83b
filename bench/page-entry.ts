// Bundled (esbuild, IIFE) and injected into each bench page with page.addScriptTag: the core as
// the content script has it, plus the timing loops, which run inside the page so no round trip
// to Playwright is timed. Exposes globalThis.__bench.
import { looksLikeReportPage } from '../lib/detect';
import { extractPage } from '../lib/extract/page';
import { extractGrids } from '../lib/extract/grid';
import { analyzeExtract } from '../lib/analyze';
import { recognize } from '../lib/recognize';
import { checkCells } from '../lib/check';

/** The detection step exactly as entrypoints/content/index.ts detectOnLoad() runs it. */
export function detectStep(): boolean {
  const heading = document.querySelector('h1')?.textContent?.slice(0, 300) ?? undefined;
  return looksLikeReportPage({ title: document.title, firstHeading: heading });
}

/**
 * Per-call milliseconds of `batches` batches (timer resolution amortised): the batch size is
 * calibrated so one batch takes about `batchMs`. `cold` is the very first call on the page.
 */
function timeDetect(batches: number, batchMs: number): { perCall: number[]; perBatch: number; cold: number; result: boolean } {
  const t0 = performance.now();
  let result = detectStep();
  const cold = performance.now() - t0;
  // warm-up and calibration: double the count until one batch lasts batchMs
  let perBatch = 1;
  for (;;) {
    const s = performance.now();
    for (let i = 0; i < perBatch; i++) result = detectStep();
    if (performance.now() - s >= batchMs || perBatch >= 1 << 20) break;
    perBatch *= 2;
  }
  const perCall: number[] = [];
  for (let b = 0; b < batches; b++) {
    const s = performance.now();
    for (let i = 0; i < perBatch; i++) result = detectStep();
    perCall.push((performance.now() - s) / perBatch);
  }
  return { perCall, perBatch, cold, result };
}

// ------------------------------------------------------------ DOM access counting

/** Calls that walk or serialise the tree (what "touching the DOM" means beyond the cheap test). */
const WALK_METHODS: [object, string][] = [
  [Document.prototype, 'querySelectorAll'],
  [Element.prototype, 'querySelectorAll'],
  [Document.prototype, 'getElementsByTagName'],
  [Element.prototype, 'getElementsByTagName'],
  [Document.prototype, 'getElementsByClassName'],
  [Element.prototype, 'getElementsByClassName'],
  [Document.prototype, 'getElementsByName'],
  [Document.prototype, 'createTreeWalker'],
  [Document.prototype, 'createNodeIterator'],
  [Document.prototype, 'evaluate'],
  [Element.prototype, 'closest'],
];
const WALK_GETTERS: [object, string][] = [
  [Node.prototype, 'childNodes'],
  [Node.prototype, 'firstChild'],
  [Node.prototype, 'lastChild'],
  [Node.prototype, 'nextSibling'],
  [Node.prototype, 'previousSibling'],
  [Node.prototype, 'parentNode'],
  [Element.prototype, 'children'],
  [Element.prototype, 'firstElementChild'],
  [Element.prototype, 'nextElementSibling'],
  [Element.prototype, 'innerHTML'],
  [Element.prototype, 'outerHTML'],
  [HTMLElement.prototype, 'innerText'],
  [HTMLElement.prototype, 'outerText'],
  [Document.prototype, 'body'],
  [Document.prototype, 'documentElement'],
];
/** The cheap test's own reads: the title, one querySelector for the first <h1>, its text. */
const CHEAP: [object, string, 'method' | 'getter'][] = [
  [Document.prototype, 'title', 'getter'],
  [Document.prototype, 'querySelector', 'method'],
  [Element.prototype, 'querySelector', 'method'],
  [Node.prototype, 'textContent', 'getter'],
];

export interface DomTouches {
  /** calls that walk or serialise the tree: must be 0 */
  walks: number;
  /** the cheap test's reads, by name */
  cheap: Record<string, number>;
  /** every instrumented name that was called, with counts */
  calls: Record<string, number>;
}

/** Runs detectStep once with the DOM API instrumented, counting calls; restores everything. */
function countDomTouches(): DomTouches {
  const calls: Record<string, number> = {};
  const restore: (() => void)[] = [];
  const wrap = (proto: object, name: string, kind: 'method' | 'getter', label: string): void => {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d) return;
    if (kind === 'method' && typeof d.value === 'function') {
      const orig = d.value as (...a: unknown[]) => unknown;
      Object.defineProperty(proto, name, {
        ...d,
        value: function (this: unknown, ...a: unknown[]) {
          calls[label] = (calls[label] ?? 0) + 1;
          return orig.apply(this, a);
        },
      });
    } else if (kind === 'getter' && d.get) {
      const get = d.get;
      Object.defineProperty(proto, name, {
        ...d,
        get: function (this: unknown) {
          calls[label] = (calls[label] ?? 0) + 1;
          return get.call(this);
        },
      });
    } else return;
    restore.push(() => Object.defineProperty(proto, name, d));
  };
  const protoName = (p: object): string => (p as { constructor: { name: string } }).constructor.name;
  for (const [p, n] of WALK_METHODS) wrap(p, n, 'method', `${protoName(p)}.${n}`);
  for (const [p, n] of WALK_GETTERS) wrap(p, n, 'getter', `${protoName(p)}.${n}`);
  for (const [p, n, k] of CHEAP) wrap(p, n, k, `${protoName(p)}.${n}`);
  try {
    detectStep();
  } finally {
    for (const r of restore.reverse()) r();
  }
  const cheapNames = new Set(CHEAP.map(([p, n]) => `${protoName(p)}.${n}`));
  let walks = 0;
  const cheap: Record<string, number> = {};
  for (const [k, v] of Object.entries(calls)) {
    if (cheapNames.has(k)) cheap[k] = v;
    else walks += v;
  }
  return { walks, cheap, calls };
}

// ------------------------------------------------------------ report pipeline

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapUsed(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
}

export interface PipelineRuns {
  /** per run, ms: extractPage, then analyzeExtract (recognise + check) on its result */
  extract: number[];
  analyze: number[];
  total: number[];
  /** per run, ms: the floor, querySelectorAll('td, th') + textContent of each */
  floor: number[];
  /** profile splits, per run, ms: extractGrids alone (the tables part of extractPage); recognize and checkCells (the two halves of analyzeExtract) */
  grids: number[];
  recognize: number[];
  check: number[];
  cells: number;
  gridCount: number;
  recognised: { isReport: boolean; format: string | null; tables: string[]; cells: number; findings: number; truncated: string | null };
  /** usedJSHeapSize (precise) after minus before one full run, GC forced before; bytes */
  heapDelta: number;
  /** same, after a GC with the Report still referenced */
  heapRetained: number;
}

/** The floor: a bare walk that only reads every cell's text. */
function bareWalk(): number {
  const cells = document.querySelectorAll('td, th');
  let chars = 0;
  for (let i = 0; i < cells.length; i++) chars += (cells[i]!.textContent ?? '').length;
  return chars + cells.length;
}

/** `runs` timed runs after `warm` untimed ones; floor and pipeline alternate so drift hits both. */
function timePipeline(runs: number, warm: number): PipelineRuns {
  const url = location.href;
  const readAt = '2024-01-01T00:00:00.000Z';
  for (let i = 0; i < warm; i++) {
    analyzeExtract(extractPage(document, url), { readAt });
    bareWalk();
  }
  const out: PipelineRuns = {
    extract: [], analyze: [], total: [], floor: [], grids: [], recognize: [], check: [], cells: document.querySelectorAll('td, th').length, gridCount: 0,
    recognised: { isReport: false, format: null, tables: [], cells: 0, findings: 0, truncated: null }, heapDelta: NaN, heapRetained: NaN,
  };
  let sink = 0;
  for (let i = 0; i < runs; i++) {
    const f0 = performance.now();
    sink += bareWalk();
    const f1 = performance.now();
    const ex = extractPage(document, url);
    const t1 = performance.now();
    const rep = analyzeExtract(ex, { readAt });
    const t2 = performance.now();
    out.floor.push(f1 - f0);
    out.extract.push(t1 - f1);
    out.analyze.push(t2 - t1);
    out.total.push(t2 - f1);
    // the split of analyzeExtract: the same two calls it makes, timed apart (sortFindings is noise)
    const g0 = performance.now();
    sink += extractGrids(document).length;
    const r0 = performance.now();
    const rec = recognize(ex);
    const r1 = performance.now();
    if (rec.cells.length) checkCells(rec.cells, { format: rec.format, t2Format: rec.t2Format, t3Format: rec.t3Format, agency: rec.agency, year: rec.year });
    const r2 = performance.now();
    out.grids.push(r0 - g0);
    out.recognize.push(r1 - r0);
    out.check.push(r2 - r1);
    if (i === 0) {
      out.gridCount = ex.grids.length;
      out.recognised = { isReport: rep.isReport, format: rep.format, tables: rep.tables, cells: rep.cells.length, findings: rep.findings.length, truncated: ex.truncated };
    }
  }
  // memory: one more full run between two readings of the precise heap size
  gc();
  const before = heapUsed();
  const rep = analyzeExtract(extractPage(document, url), { readAt });
  const after = heapUsed();
  gc();
  const retained = heapUsed();
  out.heapDelta = after - before;
  out.heapRetained = retained - before;
  if (sink < 0 || rep.schema !== 1) throw new Error('unreachable');
  return out;
}

// ------------------------------------------------------------ hostile pages

export interface HostileRuns {
  /** per run, ms: the content script's steps (detection, extractPage) and the background's (analyzeExtract) */
  detect: number[];
  extract: number[];
  analyze: number[];
  total: number[];
  elements: number;
  /** what the detection said, and what the pipeline made of the page (first run) */
  detected: boolean;
  isReport: boolean;
  tables: string[];
  grids: number;
  gridCells: number;
  reportCells: number;
  figures: number;
  findings: number;
  errors: number;
  truncated: string | null;
  /** an exception out of a step (null: none) */
  threw: string | null;
  /** the page is as it was: title unchanged, no script of the page's text ran */
  pageUntouched: boolean;
  /** characters of the Report as JSON (what crosses to the background and the popup) */
  reportChars: number;
}

/** The content script's pipeline on a hostile page, `runs` timed runs after `warm` untimed ones. */
function timeHostile(runs: number, warm: number): HostileRuns {
  const url = location.href;
  const readAt = '2024-01-01T00:00:00.000Z';
  const title = document.title;
  const g = globalThis as unknown as { __pwned?: unknown; __ranInCell?: number };
  const ranBefore = g.__ranInCell ?? 0;
  const out: HostileRuns = {
    detect: [], extract: [], analyze: [], total: [], elements: document.getElementsByTagName('*').length, detected: false, isReport: false, tables: [],
    grids: 0, gridCells: 0, reportCells: 0, figures: 0, findings: 0, errors: 0, truncated: null, threw: null, pageUntouched: false, reportChars: 0,
  };
  try {
    for (let i = 0; i < warm + runs; i++) {
      const t0 = performance.now();
      const detected = detectStep();
      const t1 = performance.now();
      const ex = extractPage(document, url);
      const t2 = performance.now();
      const rep = analyzeExtract(ex, { readAt });
      const t3 = performance.now();
      if (i === 0) {
        Object.assign(out, {
          detected, isReport: rep.isReport, tables: rep.tables, grids: ex.grids.length, gridCells: ex.grids.reduce((n, gr) => n + gr.cells.length, 0),
          reportCells: rep.cells.length, figures: rep.cells.filter((c) => c.value !== null).length, findings: rep.findings.length,
          errors: rep.findings.filter((f) => f.severity === 'error').length, truncated: ex.truncated, reportChars: JSON.stringify(rep).length,
        });
      }
      if (i < warm) continue;
      out.detect.push(t1 - t0);
      out.extract.push(t2 - t1);
      out.analyze.push(t3 - t2);
      out.total.push(t3 - t0);
    }
  } catch (e) {
    out.threw = String(e instanceof Error ? e.message : e).slice(0, 200);
  }
  out.pageUntouched = document.title === title && g.__pwned === undefined && (g.__ranInCell ?? 0) === ranBefore;
  return out;
}

const api = { detectStep, timeDetect, countDomTouches, timePipeline, timeHostile, crossOriginIsolated: () => globalThis.crossOriginIsolated === true };
export type BenchApi = typeof api;
(globalThis as unknown as { __bench: BenchApi }).__bench = api;

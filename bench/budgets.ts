// The budgets of the brief and DESIGN.md §6, evaluated over the results: PASS, MISS, or SKIP
// (not measurable in this run, e.g. the generic library is not installed).
import type { DetectResult, HostileResult, PipelineResult } from './browser';
import type { NodeCompare } from './library';
import type { CliResult } from './cli';
import type { EntrySize } from './sizes';
import { kb } from './sizes';

export type Verdict = 'PASS' | 'MISS' | 'SKIP';

export interface Budget {
  budget: string;
  measured: string;
  verdict: Verdict;
}

export interface BudgetInput {
  detection?: DetectResult[];
  reportPages?: PipelineResult[];
  scaling?: PipelineResult[];
  hostile?: HostileResult[];
  nodeCompare?: { generic: string | null; rows: NodeCompare[] };
  cli?: CliResult;
  sizes?: EntrySize[];
}

/** "Bounded time" on a hostile page: the content script's and the background's steps together, in the page. */
export const HOSTILE_MS = 1000;

/** "~linear" on N cores: at least this share of N× the one-thread rate. */
export const LINEAR_EFFICIENCY = 0.85;

const v = (ok: boolean): Verdict => (ok ? 'PASS' : 'MISS');
const ms = (x: number): string => (x < 0.01 ? `${(x * 1000).toFixed(2)} µs` : `${x.toPrecision(3)} ms`);

export function evaluateBudgets(r: BudgetInput, cores: number): Budget[] {
  const out: Budget[] = [];
  if (r.detection?.length) {
    const worst = r.detection.reduce((a, b) => (b.perCallMs.median > a.perCallMs.median ? b : a));
    out.push({ budget: 'non-report page: detection < 0.2 ms median per call', measured: `worst ${ms(worst.perCallMs.median)} (${worst.page})`, verdict: v(worst.perCallMs.median < 0.2) });
    const walks = r.detection.reduce((n, d) => n + d.touches.walks, 0);
    out.push({ budget: 'non-report page: no DOM walk during detection', measured: `${walks} walking calls on ${r.detection.length} pages`, verdict: v(walks === 0) });
    const fp = r.detection.filter((d) => d.result);
    out.push({
      budget: 'non-report page: detection says no (else the full pipeline runs)',
      measured: fp.length ? `${fp.length} false positive(s): ${fp.map((d) => d.page).join(', ')}` : `0 false positives on ${r.detection.length} pages`,
      verdict: v(fp.length === 0),
    });
  }
  if (r.reportPages?.length) {
    const worst = r.reportPages.reduce((a, b) => (b.ratioToFloor > a.ratioToFloor ? b : a));
    const worstExtract = r.reportPages.reduce((a, b) => (b.extractRatioToFloor > a.extractRatioToFloor ? b : a));
    out.push({
      budget: 'report page: full pipeline ≤ 3× the bare walk (in the page)',
      measured: `worst ${worst.ratioToFloor}× (${worst.page}); median of pages ${median(r.reportPages.map((p) => p.ratioToFloor))}×; extract alone (the page's share) worst ${worstExtract.extractRatioToFloor}×, median ${median(r.reportPages.map((p) => p.extractRatioToFloor))}×`,
      verdict: v(worst.ratioToFloor <= 3),
    });
  }
  if (r.hostile?.length) {
    const worst = r.hostile.reduce((a, b) => (b.totalMs.median > a.totalMs.median ? b : a));
    const bad = r.hostile.filter((h) => h.threw !== null || !h.pageUntouched);
    out.push({
      budget: `DESIGN §7: hostile pages in bounded time (≤ ${HOSTILE_MS} ms), no exception, page untouched`,
      measured: `worst ${ms(worst.totalMs.median)} (${worst.page}); ${bad.length ? `failed: ${bad.map((h) => h.page).join(', ')}` : `${r.hostile.length} pages, none threw`}`,
      verdict: v(worst.totalMs.median <= HOSTILE_MS && bad.length === 0),
    });
  }
  if (r.nodeCompare) {
    const rows = r.nodeCompare.rows.filter((x) => x.ratioToGeneric !== null);
    if (!r.nodeCompare.generic || rows.length === 0) out.push({ budget: 'report page: faster than the generic library (Node, same HTML)', measured: 'tabletojson not installed', verdict: 'SKIP' });
    else {
      const worst = rows.reduce((a, b) => (b.ratioToGeneric! > a.ratioToGeneric! ? b : a));
      out.push({ budget: 'report page: faster than the generic library (Node, same HTML)', measured: `worst ${worst.ratioToGeneric}× ${r.nodeCompare.generic} (${worst.page})`, verdict: v(worst.ratioToGeneric! < 1) });
    }
  }
  if (r.scaling?.length) {
    const small = r.scaling[0]!;
    const big = r.scaling[r.scaling.length - 1]!;
    const ratio = big.usPerCell / small.usPerCell;
    out.push({ budget: `time per cell at ${big.page} ≤ 2× at ${small.page}`, measured: `${big.usPerCell} vs ${small.usPerCell} µs/cell = ${ratio.toFixed(2)}×`, verdict: v(ratio <= 2) });
    const mid = r.scaling.find((p) => p.cells >= 5000 && p.cells <= 20000);
    if (mid) out.push({ budget: 'DESIGN §6: thousands of cells well under 100 ms', measured: `${mid.cells} cells: ${ms(mid.totalMs.median)}`, verdict: v(mid.totalMs.median < 100) });
  }
  if (r.reportPages?.length) {
    const worst = r.reportPages.reduce((a, b) => (b.totalMs.median > a.totalMs.median ? b : a));
    out.push({ budget: 'DESIGN §6: a report page in a few ms (≤ 10 ms)', measured: `worst ${ms(worst.totalMs.median)} (${worst.page})`, verdict: v(worst.totalMs.median <= 10) });
  }
  if (r.cli) {
    const parallel = r.cli.modes.filter((m) => m.threads === cores && !m.mode.startsWith('cli'));
    const all = parallel.length ? parallel.reduce((a, b) => (b.filesPerSec.median > a.filesPerSec.median ? b : a)) : undefined;
    const fps = all?.filesPerSec.median ?? NaN;
    out.push({ budget: `CLI ≥ 200 files/s on ${cores} cores`, measured: `${fps.toFixed(0)} files/s (${all?.mode ?? '?'})`, verdict: v(fps >= 200) });
    if (cores > 1) {
      const need = cores * LINEAR_EFFICIENCY;
      const best = Math.max(r.cli.scaling ?? 0, r.cli.scalingProcesses ?? 0);
      const one = r.cli.modes.find((m) => m.threads === 1 && !m.mode.startsWith('cli'));
      out.push({
        budget: `CLI ~linear scaling (≥ ${need.toFixed(2)}× on ${cores} cores)`,
        measured: `${r.cli.scaling ?? '?'}× worker_threads, ${r.cli.scalingProcesses ?? '?'}× processes; 1 thread already keeps ${one?.coresBusy ?? '?'} cores busy`,
        verdict: v(best >= need),
      });
    }
  }
  for (const e of r.sizes ?? []) {
    if (e.budgetBytes === null) continue;
    out.push({ budget: `${e.entry} ≤ ${kb(e.budgetBytes)} minified`, measured: kb(e.bytes), verdict: v(e.bytes <= e.budgetBytes) });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Number(((s[m - 1]! + s[m]!) / 2).toFixed(2));
}

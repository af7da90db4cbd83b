// Parts 1–4: Debian's Chromium through playwright-core, pages
// served from memory by a route on a made-up gov.cn host (every other request is aborted: no
// network), the core injected with page.addScriptTag, and every timing loop run inside the page.
// Pages are served cross-origin isolated (COOP + COEP), so performance.now() has 5 µs resolution
// rather than 100 µs.
import { chromium, type Browser, type Page } from 'playwright-core';
import { bundleForPage } from './bundle';
import { spread, rounded, type Spread } from './stats';
import type { BenchApi, DomTouches, HostileRuns, PipelineRuns } from './page-entry';

const HOST = 'https://bench.gov.cn';

export const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
  // precise performance.memory, and gc() for the heap readings
  '--enable-precise-memory-info', '--js-flags=--expose-gc',
];

export interface ServedPage {
  /** path under the bench host, e.g. /corpus/05-pingtan-2024.html */
  path: string;
  body: Buffer;
}

export interface DetectResult {
  page: string;
  about: string;
  bytes: number;
  elements: number;
  /** what the detection said: true on a non-report page is a false positive */
  result: boolean;
  perCallMs: Spread;
  callsPerBatch: number;
  coldMs: number;
  touches: DomTouches;
  /** on a false positive: what the full pipeline then costs on that page, ms */
  falsePositivePipelineMs?: Spread;
}

export interface PipelineResult {
  page: string;
  group: string;
  bytes: number;
  cells: number;
  grids: number;
  extractMs: Spread;
  analyzeMs: Spread;
  totalMs: Spread;
  floorMs: Spread;
  gridsMs: Spread;
  recognizeMs: Spread;
  checkMs: Spread;
  /** median total / median floor */
  ratioToFloor: number;
  /** median extract / median floor: what the page's own thread pays (analyzeExtract runs in the background) */
  extractRatioToFloor: number;
  /** median total per cell, µs */
  usPerCell: number;
  heapDeltaBytes: number;
  heapRetainedBytes: number;
  recognised: PipelineRuns['recognised'];
  runs: number;
  warmRuns: number;
}

export interface HostileResult extends Omit<HostileRuns, 'detect' | 'extract' | 'analyze' | 'total'> {
  page: string;
  about: string;
  bytes: number;
  /** ms the page took to load (navigation to the load event), for scale */
  loadMs: number;
  detectMs: Spread;
  extractMs: Spread;
  analyzeMs: Spread;
  totalMs: Spread;
  runs: number;
  warmRuns: number;
}

export class BenchBrowser {
  private constructor(
    private readonly browser: Browser,
    private page: Page,
    private readonly pages: Map<string, Buffer>,
    private readonly script: string,
  ) {}

  static async launch(): Promise<BenchBrowser> {
    const script = await bundleForPage();
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
    const context = await browser.newContext();
    const pages = new Map<string, Buffer>();
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const body = url.origin === HOST ? pages.get(url.pathname) : undefined;
      if (body === undefined) return route.abort();
      return route.fulfill({
        status: 200,
        // no charset: the page's own <meta charset> decides, as on the real site
        headers: { 'content-type': 'text/html', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
        body,
      });
    });
    const page = await context.newPage();
    return new BenchBrowser(browser, page, pages, script);
  }

  version(): string {
    return this.browser.version();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Loads a page fresh, injects the core, and checks the timer is the precise one. */
  private async open(p: ServedPage): Promise<number> {
    this.pages.set(p.path, p.body);
    let t0 = performance.now();
    try {
      await this.page.goto(HOST + p.path, { waitUntil: 'load', timeout: 120_000 });
    } catch (e) {
      // the renderer of a tab that held the 15 MB hostile page crashed once on the next page
      // (1 run in 5): one retry in a fresh tab, which measures the same thing
      if (!/crash/i.test(String(e))) throw e;
      const context = this.page.context();
      await this.page.close().catch(() => undefined);
      this.page = await context.newPage();
      t0 = performance.now();
      await this.page.goto(HOST + p.path, { waitUntil: 'load', timeout: 120_000 });
    }
    const loadMs = performance.now() - t0;
    await this.page.addScriptTag({ content: this.script });
    const isolated = await this.page.evaluate(() => (globalThis as unknown as { __bench: BenchApi }).__bench.crossOriginIsolated());
    if (!isolated) throw new Error(`${p.path}: page is not cross-origin isolated; timings would be 100 µs coarse`);
    this.pages.delete(p.path);
    return loadMs;
  }

  /** The content script's steps on a hostile page (detection, extractPage) and the background's (analyzeExtract). */
  async hostile(p: ServedPage, name: string, about: string, runs: number, warm: number): Promise<HostileResult> {
    const loadMs = await this.open(p);
    const r = await this.page.evaluate(([n, w]) => (globalThis as unknown as { __bench: BenchApi }).__bench.timeHostile(n, w), [runs, warm] as const);
    const { detect, extract, analyze, total, ...rest } = r;
    return {
      ...rest, page: name, about, bytes: p.body.length, loadMs: Number(loadMs.toFixed(0)),
      detectMs: rounded(spread(detect)), extractMs: rounded(spread(extract)), analyzeMs: rounded(spread(analyze)), totalMs: rounded(spread(total)), runs, warmRuns: warm,
    };
  }

  async detect(p: ServedPage, name: string, about: string, batches: number, batchMs: number): Promise<DetectResult> {
    await this.open(p);
    const r = await this.page.evaluate(
      ([b, ms]) => {
        const api = (globalThis as unknown as { __bench: BenchApi }).__bench;
        const touches = api.countDomTouches();
        const t = api.timeDetect(b, ms);
        return { ...t, touches, elements: document.getElementsByTagName('*').length };
      },
      [batches, batchMs] as const,
    );
    const out: DetectResult = {
      page: name, about, bytes: p.body.length, elements: r.elements, result: r.result,
      perCallMs: rounded(spread(r.perCall)), callsPerBatch: r.perBatch, coldMs: Number(r.cold.toFixed(3)), touches: r.touches,
    };
    if (r.result) {
      const runs = await this.runPipeline(8, 2);
      out.falsePositivePipelineMs = rounded(spread(runs.total));
    }
    return out;
  }

  private runPipeline(runs: number, warm: number): Promise<PipelineRuns> {
    return this.page.evaluate(([n, w]) => (globalThis as unknown as { __bench: BenchApi }).__bench.timePipeline(n, w), [runs, warm] as const);
  }

  async pipeline(p: ServedPage, name: string, group: string, runs: number, warm: number): Promise<PipelineResult> {
    await this.open(p);
    const r = await this.runPipeline(runs, warm);
    const total = spread(r.total);
    const floor = spread(r.floor);
    return {
      page: name, group, bytes: p.body.length, cells: r.cells, grids: r.gridCount,
      extractMs: rounded(spread(r.extract)), analyzeMs: rounded(spread(r.analyze)), totalMs: rounded(total), floorMs: rounded(floor),
      gridsMs: rounded(spread(r.grids)), recognizeMs: rounded(spread(r.recognize)), checkMs: rounded(spread(r.check)),
      ratioToFloor: Number((total.median / floor.median).toFixed(2)),
      extractRatioToFloor: Number((spread(r.extract).median / floor.median).toFixed(2)),
      usPerCell: r.cells > 0 ? Number(((total.median * 1000) / r.cells).toFixed(3)) : NaN,
      heapDeltaBytes: r.heapDelta, heapRetainedBytes: r.heapRetained, recognised: r.recognised, runs, warmRuns: warm,
    };
  }
}

// @vitest-environment happy-dom
// The sweep page over the fixture site (tests/fixtures/site) served by a fake fetch on a fake
// clock: what it shows before the start, the permission asked at the click (and nothing fetched
// without it), the progress and the stop, the result table (statuses, verdicts, links, order),
// the cross-year finding, a line opened as a report, the exports and "add all to the collection".
import { render } from 'preact';
import { act } from 'preact/test-utils';
import Papa from 'papaparse';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useCatalog } from './i18n';
import zhCatalog from '../public/_locales/zh_CN/messages.json';
import enCatalog from '../public/_locales/en/messages.json';
import { mockGateway, type MockGateway } from './gateway-mock';
import { SweepPage } from './SweepPage';
import type { SweepHost } from './sweep-host';
import type { SweepDeps } from '@/lib/sweep/types';
import { COLUMN_URL, ORIGIN, OTHER_SITE, fakeSite, listDoc, type FakeSite } from '../tests/unit/helpers/test-site';

beforeAll(async () => {
  await import('./core');
});

let root: HTMLElement;
beforeEach(() => {
  useCatalog(zhCatalog);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const text = (sel: string) => $(sel)?.textContent?.trim() ?? '';

async function tick(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

/** Lets the sweep run (its fake requests yield to the event loop) until `done` holds. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await tick();
  if (!done()) throw new Error(`never happened: ${what}`);
}

async function click(el: HTMLElement | null): Promise<void> {
  expect(el).not.toBeNull();
  await act(async () => el!.click());
  await tick();
}

interface Fake {
  host: SweepHost;
  site: FakeSite;
  asked: string[][];
  gateway: MockGateway;
}

function fake(opts: { grant?: boolean; deps?: (d: SweepDeps) => SweepDeps; list?: 'gone' } = {}): Fake {
  const site = fakeSite({ readFiles: false });
  const asked: string[][] = [];
  const host: SweepHost = {
    deps: opts.deps ? opts.deps(site.deps) : site.deps,
    readList: async () => (opts.list === 'gone' ? { kind: 'unavailable', detail: 'No tab with id: 7' } : { kind: 'list', url: COLUMN_URL, doc: listDoc() }),
    requestAccess: async (urls) => {
      asked.push(urls);
      return opts.grant ?? true;
    },
  };
  return { host, site, asked, gateway: mockGateway({ kind: 'no-tab' }) };
}

async function show(f: Fake, lang: 'zh' | 'en' = 'zh'): Promise<void> {
  await act(async () => render(<SweepPage host={f.host} gateway={f.gateway} lang={lang} options={{ concurrency: 2, pauseMs: 500, readAt: 'T' }} />, root));
  await until(() => $('[data-testid=sweep-list]') !== null || $('[data-testid=list-unavailable]') !== null, 'the list shown');
}

async function sweep(f: Fake): Promise<void> {
  await show(f);
  await click($('[data-action=start-sweep]'));
  await until(() => $('[data-testid=sweep-result]') !== null, 'the result');
}

const rows = () => $$('tr.sweep-item');
const rowOf = (path: string) => rows().find((r) => r.dataset.url === (path.startsWith('http') ? path : `${COLUMN_URL}${path}`));

describe('before the start', () => {
  it('says what the page lists, the column\'s pages and the limits, and fetches nothing', async () => {
    const f = fake();
    await show(f);
    expect($('[data-testid=sweep-list]')!.dataset.listed).toBe('5');
    expect(text('.sweep-listed')).toContain('本页列出 5 份报告');
    expect(text('.sweep-listed')).toContain('栏目共 2 页');
    // the other site's link is on the column's second page
    expect(text('.sweep-listed')).not.toContain('其他网站');
    expect($$('.sweep-links li')).toHaveLength(5);
    expect(text('.sweep-limits')).toContain('最多读取 5 个列表页、60 份报告');
    expect(text('.sweep-limits')).toContain('127.0.0.1:8000');
    expect(f.site.calls).toEqual([]);
    expect(f.asked).toEqual([]);
  });

  it('says when the list\'s tab is gone, and offers no start', async () => {
    const f = fake({ list: 'gone' });
    await show(f);
    expect(text('[data-testid=list-unavailable]')).toContain('标签页已关闭或已离开该页面');
    expect($('[data-action=start-sweep]')).toBeNull();
  });
});

describe('the start', () => {
  it('asks for the list\'s site at the click; refused, nothing is fetched', async () => {
    const f = fake({ grant: false });
    await show(f);
    await click($('[data-action=start-sweep]'));
    await tick();
    expect(f.asked).toHaveLength(1);
    expect(f.asked[0]![0]).toBe(COLUMN_URL);
    // the other site's link is not among the sites asked for
    expect(f.asked[0]).not.toContain(OTHER_SITE);
    expect(f.site.calls).toEqual([]);
    expect(text('[data-testid=status]')).toContain('未获得读取本站的权限');
    expect($('[data-testid=sweep-result]')).toBeNull();
  });
});

describe('a full sweep', () => {
  it('lists all ten reports by agency and year with their verdict, format and link', async () => {
    const f = fake();
    await sweep(f);
    expect(rows()).toHaveLength(10);
    const statuses = Object.fromEntries(rows().map((r) => [r.dataset.url!.replace(COLUMN_URL, ''), r.dataset.status]));
    expect(statuses).toMatchObject({
      '202501/t20250120_1001.html': 'report',
      '202101/t20210125_1009.html': 'http-error',
      '202001/t20200120_1010.html': 'not-report',
      // no file reader in this test: the files are said to be unreadable here
      '202101/P020210122_1008.pdf': 'not-readable',
    });
    expect(rowOf(OTHER_SITE)!.dataset.status).toBe('other-site');
    // sorted: agencies together, years ascending within one
    const qs = rows().filter((r) => r.dataset.agency === '青石镇人民政府').map((r) => Number(r.dataset.year));
    expect(qs).toEqual([...qs].sort((a, b) => a - b));
    expect(qs.length).toBeGreaterThanOrEqual(5);
    // words for each verdict
    expect(rowOf('202101/t20210125_1009.html')!.querySelector('.verdict-cell')!.textContent).toBe('请求出错：服务器返回错误 HTTP 404');
    expect(rowOf('202001/t20200120_1010.html')!.querySelector('.verdict-cell')!.textContent).toContain('不是年度报告：');
    expect(rowOf(OTHER_SITE)!.querySelector('.verdict-cell')!.textContent).toContain('其他网站：不在本站（www.qingshixian.example）');
    expect(rowOf('202501/t20250120_1001.html')!.querySelector('.verdict-cell')!.textContent).toBe('✓ 未发现不一致');
    expect(rowOf('202501/t20250120_1001.html')!.querySelector('.format-cell')!.textContent).toBe('网页');
    // links: http(s) only, opened apart from the extension
    for (const a of $$('.sweep-table a')) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(a.getAttribute('rel')).toContain('noopener');
    }
    // the other site was listed, never asked; every request stayed on the list's site
    expect(f.site.calls.map((c) => c.url).every((u) => u.startsWith(`${ORIGIN}/`))).toBe(true);
    expect(text('[data-testid=sweep-summary]')).toMatch(/^完成：10 份中 \d+ 份读到报告，用时 [\d.]+ 秒，共 \d+ 次请求$/);
    expect($('[data-testid=sweep-result]')!.dataset.requests).toBe(String(f.site.calls.length));
  });

  it('shows the planted carry-over mismatch on 2023, from 2022, and the years that agree', async () => {
    await sweep(fake());
    const pair = $('.cross-pair.has-findings')!;
    expect(pair.dataset.agency).toBe('青石镇人民政府');
    expect(pair.dataset.year).toBe('2023');
    expect(pair.querySelector('.cross-pair-name')!.textContent).toBe('青石镇人民政府：2022 年度 → 2023 年度');
    expect([...pair.querySelectorAll('li.finding')].map((l) => (l as HTMLElement).dataset.rule)).toEqual(['X-T3-CARRY', 'X-T3-CARRY']);
    expect($$('.cross-pair:not(.has-findings)').length).toBeGreaterThan(0);
    const row = rows().find((r) => r.dataset.agency === '青石镇人民政府' && r.dataset.year === '2023')!;
    expect(row.classList.contains('verdict-warning')).toBe(true);
    expect(row.querySelector('.verdict-cell')!.textContent).toContain('跨年度 2 条提醒');
  });

  it('opens a line as the popup shows a report, with its cross-year findings, and goes back', async () => {
    await sweep(fake());
    const row = rows().find((r) => r.dataset.agency === '青石镇人民政府' && r.dataset.year === '2023')!;
    // the 404 line has no report to open
    expect(rowOf('202101/t20210125_1009.html')!.querySelector('[data-action=show-item]')).toBeNull();
    await click(row.querySelector('[data-action=show-item]'));
    expect($('[data-testid=sweep-report]')!.dataset.url).toBe(row.dataset.url);
    expect(text('.agency')).toBe('青石镇人民政府');
    expect(text('.year')).toBe('2023 年度');
    expect($$('.sweep-item-cross li.finding').map((l) => l.dataset.rule)).toEqual(['X-T3-CARRY', 'X-T3-CARRY']);
    expect($$('td[data-cell]').length).toBeGreaterThan(50);
    await click($('[data-action=back-to-results]'));
    expect(rows()).toHaveLength(10);
  });

  it('downloads the per-report CSV (BOM, one line per listed report), the long CSV and JSON', async () => {
    const f = fake();
    await sweep(f);
    await click($('[data-action=download-sweep-csv]'));
    await click($('[data-action=download-sweep-long]'));
    await click($('[data-action=download-sweep-json]'));
    await until(() => f.gateway.downloads.length === 3, 'three downloads');
    const [csv, long, json] = f.gateway.downloads;
    expect(csv!.fileName).toMatch(/^sweep_127\.0\.0\.1_8000_\d{4}-\d\d-\d\d\.csv$/);
    expect(csv!.text.startsWith('\ufeff')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv!.text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(10);
    expect(parsed.data.map((r) => r.url)).toEqual(rows().map((r) => r.dataset.url));
    expect(parsed.data.find((r) => r.status === 'http-error')!.why).toBe('服务器返回错误 HTTP 404');
    expect(long!.fileName).toMatch(/_figures\.csv$/);
    const longRows = Papa.parse<string[]>(long!.text.slice(1), { skipEmptyLines: true }).data;
    expect(longRows.length).toBeGreaterThan(100);
    const data = JSON.parse(json!.text) as { kind: string; items: unknown[] };
    expect([data.kind, data.items.length]).toEqual(['sweep', 10]);
    expect(text('[data-testid=status]')).toContain('.json');
  });

  it('adds every report read to the collection, and shows it there', async () => {
    const f = fake();
    await sweep(f);
    const read = rows().filter((r) => r.dataset.status === 'report').length;
    await click($('[data-action=add-all]'));
    await until(() => f.gateway.collection.length === read, 'the collection filled');
    expect(text('[data-testid=status]')).toBe(`已将 ${read} 份报告加入汇总（汇总共 ${read} 份）`);
    expect(text('[data-action=open-collection]')).toContain(String(read));
    // adding again replaces: one entry per agency and year
    await click($('[data-action=add-all]'));
    await until(() => text('[data-testid=status]').includes(`汇总共 ${read} 份`), 'replaced');
    expect(f.gateway.collection).toHaveLength(read);
  });
});

describe('the stop', () => {
  it('shows the progress, then lists what was not read as stopped', async () => {
    // the fourth request hangs until it is aborted, as a slow server's would
    let calls = 0;
    const f = fake({
      deps: (d) => ({
        ...d,
        fetchBytes: (url, signal) => {
          if (++calls < 4) return d.fetchBytes(url, signal);
          return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
        },
      }),
    });
    await show(f);
    await click($('[data-action=start-sweep]'));
    await until(() => calls >= 4, 'the fourth request');
    const progress = $('[data-testid=sweep-progress]')!;
    expect(progress.dataset.total).toBe('10');
    expect(Number(progress.dataset.done)).toBeGreaterThanOrEqual(1);
    expect(text('.progress-count')).toMatch(/^\d+ \/ 10 份$/);
    expect(text('.progress-current')).toMatch(/^正在读取：http:\/\/127\.0\.0\.1:8000\//);
    await click($('[data-action=stop-sweep]'));
    await until(() => $('[data-testid=sweep-result]') !== null, 'the result');
    expect($('[data-testid=sweep-result]')!.dataset.stopped).toBe('true');
    const stopped = rows().filter((r) => r.dataset.status === 'stopped');
    expect(stopped.length).toBeGreaterThan(0);
    expect(rows()).toHaveLength(10);
    expect(stopped[0]!.querySelector('.verdict-cell')!.textContent).toBe('已停止，未读取');
    expect(text('[data-testid=sweep-summary]')).toMatch(/^已停止：10 份中 \d+ 份读到报告，\d+ 份未读取/);
    // no request after the stop
    const before = calls;
    await tick();
    expect(calls).toBe(before);
  });
});

describe('in English', () => {
  it('says the list, the verdicts and the statuses in English', async () => {
    useCatalog(enCatalog);
    const f = fake();
    await show(f, 'en');
    expect(text('.sweep-listed')).toBe('This page lists 5 reports, the column has 2 pages');
    await click($('[data-action=start-sweep]'));
    await until(() => $('[data-testid=sweep-result]') !== null, 'the result');
    expect(rowOf('202101/t20210125_1009.html')!.querySelector('.verdict-cell')!.textContent).toBe('Request failed: The server answered HTTP 404');
    expect(text('[data-testid=sweep-summary]')).toMatch(/^Done: reports read for \d+ of 10/);
  });
});

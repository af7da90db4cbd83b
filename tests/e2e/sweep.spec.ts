// The column sweep in Chromium, over the test site (tests/fixtures/site, served at "/" by a second
// static server of its own): the list page's badge, the popup's offer, the sweep page with its
// progress and stop, a full run's table (all ten listed reports, the planted X-T3-CARRY on 2023,
// the 404, the other site never asked), the exports read back, "add all" seen in the popup's
// collection, and no request outside the test site. Screenshots in test-results/screenshots/sweep-*.png.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { ROOT, badgeText, launch, openPopup, tabIdOf, type Harness } from './harness';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';

const SHOTS = join(ROOT, 'test-results/screenshots');
const OTHER_HOST = 'www.qingshixian.example';
const COLUMN = '/zwgk/zfxxgknb/';

let h: Harness;
let site: StaticServer;
let listTab: Page;
let tabId: number;
let sweep: Page;
const timings: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  h = await launch();
  site = await startStaticServer({ '/': join(ROOT, 'tests/fixtures/site') });
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  if (timings.length) console.log(`sweep of the test site:\n  ${timings.join('\n  ')}`);
  await h?.close();
  await site?.close();
});

const U = (path: string) => `${site.origin}${COLUMN}${path}`;
const row = (page: Page, url: string) => page.locator(`tr.sweep-item[data-url="${url}"]`);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test('the list page: a blue badge with the count, and the popup offers to check them all', async () => {
  listTab = await h.context.newPage();
  await listTab.goto(`${site.origin}${COLUMN}`);
  tabId = await tabIdOf(h, listTab);
  await expect.poll(() => badgeText(h, tabId)).toBe('≡5');
  const color = await h.sw.evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId);
  expect(color.slice(0, 3)).toEqual([28, 126, 214]);
  const title = await h.sw.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
  expect(title).toContain('本页列出 5 份政府信息公开年度报告');

  const popup = await openPopup(h, tabId);
  const offer = popup.locator('[data-action=open-sweep]');
  await expect(offer).toHaveText('≡ 本页列出 5 份报告，栏目共 2 页 — 全部核对');
  await popup.screenshot({ path: join(SHOTS, 'sweep-popup.png') });
  // the popup's own reading of the page leaves the list's badge
  expect(await badgeText(h, tabId)).toBe('≡5');
  const opened = h.context.waitForEvent('page');
  await offer.click();
  sweep = await opened;
  await sweep.waitForLoadState();
  expect(sweep.url()).toContain(`/sweep.html?tabId=${tabId}&url=${encodeURIComponent(`${site.origin}${COLUMN}`)}`);
  await popup.close();
  await sweep.setViewportSize({ width: 1200, height: 800 });
  const list = sweep.locator('[data-testid=sweep-list]');
  await expect(list).toHaveAttribute('data-listed', '5');
  await expect(list).toHaveAttribute('data-pages', '2');
  await expect(sweep.locator('.sweep-links li')).toHaveCount(5);
  await shoot(sweep, 'sweep-list');
});

test('a sweep stopped early: progress with the address being read, the rest listed as stopped', async () => {
  await sweep.click('[data-action=start-sweep]');
  const progress = sweep.locator('[data-testid=sweep-progress]');
  await expect(progress).toHaveAttribute('data-total', '10');
  await expect.poll(async () => Number(await progress.getAttribute('data-done'))).toBeGreaterThanOrEqual(2);
  await expect(sweep.locator('.progress-current')).toContainText(`正在读取：${site.origin}/`);
  await shoot(sweep, 'sweep-progress');
  await sweep.click('[data-action=stop-sweep]');
  const result = sweep.locator('[data-testid=sweep-result]');
  await expect(result).toHaveAttribute('data-stopped', 'true');
  await expect(sweep.locator('tr.sweep-item')).toHaveCount(10);
  const stopped = await sweep.locator('tr.sweep-item[data-status=stopped]').count();
  expect(stopped).toBeGreaterThan(0);
  await expect(sweep.locator('tr.sweep-item[data-status=stopped] .verdict-cell').first()).toHaveText('已停止，未读取');
  await expect(sweep.locator('[data-testid=sweep-summary]')).toContainText(`${stopped} 份未读取`);
  await shoot(sweep, 'sweep-stopped');
});

test('a full sweep: every listed report with its status, the 404 said, X-T3-CARRY on 2023, nothing asked of another site', async () => {
  const firstRequest = h.requests.length;
  const t0 = Date.now();
  await sweep.click('[data-action=start-sweep]');
  const result = sweep.locator('[data-testid=sweep-result]');
  await expect(result).toHaveAttribute('data-stopped', 'false', { timeout: 60_000 });
  const wall = Date.now() - t0;
  const sweepMs = Number(await result.getAttribute('data-sweep-ms'));
  const requests = Number(await result.getAttribute('data-requests'));
  timings.push(`full sweep (2 list pages, 10 listed reports, concurrency 2, 500 ms pause): ${sweepMs} ms by the page's clock, ${wall} ms from the click to the table; ${requests} requests`);

  const expected: Record<string, string> = {
    [U('202501/t20250120_1001.html')]: 'report',
    [U('202401/t20240118_1002.html')]: 'report',
    [U('202301/t20230116_1004.html')]: 'report',
    [U('202201/t20220124_1005.html')]: 'report',
    [U('202101/t20210120_1006.html')]: 'report',
    [U('202101/t20210125_1007.html')]: 'report',
    [U('202101/P020210122_1008.pdf')]: 'report',
    [U('202101/t20210125_1009.html')]: 'http-error',
    [U('202001/t20200120_1010.html')]: 'not-report',
    [`http://${OTHER_HOST}/zwgk/zfxxgknb/202401/t20240126_5501.html`]: 'other-site',
  };
  const shown = Object.fromEntries(
    await sweep.locator('tr.sweep-item').evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.url!, (tr as HTMLElement).dataset.status!])),
  );
  expect(shown).toEqual(expected);
  // the report attached to its page is read from its .docx, the PDF from the PDF
  await expect(row(sweep, U('202101/t20210125_1007.html')).locator('.format-cell')).toHaveText('Word (.docx)');
  await expect(row(sweep, U('202101/t20210125_1007.html')).locator('.verdict-cell')).toContainText('✗');
  await expect(row(sweep, U('202101/P020210122_1008.pdf')).locator('.format-cell')).toHaveText('PDF');
  await expect(row(sweep, U('202101/t20210125_1009.html')).locator('.verdict-cell')).toHaveText('请求出错：服务器返回错误 HTTP 404');
  await expect(row(sweep, `http://${OTHER_HOST}/zwgk/zfxxgknb/202401/t20240126_5501.html`).locator('.verdict-cell')).toContainText(`不在本站（${OTHER_HOST}），未读取`);
  // by agency, then year
  const order = await sweep.locator('tr.sweep-item').evaluateAll((trs) => trs.map((tr) => `${(tr as HTMLElement).dataset.agency}|${(tr as HTMLElement).dataset.year}`));
  const qs = order.filter((k) => k.startsWith('青石镇人民政府|')).map((k) => Number(k.split('|')[1]));
  expect(qs).toEqual([...qs].sort((a, b) => a - b));
  // the planted carry-over mismatch: 2023 against 2022
  const pair = sweep.locator('.cross-pair.has-findings');
  await expect(pair).toHaveCount(1);
  await expect(pair).toHaveAttribute('data-year', '2023');
  await expect(pair.locator('li.finding')).toHaveCount(2);
  await expect(pair.locator('li.finding').first()).toHaveAttribute('data-rule', 'X-T3-CARRY');
  const y2023 = sweep.locator('tr.sweep-item[data-agency="青石镇人民政府"][data-year="2023"]');
  await expect(y2023.locator('.verdict-cell')).toContainText('跨年度 2 条提醒');

  // requests: only the test site, each once; never the other site nor the 解读 link
  const made = h.requests.slice(firstRequest).filter((u) => !u.startsWith('chrome-extension://'));
  expect(made.every((u) => u.startsWith(`${site.origin}/`))).toBe(true);
  expect(made).toHaveLength(requests);
  expect(new Set(made).size).toBe(made.length);
  expect(h.requests.some((u) => u.includes(OTHER_HOST))).toBe(false);
  expect(h.requests.some((u) => u.includes('t20240119_1003'))).toBe(false);
  // the list's own page was read from the tab, never fetched again
  expect(made).not.toContain(`${site.origin}${COLUMN}`);
  timings.push(`requests of the full sweep: ${made.map((u) => u.replace(site.origin, '')).join(' ')}`);
  await shoot(sweep, 'sweep-result');

  // a line opens its report as the popup shows one
  await y2023.locator('[data-action=show-item]').click();
  const report = sweep.locator('[data-testid=sweep-report]');
  await expect(report.locator('.agency')).toHaveText('青石镇人民政府');
  await expect(report.locator('.year')).toHaveText('2023 年度');
  await expect(report.locator('.sweep-item-cross li.finding')).toHaveCount(2);
  expect(await report.locator('td[data-cell]').count()).toBeGreaterThan(50);
  await shoot(sweep, 'sweep-report');
  await sweep.click('[data-action=back-to-results]');
  await expect(sweep.locator('tr.sweep-item')).toHaveCount(10);
});

test('the exports: one line per report (read back with papaparse), every figure, JSON', async () => {
  const save = async (action: string) => {
    const [download] = await Promise.all([sweep.waitForEvent('download'), sweep.click(`[data-action=${action}]`)]);
    const path = join(ROOT, 'test-results/playwright', download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  };
  const csv = await save('download-sweep-csv');
  expect(csv.name).toMatch(/^sweep_127\.0\.0\.1_\d+_\d{4}-\d\d-\d\d\.csv$/);
  expect(csv.text.startsWith('\ufeff')).toBe(true);
  const rows = Papa.parse<Record<string, string>>(csv.text.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(10);
  expect(rows.filter((r) => r.status === 'report')).toHaveLength(7);
  const y2023 = rows.find((r) => r.url === U('202401/t20240118_1002.html'))!;
  expect(y2023.cross_year_warnings).toBe('2');
  expect(rows.find((r) => r.status === 'http-error')!.why).toBe('服务器返回错误 HTTP 404');
  const long = await save('download-sweep-long');
  const figures = Papa.parse<Record<string, string>>(long.text.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(new Set(figures.map((f) => Object.values(f)[0])).size).toBeGreaterThanOrEqual(1);
  expect(figures.length).toBeGreaterThan(7 * 50);
  const json = JSON.parse((await save('download-sweep-json')).text) as { kind: string; items: { status: string }[]; crossYear: unknown[] };
  expect([json.kind, json.items.length]).toEqual(['sweep', 10]);
});

test('add all to the collection, and see them in the popup\'s collection', async () => {
  await sweep.click('[data-action=add-all]');
  await expect(sweep.locator('[data-testid=status]')).toHaveText('已将 7 份报告加入汇总（汇总共 7 份）');
  const popup = await openPopup(h, tabId);
  await popup.click('[data-action=open-collection]');
  await expect(popup.locator('.collection-table tbody tr')).toHaveCount(7);
  await expect(popup.locator('.collection')).toContainText('青石镇人民政府');
  await popup.screenshot({ path: join(SHOTS, 'sweep-collection.png'), fullPage: true });
  await popup.close();
});

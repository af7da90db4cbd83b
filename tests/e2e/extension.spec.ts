// The built extension in Chromium, end to end: badge, popup, outline on the page, clipboard,
// downloads, pages that are not reports, frames, pages scripts cannot enter — and no network
// request of its own during the whole run. One browser per worker (one worker: tests run in file
// order, and the last one checks the requests of all the others; a failed test restarts the
// worker, and the check then covers the tests after it).
import { test, expect, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import * as z from 'zod/mini';
import { Report } from '../../lib/report';
import { HAS_SHARED, ROOT, SHARED, badgeText, launch, openPopup, tabIdOf, type Harness } from './harness';

const SEED = 'tests/fixtures/seeds/003_ed735561ce7e8ab6.word.html';
const NEWS = 'tests/fixtures/pages/news.html';
const PINGTAN = 'corpus/html/05-pingtan-2024.html';
const SHOTS = join(ROOT, 'test-results/screenshots');
const NEEDS_SHARED = 'needs ../shared (the corpus next to the repository); skipped';

let h: Harness;
/** click-to-figures times, printed at the end */
const timings: string[] = [];

test.beforeAll(async () => {
  h = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  if (timings.length) console.log(`click → figures:\n  ${timings.join('\n  ')}`);
  await h?.close();
});

const url = (path: string) => `${h.server.origin}/${path.replace(/^tests\//, '')}`;
const corpusUrl = (path: string) => `${h.server.origin}/corpus/${path.replace(/^corpus\/html\//, '')}`;

/** Opens a page in a tab of its own; console errors and warnings of the page are collected. */
async function openPage(address: string): Promise<{ page: Page; tabId: number; noise: string[] }> {
  const page = await h.context.newPage();
  const noise: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') noise.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => noise.push(`pageerror: ${e.message}`));
  await page.goto(address);
  return { page, tabId: await tabIdOf(h, page), noise };
}

/** Opens the popup for a tab and waits for what it read; returns it with the time it took. */
async function popupFor(tabId: number, label: string): Promise<Page> {
  const t0 = Date.now();
  const popup = await openPopup(h, tabId);
  await expect(popup.locator('main > :not(.loading)').first()).toBeVisible();
  const wall = Date.now() - t0;
  const inner = await popup.locator('.popup').getAttribute('data-elapsed-ms');
  await expect(popup.locator('.popup')).toHaveAttribute('data-shown-ms', /^\d+$/);
  const shown = await popup.locator('.popup').getAttribute('data-shown-ms');
  timings.push(`${label}: ${wall} ms from opening the popup tab to its figures; ${shown} ms from the popup's start (reading the page: ${inner ?? '?'} ms)`);
  return popup;
}

/** What the auditor sees (760 × 600), and the whole popup unrolled. */
async function shoot(popup: Page, name: string): Promise<void> {
  await popup.screenshot({ path: join(SHOTS, `${name}.png`) });
  await popup.addStyleTag({ content: 'html,body{max-height:none!important;overflow:visible!important}' });
  await popup.screenshot({ path: join(SHOTS, `${name}-full.png`), fullPage: true });
  await popup.addStyleTag({ content: 'html,body{max-height:600px!important;overflow-y:auto!important}' });
}

const pageOutline = (page: Page) => page.locator('[data-gov-report-auditor="outline"]');

test('(a) seed 003: the badge counts the errors, the popup shows them and points at the cells', async () => {
  test.skip(!existsSync(join(ROOT, SEED)), `${SEED} not generated yet`);
  const { page, tabId, noise } = await openPage(url(SEED));
  await page.evaluate(() => {
    // anything the extension would post to the page
    (window as unknown as { seen: unknown[] }).seen = [];
    window.addEventListener('message', (e) => (window as unknown as { seen: unknown[] }).seen.push(e.data));
  });
  await expect.poll(() => badgeText(h, tabId), { message: 'badge set by the content script on load' }).toMatch(/^\d+$/);
  const badge = await badgeText(h, tabId);

  const popup = await popupFor(tabId, 'seed 003');
  await expect(popup.locator('.agency')).toHaveText('广州市增城区小楼镇人民政府');
  await expect(popup.locator('.year')).toHaveText('2020 年度');
  await expect(popup.locator('.format')).toHaveText('2019 版格式');
  const verdict = await popup.locator('[data-testid=verdict]').innerText();
  const errors = Number(/(\d+) 处不一致/.exec(verdict)?.[1]);
  expect(errors).toBeGreaterThan(0);
  expect(badge).toBe(String(errors));

  const rules = await popup.locator('.findings > .finding-list > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.rule));
  expect(rules).toEqual(expect.arrayContaining(['T3-BALANCE', 'T3-RESULT-SUM']));
  for (const id of ['T3.new.np', 'T3.r7_total.np', 'T3.new.total', 'T3.r7_total.total']) {
    const cell = popup.locator(`td[data-cell="${id}"]`);
    await expect(cell).toHaveClass(/flagged/);
    await expect(cell).toHaveAttribute('aria-describedby', /finding-/);
    await expect(cell).toHaveAttribute('title', /表三/);
  }
  await expect(popup.locator('td[data-cell="T3.new.np"]')).toHaveAttribute('data-value', '1');
  await expect(popup.locator('td[data-cell="T3.r7_total.np"]')).toHaveAttribute('data-value', '0');
  await shoot(popup, 'a-seed-003-errors');

  // a finding → the page scrolls to its first cell and outlines it
  const balance = popup.locator('.finding-list li[data-rule="T3-BALANCE"] button').first();
  await balance.click();
  await expect(pageOutline(page)).toHaveCount(1);
  await expect(pageOutline(page)).toHaveText(/^\s*1\s*$/);
  await expect(pageOutline(page)).toBeInViewport();
  // a marked cell (keyboard) → that cell instead
  await popup.locator('td[data-cell="T3.r7_total.np"]').focus();
  await expect(popup.locator('td[data-cell="T3.r7_total.np"] [role=tooltip]')).toContainText('表三');
  await shoot(popup, 'a-seed-003-tooltip');
  await popup.keyboard.press('Enter');
  await expect(pageOutline(page)).toHaveText(/^\s*0\s*$/);
  await expect(pageOutline(page)).toBeInViewport();
  await page.bringToFront();
  await page.screenshot({ path: join(SHOTS, 'a-seed-003-page-outline.png') });

  // closing the popup takes the outline away
  await popup.close();
  await expect(pageOutline(page)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([]);
  expect(noise).toEqual([]);
  await page.close();
});

test('(a2) a report inside a frame of the page is found and outlined in its frame', async () => {
  test.skip(!existsSync(join(ROOT, SEED)), `${SEED} not generated yet`);
  const { page, tabId } = await openPage(`${h.server.origin}/e2e/frame.html`);
  const popup = await popupFor(tabId, 'seed 003 in a frame');
  await expect(popup.locator('.agency')).toHaveText('广州市增城区小楼镇人民政府');
  await expect(popup.locator('.frame-note')).toBeVisible();
  await popup.locator('.finding-list li[data-rule="T3-BALANCE"] button').first().click();
  const frame = page.frameLocator('#report');
  await expect(frame.locator('[data-gov-report-auditor="outline"]')).toHaveCount(1);
  await expect(pageOutline(page)).toHaveCount(0);
  await shoot(popup, 'a2-frame');
  await popup.close();
  await expect(frame.locator('[data-gov-report-auditor="outline"]')).toHaveCount(0);
  await page.close();
});

test('(b) a consistent 2021-format page: 未发现不一致, every figure as hand-checked (needs ../shared)', async () => {
  test.skip(!HAS_SHARED, NEEDS_SHARED);
  const truth = JSON.parse(readFileSync(join(SHARED, 'corpus/truth/05-pingtan-2024.json'), 'utf8')) as {
    agency: string;
    year: number;
    cells: Record<string, number | null>;
  };
  const { page, tabId } = await openPage(corpusUrl(PINGTAN));
  await expect.poll(() => badgeText(h, tabId)).toBe('✓');
  const popup = await popupFor(tabId, '05-pingtan-2024');
  await expect(popup.locator('[data-testid=verdict]')).toContainText('未发现不一致');
  await expect(popup.locator('.format')).toHaveText('2021 版格式');
  await expect(popup.locator('.year')).toHaveText(`${truth.year} 年度`);
  const shown = await popup.locator('td[data-cell]').evaluateAll((tds) =>
    Object.fromEntries(tds.map((td) => [(td as HTMLElement).dataset.cell!, (td as HTMLElement).dataset.value!])),
  );
  const wrong = Object.entries(truth.cells)
    .filter(([id, v]) => shown[id] !== (v === null ? '' : String(v)))
    .map(([id, v]) => `${id}: shown ${JSON.stringify(shown[id])}, truth ${v}`);
  expect(wrong).toEqual([]);
  await shoot(popup, 'b-pingtan-2024-consistent');
  await popup.close();
  await page.close();
});

test('(b2) every corpus page: the popup shows the hand-checked figures and no error the truth lacks (needs ../shared)', async () => {
  test.skip(!HAS_SHARED, NEEDS_SHARED);
  const files = readdirSync(join(SHARED, 'corpus/truth')).filter((f) => f.endsWith('.json'));
  let pages = 0;
  for (const f of files) {
    const truth = JSON.parse(readFileSync(join(SHARED, 'corpus/truth', f), 'utf8')) as {
      file: string;
      year: number;
      cells: Record<string, number | string | null>;
      findings: { rule: string; severity: string }[];
    };
    if (!truth.file.startsWith('html/')) continue;
    pages++;
    const name = truth.file.slice('html/'.length);
    const { page, tabId } = await openPage(corpusUrl(name));
    const popup = await popupFor(tabId, name.replace(/\.html$/, ''));
    const shown = await popup.locator('td[data-cell]').evaluateAll((tds) =>
      Object.fromEntries(
        tds.map((td) => [(td as HTMLElement).dataset.cell!, { value: (td as HTMLElement).dataset.value!, text: (td as HTMLElement).innerText.replace(/\s+/g, '') }]),
      ),
    );
    // a number is compared with the cell's value; a text (a figure with its unit, 251000元) with what the cell shows
    const same = (id: string, v: number | string | null) =>
      typeof v === 'string' ? shown[id]?.text.endsWith(v) : shown[id]?.value === (v === null ? '' : String(v));
    const wrong = Object.entries(truth.cells)
      .filter(([id, v]) => !same(id, v))
      .map(([id, v]) => `${name} ${id}: shown ${JSON.stringify(shown[id])}, truth ${v}`);
    expect(wrong).toEqual([]);
    const errorsShown = await popup.locator('.findings li.sev-error').count();
    expect(errorsShown, name).toBe(truth.findings.filter((x) => x.severity === 'error').length);
    await popup.close();
    await page.close();
  }
  expect(pages).toBeGreaterThan(0);
});

test('(c) copy CSV, copy for spreadsheets, download CSV with BOM and JSON', async () => {
  const target = existsSync(join(ROOT, SEED)) ? url(SEED) : HAS_SHARED ? corpusUrl(PINGTAN) : null;
  test.skip(target === null, `${SEED} not generated yet and ../shared absent`);
  const { page, tabId } = await openPage(target!);
  const popup = await popupFor(tabId, 'copy/download page');
  const clipboard = async () => {
    // Chromium grants clipboard reading to web origins only: read it back from the report page
    await page.bringToFront();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    await popup.bringToFront();
    return text;
  };

  const [jsonDl] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action=download-json]')]);
  expect(jsonDl.suggestedFilename()).toMatch(/-政府信息公开年报\.json$/);
  // the JSON file is always an array of reports (one here)
  const [report] = z.array(Report).parse(JSON.parse(readFileSync((await jsonDl.path())!, 'utf8')));
  expect(report).toBeDefined();

  await popup.click('[data-action=copy-csv]');
  await expect(popup.locator('[data-testid=status]')).toContainText('已复制 CSV');
  await shoot(popup, 'c-copied');
  const csv = await clipboard();
  expect(csv.split(/\r?\n/)[0]).toMatch(/^cell_id,agency,year,/);

  await popup.click('[data-action=copy-tsv]');
  await expect(popup.locator('[data-testid=status]')).toContainText('可直接粘贴');
  const tsv = await clipboard();
  const lines = tsv.split(/\r?\n/).filter((l) => l !== '');
  expect(lines.length).toBeGreaterThan(20);
  expect(lines.filter((l) => l.includes('\t')).length).toBeGreaterThan(20);
  expect(tsv).not.toContain('"');

  const [csvDl] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action=download-csv]')]);
  expect(csvDl.suggestedFilename()).toMatch(/-政府信息公开年报\.csv$/);
  const bytes = readFileSync((await csvDl.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // the file is the copied CSV, with the BOM in front
  expect(bytes.toString('utf8')).toBe(`\ufeff${csv}`);
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const byId = new Map(parsed.data.filter((r) => r.cell_id).map((r) => [r.cell_id!, r]));
  for (const c of report!.cells) expect(byId.get(c.id)?.value, c.id).toBe(c.value === null ? '' : String(c.value));
  await popup.close();
  await page.close();
});

test("(m) the report's words against its tables: a warning quoting the sentence, the cell marked, the page outlined", async () => {
  const { page, tabId } = await openPage(`${h.server.origin}/e2e/narrative-2023.html`);
  const popup = await popupFor(tabId, 'narrative');
  await expect(popup.locator('.agency')).toHaveText('白沙镇人民政府');
  await expect(popup.locator('[data-testid=verdict]')).toContainText('未发现不一致');
  const finding = popup.locator('.finding-list li[data-rule="TEXT-T3-NEW"]');
  await expect(finding).toHaveText(/正文称“收到政府信息公开申请5件”，但表三“一、本年新收”总计为 3/);
  const cell = popup.locator('td[data-cell="T3.new.total"]');
  await expect(cell).toHaveClass(/flagged/);
  await expect(cell).toHaveAttribute('data-value', '3');
  await shoot(popup, 'm-narrative');
  await finding.locator('button').first().click();
  await expect(pageOutline(page)).toHaveText(/^\s*3\s*$/);
  await popup.close();
  await page.close();
});

test('(d) a page that is not a report: no badge, said plainly, its tables offered as CSV', async () => {
  test.skip(!existsSync(join(ROOT, NEWS)), `${NEWS} missing`);
  const { page, tabId, noise } = await openPage(url(NEWS));
  await page.waitForTimeout(1000);
  expect(await badgeText(h, tabId)).toBe('');
  // the page changes after load: the popup reads it as it is now
  await page.evaluate(() => {
    const t = document.createElement('table');
    t.createCaption().textContent = '后来加入的表格';
    t.insertRow().insertCell().textContent = '42';
    document.body.append(t);
  });
  const popup = await popupFor(tabId, 'news page');
  await expect(popup.locator('[data-testid=not-report] h1')).toHaveText('此页面不是政府信息公开年度报告');
  const n = await page.locator('table').count();
  await expect(popup.locator('.raw-table')).toHaveCount(n);
  await expect(popup.locator('.raw-table summary').last()).toContainText('后来加入的表格');
  await expect(popup.locator('[data-action=copy-csv]')).toBeVisible();
  await shoot(popup, 'd-not-a-report');
  const [dl] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action=download-csv]')]);
  expect(readFileSync((await dl.path())!, 'utf8')).toContain('42');
  expect(await badgeText(h, tabId)).toBe('');
  expect(noise).toEqual([]);
  await popup.close();
  await page.close();
});

test('(l) a report published only as attachments, and one whose tables are images: said exactly, links listed', async () => {
  const { page, tabId } = await openPage(url('tests/fixtures/pages/attachment-only.html'));
  const popup = await popupFor(tabId, 'attachment-only page');
  // the core's notice, or the popup's own line where the core gives none
  await expect(popup.locator('[data-testid=notice], [data-testid=attachment-only] .notice-strong').first()).toContainText('附件');
  await expect(popup.locator('[data-testid=not-report]')).toHaveCount(0);
  await expect(popup.locator('.attachments a')).toHaveText([/\.pdf$/, /\.docx$/]);
  await expect(popup.locator('.attachments a').first()).toHaveAttribute('href', new RegExp(`^${h.server.origin}/.+\\.pdf$`));
  await shoot(popup, 'l-attachment-only');
  await popup.close();
  await page.close();

  const images = await openPage(url('tests/fixtures/pages/image-tables.html'));
  const popup2 = await popupFor(images.tabId, 'image-tables page');
  await expect(popup2.locator('[data-testid=attachment-only], [data-testid=notice]').first()).toContainText(/图片|附件/);
  await expect(popup2.locator('[data-testid=verdict]')).toHaveCount(0);
  await shoot(popup2, 'l-image-tables');
  await popup2.close();
  await images.page.close();
});

test('(h) a page scripts cannot enter gets a clear message, not an empty window', async () => {
  const { page, tabId } = await openPage('chrome://version/');
  const popup = await popupFor(tabId, 'chrome://version');
  await expect(popup.locator('[data-testid=restricted] h1')).toHaveText('浏览器不允许扩展读取此页面');
  await shoot(popup, 'h-restricted');
  await popup.close();
  await page.close();
});

test('(h2) a PDF opened in the viewer: the popup reads the PDF itself and says what it found', async () => {
  const page = await h.context.newPage();
  const address = `${h.server.origin}/e2e/report-2023.pdf`;
  // headless Chromium may show the PDF or download it; either way the tab holds the PDF's address
  await page.goto(address).catch(() => undefined);
  const tabId = await tabIdOf(h, page);
  const popup = await popupFor(tabId, 'PDF');
  await expect(popup.locator('.file-intro')).toHaveText('这是 PDF 文件：扩展会下载这个 PDF 并在本机读取其中的表格。');
  const view = popup.locator('.file-view');
  await expect(view).toHaveAttribute('data-file-url', address);
  // a one-line PDF with no tables: read, and said to hold no report (files.spec.ts reads real reports)
  await expect(view).toHaveAttribute('data-file-state', 'report', { timeout: 20_000 });
  await expect(popup.locator('[data-testid=file-no-report]')).toContainText('report-2023.pdf');
  await shoot(popup, 'h2-pdf');
  await popup.close();
  await page.close();
});

test('(i) the collection keeps reports in the browser and exports one line per report', async () => {
  test.skip(!existsSync(join(ROOT, SEED)), `${SEED} not generated yet`);
  const { page, tabId } = await openPage(url(SEED));
  const popup = await popupFor(tabId, 'collection');
  await popup.click('[data-action=collect]');
  await expect(popup.locator('[data-testid=status]')).toContainText('已加入汇总');
  await popup.click('[data-action=open-collection]');
  await expect(popup.locator('.collection-table tbody tr')).toHaveCount(1);
  await expect(popup.locator('.collection-table tbody tr')).toContainText('广州市增城区小楼镇人民政府');
  await popup.close();
  await page.close();

  // two consecutive years of one agency whose carried-over applications disagree (2021 四 = 1, 2022 二 = 2)
  for (const year of [2021, 2022]) {
    const other = await openPage(`${h.server.origin}/e2e/carry-${year}.html`);
    const p = await popupFor(other.tabId, `collection ${year}`);
    await expect(p.locator('.year')).toHaveText(`${year} 年度`);
    await p.click('[data-action=collect]');
    await expect(p.locator('[data-testid=status]')).toContainText('已加入汇总');
    await p.close();
    await other.page.close();
  }
  const again = await openPage(url(SEED));
  const view = await popupFor(again.tabId, 'collection of three');
  await view.click('[data-action=open-collection]');
  await expect(view.locator('.collection-table tbody tr')).toHaveCount(3);
  const pair = view.locator('.cross-year > li');
  await expect(pair).toHaveCount(1);
  await expect(pair).toContainText('青石镇人民政府 2021 → 2022');
  const warnings = pair.locator('.finding.sev-warning');
  await expect(warnings).toHaveCount(2); // 自然人 and 总计
  await expect(warnings.first()).toContainText('2');
  await expect(warnings.first()).toContainText('1');
  await shoot(view, 'i-collection');
  const [dl] = await Promise.all([view.waitForEvent('download'), view.click('[data-action=download-collection]')]);
  const text = readFileSync((await dl.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  expect(rows).toHaveLength(4);
  const header = rows[0]!;
  const carryIn = header.indexOf('T3.carry_in.np');
  expect(carryIn).toBeGreaterThan(0);
  expect(rows.slice(1).map((r) => r[carryIn]).sort()).toEqual(['0', '0', '2']);
  for (let i = 0; i < 3; i++) await view.locator('.collection-table tbody tr button').first().click();
  await expect(view.locator('.collection-table')).toHaveCount(0);
  await view.close();
  await again.page.close();
});

test('(k) a hostile page: bounded time, page text shown only as text, nothing thrown into the page', async () => {
  const { page, tabId, noise } = await openPage(`${h.server.origin}/e2e/hostile.html`);
  const t0 = Date.now();
  const popup = await popupFor(tabId, 'hostile page (2000 tables, rowspan 65534)');
  expect(Date.now() - t0).toBeLessThan(10_000);
  await expect(popup.locator('main')).toContainText(/此页面不是|本页|核对结果|表格/);
  // markup from the page never becomes markup in the popup
  await popup.locator('.raw-tables > details > summary').click();
  await popup.locator('.raw-table summary').first().click();
  await expect(popup.locator('.raw-table table.raw').first()).toContainText('<img src=x');
  await expect(popup.locator('main img, main script')).toHaveCount(0);
  await expect(page).toHaveTitle('某某镇2023年政府信息公开工作年度报告');
  await shoot(popup, 'k-hostile');
  expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
  expect(noise).toEqual([]);
  await popup.close();
  await page.close();
});

/** The id of the PDF viewer built into Chromium (its component extension, the same in every build). */
const PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

test('(e) the extension made no network request of its own during the run', async () => {
  const allowed = (u: string) =>
    u.startsWith(`${h.server.origin}/`) ||
    u.startsWith(`chrome-extension://${h.extensionId}/`) ||
    u.startsWith(`blob:chrome-extension://${h.extensionId}/`) ||
    // the chrome://version page of test (h) and its own resources: inside the browser, not network
    u.startsWith('chrome://') ||
    // Chromium's own PDF viewer (a component built into the browser) showing the PDF of test (h2)
    u.startsWith(`chrome-extension://${PDF_VIEWER_ID}/`) ||
    u.startsWith('data:');
  expect(h.requests.length).toBeGreaterThan(0);
  expect(h.requests.filter((u) => !allowed(u))).toEqual([]);
});

// The shipped Firefox build in Firefox, end to end — the main cases of tests/e2e/extension.spec.ts
// with the same letters: a report with errors (a), a consistent report (b), copying and
// downloading (c), a page that is not a report (d), the collection (i). Pages are served as
// http://www.e2e.gov.cn:PORT/… so the shipped `*://*.gov.cn/*` content script runs on them. One
// browser for the file (one worker, tests in file order).
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import * as z from 'zod/mini';
import { Report } from '../../lib/report';
import { HAS_SHARED, ROOT, SHARED, launch, type FirefoxHarness, type PopupTab, type Tab } from './harness-firefox';

const SEED = 'tests/fixtures/seeds/003_ed735561ce7e8ab6.word.html';
const CONSISTENT = 'tests/fixtures/seeds/002_09235f57ffce7de4.cms.html';
const NEWS = 'tests/fixtures/pages/news.html';
const PINGTAN = '05-pingtan-2024.html';
const SHOTS = join(ROOT, 'test-results/screenshots');
const NEEDS_SHARED = 'needs ../shared (the corpus next to the repository); skipped';

let h: FirefoxHarness;
/** click-to-figures times, printed at the end */
const timings: string[] = [];

test.beforeAll(async () => {
  h = await launch();
});
test.afterAll(async () => {
  if (timings.length) console.log(`Firefox, popup tab → figures:\n  ${timings.join('\n  ')}`);
  await h?.close();
});

const url = (path: string) => `${h.origin}/${path.replace(/^tests\//, '')}`;
const shot = (name: string) => join(SHOTS, `firefox-${name}.png`);

/** Opens the popup for a tab and waits for what it read. */
async function popupFor(tab: Tab, label: string): Promise<PopupTab> {
  const t0 = Date.now();
  const popup = await h.openPopup(tab.tabId);
  await expect.poll(() => popup.count('main > :not(.loading)'), { message: `${label}: the popup shows what it read` }).toBeGreaterThan(0);
  await expect.poll(() => popup.attr('.popup', 'data-shown-ms')).toMatch(/^\d+$/);
  const shown = await popup.attr('.popup', 'data-shown-ms');
  timings.push(`${label}: ${Date.now() - t0} ms from opening the popup tab to its figures; ${shown} ms from the popup's start`);
  return popup;
}

const pageOutline = (tab: Tab) =>
  tab.evaluate(() => [...document.querySelectorAll('[data-gov-report-auditor="outline"]')].map((e) => (e as HTMLElement).innerText.trim()));

/** data-cell → data-value of every figure the popup shows */
const shownCells = (popup: PopupTab) =>
  popup.evaluate((doc) => Object.fromEntries([...doc.querySelectorAll('td[data-cell]')].map((td) => [td.getAttribute('data-cell')!, td.getAttribute('data-value') ?? ''])));

test('(a) seed 003: the badge counts the errors, the popup shows them and points at the cells', async () => {
  test.skip(!existsSync(join(ROOT, SEED)), `${SEED} not generated yet`);
  const page = await h.openPage(url(SEED));
  await expect.poll(() => h.badgeText(page.tabId), { message: 'badge set by the shipped content script on load' }).toMatch(/^\d+$/);
  const badge = await h.badgeText(page.tabId);

  const popup = await popupFor(page, 'seed 003');
  expect(await popup.text('.agency')).toBe('广州市增城区小楼镇人民政府');
  expect(await popup.text('.year')).toBe('2020 年度');
  expect(await popup.text('.format')).toBe('2019 版格式');
  const verdict = (await popup.text('[data-testid=verdict]')) ?? '';
  const errors = Number(/(\d+) 处不一致/.exec(verdict)?.[1]);
  // the seed's real error: 一、本年新收 and （七）总计 disagree in columns 自然人 and 总计, two rules each
  expect(errors).toBe(4);
  expect(badge).toBe(String(errors));
  expect(await popup.count('.findings li.sev-error')).toBe(errors);

  const rules = await popup.attrs('.findings > .finding-list > li', 'data-rule');
  expect(rules).toEqual(expect.arrayContaining(['T3-BALANCE', 'T3-RESULT-SUM']));
  for (const id of ['T3.new.np', 'T3.r7_total.np', 'T3.new.total', 'T3.r7_total.total']) {
    const cell = `td[data-cell="${id}"]`;
    expect(await popup.attr(cell, 'class'), id).toMatch(/flagged/);
    expect(await popup.attr(cell, 'aria-describedby'), id).toMatch(/finding-/);
    expect(await popup.attr(cell, 'title'), id).toMatch(/表三/);
  }
  expect(await popup.attr('td[data-cell="T3.new.np"]', 'data-value')).toBe('1');
  expect(await popup.attr('td[data-cell="T3.r7_total.np"]', 'data-value')).toBe('0');
  // the errors are all in table 3: no cell of tables 2 and 4 is marked as one
  const marked = await popup.attrs('td.flagged.sev-error', 'data-cell');
  expect(marked.length).toBeGreaterThanOrEqual(4);
  expect(marked.filter((id) => !id?.startsWith('T3.'))).toEqual([]);
  await popup.screenshot(shot('a-seed-003-errors'));

  // a finding → the page outlines its first cell (a port from the popup to the content script)
  await popup.click('.finding-list li[data-rule="T3-BALANCE"] button');
  await expect.poll(() => pageOutline(page)).toEqual(['1']);
  await page.screenshot(shot('a-seed-003-page-outline'));
  // closing the popup takes the outline away
  await popup.close();
  await expect.poll(() => pageOutline(page)).toEqual([]);
  await page.close();
});

test('(b) a consistent report: ✓ on the badge, 未发现不一致, no cell marked, every figure shown', async () => {
  const page = await h.openPage(url(CONSISTENT));
  await expect.poll(() => h.badgeText(page.tabId)).toBe('✓');
  const popup = await popupFor(page, 'seed 002');
  expect(await popup.text('.agency')).toBe('德惠市布海镇人民政府');
  expect(await popup.text('[data-testid=verdict]')).toContain('未发现不一致');
  expect(await popup.count('.findings li.sev-error')).toBe(0);
  expect(await popup.count('td.flagged')).toBe(0);
  const cells = await shownCells(popup);
  const ids = Object.keys(cells);
  // the 2019 format: 22 figures in table 2, 23 rows × 7 columns in table 3, 15 in table 4
  expect([ids.filter((i) => i.startsWith('T2.')).length, ids.filter((i) => i.startsWith('T3.')).length, ids.filter((i) => i.startsWith('T4.')).length]).toEqual([22, 161, 15]);
  // 政府集中采购: 1 project, 180万元
  expect([cells['T2.s9_procurement.items'], cells['T2.s9_procurement.amount']]).toEqual(['1', '180']);
  // 一、本年新收 + 二、上年结转 = 三、办理结果总计 + 四、结转下年度, in the total column
  const n = (id: string) => Number(cells[id]);
  expect(n('T3.new.total') + n('T3.carry_in.total')).toBe(n('T3.r7_total.total') + n('T3.carry_out.total'));
  await popup.screenshot(shot('b-seed-002-consistent'));
  await popup.close();
  await page.close();
});

test('(b) a consistent 2021-format page: every figure as hand-checked (needs ../shared)', async () => {
  test.skip(!HAS_SHARED, NEEDS_SHARED);
  const truth = JSON.parse(readFileSync(join(SHARED, 'corpus/truth/05-pingtan-2024.json'), 'utf8')) as {
    year: number;
    cells: Record<string, number | null>;
  };
  const page = await h.openPage(`${h.origin}/corpus/${PINGTAN}`);
  await expect.poll(() => h.badgeText(page.tabId)).toBe('✓');
  const popup = await popupFor(page, '05-pingtan-2024');
  expect(await popup.text('[data-testid=verdict]')).toContain('未发现不一致');
  expect(await popup.text('.format')).toBe('2021 版格式');
  expect(await popup.text('.year')).toBe(`${truth.year} 年度`);
  const shown = await shownCells(popup);
  const wrong = Object.entries(truth.cells)
    .filter(([id, v]) => shown[id] !== (v === null ? '' : String(v)))
    .map(([id, v]) => `${id}: shown ${JSON.stringify(shown[id])}, truth ${v}`);
  expect(wrong).toEqual([]);
  await popup.screenshot(shot('b-pingtan-2024-consistent'));
  await popup.close();
  await page.close();
});

test('(c) copy CSV, copy for spreadsheets, download CSV with BOM and JSON, read back', async () => {
  test.skip(!existsSync(join(ROOT, SEED)), `${SEED} not generated yet`);
  const page = await h.openPage(url(SEED));
  const popup = await popupFor(page, 'copy/download page');

  const json = await h.download(() => popup.click('[data-action=download-json]'));
  expect(json.name).toMatch(/-政府信息公开年报\.json$/);
  // the JSON file is always an array of reports (one here)
  const [report] = z.array(Report).parse(JSON.parse(json.bytes.toString('utf8')));
  expect(report?.agency).toBe('广州市增城区小楼镇人民政府');

  await h.clearClipboard();
  await popup.click('[data-action=copy-csv]');
  await expect.poll(() => popup.text('[data-testid=status]')).toContain('已复制 CSV');
  await popup.screenshot(shot('c-copied'));
  const csv = await h.clipboardText();
  expect(csv.split(/\r?\n/)[0]).toMatch(/^cell_id,agency,year,/);

  await popup.click('[data-action=copy-tsv]');
  await expect.poll(() => popup.text('[data-testid=status]')).toContain('可直接粘贴');
  const tsv = await h.clipboardText();
  const lines = tsv.split(/\r?\n/).filter((l) => l !== '');
  expect(lines.length).toBeGreaterThan(20);
  expect(lines.filter((l) => l.includes('\t')).length).toBeGreaterThan(20);
  expect(tsv).not.toContain('"');

  const file = await h.download(() => popup.click('[data-action=download-csv]'));
  expect(file.name).toMatch(/-政府信息公开年报\.csv$/);
  expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // the file is the copied CSV, with the BOM in front
  expect(file.bytes.toString('utf8')).toBe(`\ufeff${csv}`);
  const parsed = Papa.parse<Record<string, string>>(file.bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const byId = new Map(parsed.data.filter((r) => r.cell_id).map((r) => [r.cell_id!, r]));
  expect(byId.size).toBe(report!.cells.length);
  for (const c of report!.cells) expect(byId.get(c.id)?.value, c.id).toBe(c.value === null ? '' : String(c.value));
  // the figures of the error, as the popup showed them
  expect([byId.get('T3.new.np')?.value, byId.get('T3.r7_total.np')?.value]).toEqual(['1', '0']);
  await popup.close();
  await page.close();
});

test('(d) a page that is not a report: no badge, said plainly, its tables offered as CSV', async () => {
  const page = await h.openPage(url(NEWS));
  // the content script has had its chance to set a badge by then
  await new Promise((ok) => setTimeout(ok, 1000));
  expect(await h.badgeText(page.tabId)).toBe('');
  // the page changes after load: the popup reads it as it is now
  const tables = await page.evaluate(() => {
    const t = document.createElement('table');
    t.createCaption().textContent = '后来加入的表格';
    t.insertRow().insertCell().textContent = '42';
    document.body.append(t);
    return document.querySelectorAll('table').length;
  });
  const popup = await popupFor(page, 'news page');
  expect(await popup.text('[data-testid=not-report] h1')).toBe('此页面不是政府信息公开年度报告');
  expect(await popup.count('.raw-table')).toBe(tables);
  expect((await popup.texts('.raw-table summary')).at(-1)).toContain('后来加入的表格');
  await popup.screenshot(shot('d-not-a-report'));
  const file = await h.download(() => popup.click('[data-action=download-csv]'));
  expect(file.bytes.toString('utf8')).toContain('42');
  expect(await h.badgeText(page.tabId)).toBe('');
  await popup.close();
  await page.close();
});

test('(i) the collection: two reports added, listed, compared across years, exported one line each', async () => {
  // two consecutive years of one agency whose carried-over applications disagree (2021 四 = 1, 2022 二 = 2)
  for (const year of [2021, 2022]) {
    const page = await h.openPage(`${h.origin}/e2e/carry-${year}.html`);
    const popup = await popupFor(page, `collection ${year}`);
    expect(await popup.text('.year')).toBe(`${year} 年度`);
    await popup.click('[data-action=collect]');
    await expect.poll(() => popup.text('[data-testid=status]')).toContain('已加入汇总');
    await popup.close();
    await page.close();
  }
  const page = await h.openPage(`${h.origin}/e2e/carry-2022.html`);
  const view = await popupFor(page, 'collection of two');
  await view.click('[data-action=open-collection]');
  await expect.poll(() => view.count('.collection-table tbody tr')).toBe(2);
  const rows = await view.texts('.collection-table tbody tr');
  expect(rows.every((r) => r.includes('青石镇人民政府'))).toBe(true);
  expect(rows.map((r) => /20\d\d/.exec(r)?.[0]).sort()).toEqual(['2021', '2022']);
  expect(await view.texts('.cross-year > li')).toEqual([expect.stringContaining('青石镇人民政府 2021 → 2022')]);
  // 自然人 and 总计
  expect(await view.count('.cross-year > li .finding.sev-warning')).toBe(2);
  await view.screenshot(shot('i-collection'));

  const file = await h.download(() => view.click('[data-action=download-collection]'));
  const text = file.bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  expect(lines).toHaveLength(3);
  const carryIn = lines[0]!.indexOf('T3.carry_in.np');
  expect(carryIn).toBeGreaterThan(0);
  expect(lines.slice(1).map((r) => r[carryIn]).sort()).toEqual(['0', '2']);

  // removing: one row at a time, each click once the list shows the previous one gone
  await view.click('.collection-table tbody tr button');
  await expect.poll(() => view.count('.collection-table tbody tr')).toBe(1);
  await view.click('.collection-table tbody tr button');
  await expect.poll(() => view.count('.collection-table')).toBe(0);
  await view.close();
  await page.close();
});

// Report files in the built extension, in Chromium: a corpus PDF opened in the browser's viewer,
// a report page whose report is an attachment (PDF and .docx) read on a click, a PDF shown in a
// pdf.js viewer frame, downloads that fail (404, a login page instead of the PDF), and the files
// page with picked files — every figure against ../shared/corpus-files/truth, screenshots in
// test-results/screenshots/. The times from the click to the figures are printed at the end.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAS_CORPUS_FILES, ROOT, SHARED, launch, openPopup, tabIdOf, type Harness } from './harness';

const SHOTS = join(ROOT, 'test-results/screenshots');
const NEEDS_FILES = 'needs ../shared/corpus-files (PDF and Word files of corpus pages); skipped';
const PDF_5_PAGES = 'pdf/05-pingtan-2024.chromium.pdf';

interface Truth {
  agency: string;
  year: number;
  cells: Record<string, number | string | null>;
  findings: { rule: string; severity: string }[];
}
const truthOf = (file: string): Truth => JSON.parse(readFileSync(join(SHARED, 'corpus-files/truth', `${file.split('/').pop()}.json`), 'utf8')) as Truth;

let h: Harness;
const timings: string[] = [];

test.beforeAll(async () => {
  h = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  if (timings.length) console.log(`files, click → figures:\n  ${timings.join('\n  ')}`);
  await h?.close();
});

/** Every truth cell shown with its value (a number by data-value, a figure with a unit by its text), and no error the truth lacks. */
async function expectTruth(scope: Locator, file: string): Promise<void> {
  const truth = truthOf(file);
  await expect(scope.locator('td[data-cell]').first()).toBeVisible();
  const shown = await scope.locator('td[data-cell]').evaluateAll((tds) =>
    Object.fromEntries(
      tds.map((td) => [(td as HTMLElement).dataset.cell!, { value: (td as HTMLElement).dataset.value!, text: (td as HTMLElement).innerText.replace(/\s+/g, '') }]),
    ),
  );
  const same = (id: string, v: number | string | null) => (typeof v === 'string' ? shown[id]?.text.endsWith(v) : shown[id]?.value === (v === null ? '' : String(v)));
  const wrong = Object.entries(truth.cells)
    .filter(([id, v]) => !same(id, v))
    .map(([id, v]) => `${file} ${id}: shown ${JSON.stringify(shown[id])}, truth ${v}`);
  expect(wrong).toEqual([]);
  // soft: a wrong name is reported with the rest of the test still run. As for the corpus pages
  // (tests/unit/pdf-corpus.test.ts), a report that names itself by the start of the truth's name
  // (平潭综合实验区 for 平潭综合实验区管理委员会) is right
  const agency = (await scope.locator('.agency').innerText()).trim();
  expect.soft(agency.length > 0 && truth.agency.startsWith(agency), `${file} agency ${agency}, truth ${truth.agency}`).toBe(true);
  expect.soft((await scope.locator('.year').innerText()).trim(), `${file} year`).toBe(`${truth.year} 年度`);
  expect(await scope.locator('.findings li.sev-error').count(), file).toBe(truth.findings.filter((x) => x.severity === 'error').length);
}

async function shoot(page: Page, name: string, full = true): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  if (!full) return;
  await page.addStyleTag({ content: 'html,body{max-height:none!important;overflow:visible!important}' });
  await page.screenshot({ path: join(SHOTS, `${name}-full.png`), fullPage: true });
  await page.addStyleTag({ content: 'html,body{max-height:600px!important;overflow-y:auto!important}' });
}

/** Waits for the file view to finish; returns how long the reading took by the popup's own clock. */
async function fileRead(view: Locator, label: string, since: number): Promise<void> {
  await expect(view).toHaveAttribute('data-file-state', /^(report|fetch-failed|failed|needs-permission)$/, { timeout: 30_000 });
  const wall = Date.now() - since;
  const ms = await view.getAttribute('data-file-ms');
  timings.push(`${label}: ${wall} ms from the click to the figures (fetching and reading the file: ${ms ?? '?'} ms)`);
}

test('(n1) a corpus PDF open in Chromium\'s viewer: the popup reads the PDF itself, every figure as the truth (needs ../shared)', async () => {
  test.skip(!HAS_CORPUS_FILES, NEEDS_FILES);
  const page = await h.context.newPage();
  const address = `${h.server.origin}/files/${PDF_5_PAGES}`;
  await page.goto(address).catch(() => undefined);
  const tabId = await tabIdOf(h, page);
  const t0 = Date.now();
  const popup = await openPopup(h, tabId);
  const view = popup.locator('.file-view');
  await fileRead(view, 'PDF in the viewer, popup (5 pages, first PDF: loads pdfjs)', t0);
  const sincePopupStart = await popup.evaluate(() => Math.round(performance.now()));
  timings.push(`  (the popup's own clock at the figures: ${sincePopupStart} ms from its start)`);
  await expect(view).toHaveAttribute('data-file-state', 'report');
  await expect(popup.locator('.file-intro')).toContainText('这是 PDF 文件');
  await expect(popup.locator('.page-url')).toHaveText(address);
  await expectTruth(popup.locator('main'), PDF_5_PAGES);
  await shoot(popup, 'n1-pdf-viewer');
  await popup.close();

  // once pdfjs is loaded (a second popup is a fresh page: it loads again, from the disk cache)
  const t1 = Date.now();
  const again = await openPopup(h, tabId);
  await fileRead(again.locator('.file-view'), 'PDF in the viewer, popup, second time', t1);
  await again.close();
  await page.close();
});

test('(n2) a report page with its report as attachments: read on a click, PDF then .docx, each as a page report (needs ../shared)', async () => {
  test.skip(!HAS_CORPUS_FILES, NEEDS_FILES);
  const page = await h.context.newPage();
  await page.goto(`${h.server.origin}/e2e/attachment-report.html`);
  const tabId = await tabIdOf(h, page);
  const popup = await openPopup(h, tabId);
  await expect(popup.locator('[data-testid=attachment-only]')).toBeVisible();
  await expect(popup.locator('[data-action=read-attachment]')).toHaveCount(4);
  await expect(popup.locator('[data-action=read-report-attachment]')).toContainText('2024年度政府信息公开工作年度报告.pdf');
  // all on the page's own site: no permission to ask
  await expect(popup.locator('.other-site')).toHaveCount(0);
  await shoot(popup, 'n2-attachments', false);

  const t0 = Date.now();
  await popup.click('[data-action=read-report-attachment]');
  await fileRead(popup.locator('.file-view'), 'attachment PDF, popup (5 pages)', t0);
  await expectTruth(popup.locator('main'), PDF_5_PAGES);
  await expect(popup.locator('.page-url')).toHaveText(`${h.server.origin}/files/${PDF_5_PAGES}`);
  await shoot(popup, 'n2-attachment-pdf');
  // a finding or a flagged cell would point at the page of the file; the collection takes it
  await popup.click('[data-action=collect]');
  await expect(popup.locator('[data-testid=status]')).toContainText('已加入汇总');

  await popup.click('[data-action=back-to-page]');
  const docx = popup.locator('li[data-href$=".docx"] [data-action=read-attachment]');
  const t1 = Date.now();
  await docx.click();
  await fileRead(popup.locator('.file-view'), 'attachment .docx, popup', t1);
  await expectTruth(popup.locator('main'), 'docx/07-pingtan-2022.libreoffice.docx');
  await shoot(popup, 'n2-attachment-docx');
  await popup.close();
  await page.close();
});

test('(n3) downloads that fail say why: 404, and a login page instead of the PDF', async () => {
  const page = await h.context.newPage();
  await page.goto(`${h.server.origin}/e2e/attachment-report.html`);
  const tabId = await tabIdOf(h, page);
  const popup = await openPopup(h, tabId);
  await popup.locator('li[data-href$="missing-2023.pdf"] [data-action=read-attachment]').click();
  const failed = popup.locator('[data-testid=file-failed]');
  await expect(failed).toHaveAttribute('data-reason', 'http');
  await expect(failed.locator('h1')).toHaveText('无法下载文件：服务器返回 404，文件不存在或已被删除。');
  await expect(failed).toContainText('missing-2023.pdf');
  await shoot(popup, 'n3-404', false);
  await popup.click('[data-action=back-to-page]');
  await popup.locator('li[data-href$="login-wall.pdf"] [data-action=read-attachment]').click();
  await expect(failed).toHaveAttribute('data-reason', 'web-page');
  await expect(failed.locator('h1')).toContainText('可能是登录页');
  await shoot(popup, 'n3-login-page', false);
  await popup.close();
  await page.close();
});

test('(n4) a PDF shown in a pdf.js viewer frame is offered and read (needs ../shared)', async () => {
  test.skip(!HAS_CORPUS_FILES, NEEDS_FILES);
  const page = await h.context.newPage();
  await page.goto(`${h.server.origin}/e2e/embedded-viewer.html`);
  const tabId = await tabIdOf(h, page);
  const popup = await openPopup(h, tabId);
  const embedded = popup.locator('[data-testid=embedded-pdfs] li');
  await expect(embedded).toHaveCount(1);
  await expect(embedded).toHaveAttribute('data-href', `${h.server.origin}/files/pdf/07-pingtan-2022.chromium.pdf`);
  await shoot(popup, 'n4-embedded-viewer', false);
  const t0 = Date.now();
  await popup.click('[data-action=read-report-attachment]');
  await fileRead(popup.locator('.file-view'), 'PDF of a pdf.js viewer frame, popup', t0);
  await expectTruth(popup.locator('main'), 'pdf/07-pingtan-2022.chromium.pdf');
  await popup.close();
  await page.close();
});

test('(n5) the files page: picked .docx and PDF files read locally, shown as reports, added to the collection (needs ../shared)', async () => {
  test.skip(!HAS_CORPUS_FILES, NEEDS_FILES);
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/files.html`);
  await expect(page.locator('h1.files-title')).toHaveText('读取报告文件（PDF、Word）');
  await expect(page.locator('main')).toContainText('不会上传');
  const docx = 'docx/05-pingtan-2024.libreoffice.docx';
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=file-input]', [join(SHARED, 'corpus-files', docx)]);
  const shown = page.locator('.file-shown');
  await fileRead(shown, 'picked .docx, files page (first file: loads the reader)', t0);
  await expectTruth(shown, docx);
  await expect(shown.locator('.page-url')).toHaveText('05-pingtan-2024.libreoffice.docx');
  await page.locator('.file-shown [data-action=collect]').click();
  // added, or replacing the same agency and year that an earlier case of this browser collected
  await expect(page.locator('[data-testid=status]')).toContainText(/已加入汇总|已更新汇总中的这份报告/);
  await shoot(page, 'n5-files-docx', false);

  // several at once: a 5-page PDF (the first PDF: loads pdfjs), the same PDF again (pdfjs loaded)
  const t1 = Date.now();
  await page.setInputFiles('[data-testid=file-input]', [join(SHARED, 'corpus-files', PDF_5_PAGES), join(SHARED, 'corpus-files', 'pdf/07-pingtan-2022.libreoffice.pdf'), join(SHARED, 'corpus-files', PDF_5_PAGES)]);
  const entries = page.locator('.file-entry');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(3)).toHaveAttribute('data-file-state', 'report', { timeout: 30_000 });
  const wall = Date.now() - t1;
  for (const i of [1, 2, 3]) {
    await entries.nth(i).locator('[data-action=show-file]').click();
    await expect(shown).toHaveAttribute('data-file-state', 'report');
    const ms = await shown.getAttribute('data-file-ms');
    timings.push(`files page, ${await entries.nth(i).getAttribute('data-file-name')} (${i === 1 ? 'first PDF: loads pdfjs' : 'pdfjs loaded'}): ${ms} ms reading`);
    await expectTruth(shown, i === 2 ? 'pdf/07-pingtan-2022.libreoffice.pdf' : PDF_5_PAGES);
  }
  timings.push(`files page, three PDFs picked at once: ${wall} ms to the last figures`);
  await expect(entries.nth(0)).toContainText('✓ 未发现不一致');
  // the 2022 report joins the 2024 one (one entry per agency and year)
  await entries.nth(2).locator('[data-action=show-file]').click();
  await page.locator('.file-shown [data-action=collect]').click();
  // added, or replacing the same agency and year that an earlier case of this browser collected
  await expect(page.locator('[data-testid=status]')).toContainText(/已加入汇总|已更新汇总中的这份报告/);
  await shoot(page, 'n5-files-pdf', false);
  await page.click('[data-action=open-collection]');
  await expect(page.locator('.collection-table tbody tr')).toHaveCount(2);
  await shoot(page, 'n5-files-collection', false);
  await page.click('[data-action=back]');

  // an old Word (.doc) file
  const doc = 'doc/07-pingtan-2022.libreoffice.doc';
  const t2 = Date.now();
  await page.setInputFiles('[data-testid=file-input]', [join(SHARED, 'corpus-files', doc)]);
  await entries.nth(4).locator('[data-action=show-file]').click();
  await fileRead(shown, 'picked .doc, files page', t2);
  await expectTruth(shown, doc);
  await shoot(page, 'n5-files-doc', false);
  await page.close();
});

test('(n6) the extension made no request but to the test server and its own files', async () => {
  test.skip(h.requests.length === 0, 'a failed test restarted the browser before this one: no requests to check');
  const allowed = (u: string) =>
    u.startsWith(`${h.server.origin}/`) ||
    u.startsWith(`chrome-extension://${h.extensionId}/`) ||
    u.startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/') ||
    u.startsWith('blob:') ||
    u.startsWith('data:') ||
    u.startsWith('chrome://');
  expect(h.requests.length).toBeGreaterThan(0);
  expect(h.requests.filter((u) => !allowed(u))).toEqual([]);
});

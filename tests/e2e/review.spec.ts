// The printable review sheet (审核意见单) in Chromium: seed 003's fixture page read by the CLI,
// left for the sheet as the popup leaves it, printed to A4 PDF by the browser; the PDF is read back
// (pdfjs) for its page count, the four errors and the official relation they break. PNGs of the
// pages are written beside the screenshots where pdftoppm is installed, to be looked at.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Report } from '../../lib/report';
import { normalizeText } from '../../lib/extract/normalize';
import { ROOT, launch, type Harness } from './harness';

const SEED = join(ROOT, 'tests/fixtures/seeds/003_ed735561ce7e8ab6.word.html');
const SHOTS = join(ROOT, 'test-results/screenshots');

let h: Harness;
test.beforeAll(async () => {
  h = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => h?.close());

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: bytes, isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join('') + '\n';
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}

test('(r) the review sheet of seed 003 prints to 2–3 A4 pages listing its four errors', async () => {
  const [report] = JSON.parse(execFileSync('npx', ['tsx', 'cli/main.ts', SEED, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' })) as Report[];
  if (!report) throw new Error('the CLI read no report');
  expect(report.findings.filter((f) => f.severity === 'error')).toHaveLength(4);
  await h.sw.evaluate((r) => chrome.storage.local.set({ review: { report: r } }), report as unknown as Record<string, unknown>);
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/review.html`);
  const sheet = page.getByTestId('review-sheet');
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('sheet-verdict')).toContainText('发现 4 处错误');
  await expect(page.locator('.sheet-findings tbody tr.sev-error')).toHaveCount(4);
  await expect(page.locator('table.official td.flagged.sev-error')).toHaveCount(new Set(report.findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells)).size);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-action=print]')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const file = join(SHOTS, 'review-seed003.pdf');
  writeFileSync(file, pdf);
  const { pages, text } = await pdfText(new Uint8Array(pdf));
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(3);
  // Chromium's print stores some ideographs as radicals (⻅ for 见): read as the core reads PDFs
  const flat = normalizeText(text).replace(/\s+/g, '');
  expect(flat).toContain('审核意见单');
  expect(flat).toContain(report.agency!.replace(/\s+/g, ''));
  expect(flat.match(/T3-BALANCE/g)?.length).toBe(2);
  expect(flat.match(/T3-RESULT-SUM/g)?.length).toBe(2);
  expect(flat).toContain('第一项加第二项之和,等于第三项加第四项之和');
  if (existsSync('/usr/bin/pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SHOTS, 'review-seed003')]);
  await page.close();
});

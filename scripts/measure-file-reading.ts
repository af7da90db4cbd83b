// Time from the user's action to the figures for report files in the built test extension
// (.output-e2e, `E2E=1 npx wxt build` first), in Debian's Chromium: the files page reading a
// 5-page corpus PDF (a fresh page: pdfjs loads; then again with pdfjs loaded) and the popup
// reading the same PDF open in the browser's viewer. Prints medians of `runs` (default 5).
//   npx tsx scripts/measure-file-reading.ts [runs]
import { join } from 'node:path';
import { HAS_CORPUS_FILES, SHARED, launch, openPopup, tabIdOf } from '../tests/e2e/harness';

const PDF = 'pdf/05-pingtan-2024.chromium.pdf';
const runs = Number(process.argv[2] ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => `median ${median(xs)} ms (min ${Math.min(...xs)}, max ${Math.max(...xs)}; ${xs.length} runs)`;

async function main(): Promise<void> {
  if (!HAS_CORPUS_FILES) throw new Error('needs ../shared/corpus-files');
  const h = await launch();
  try {
    const firstPdf: number[] = [];
    const loadedPdf: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/files.html`);
      for (const into of [firstPdf, loadedPdf]) {
        const n = await page.locator('.file-entry').count();
        await page.setInputFiles('[data-testid=file-input]', [join(SHARED, 'corpus-files', PDF)]);
        const entry = page.locator('.file-entry').nth(n);
        await entry.locator('[data-action=show-file]').click();
        await page.locator('.file-shown[data-file-state=report]').waitFor({ timeout: 30_000 });
        into.push(Number(await page.locator('.file-shown').getAttribute('data-file-ms')));
      }
      await page.close();
    }
    const popupFetchRead: number[] = [];
    const popupClock: number[] = [];
    const tab = await h.context.newPage();
    await tab.goto(`${h.server.origin}/files/${PDF}`).catch(() => undefined);
    const tabId = await tabIdOf(h, tab);
    for (let i = 0; i < runs; i++) {
      const popup = await openPopup(h, tabId);
      await popup.locator('.file-view[data-file-state=report]').waitFor({ timeout: 30_000 });
      popupClock.push(await popup.evaluate(() => Math.round(performance.now())));
      popupFetchRead.push(Number(await popup.locator('.file-view').getAttribute('data-file-ms')));
      await popup.close();
    }
    console.log(`5-page PDF (${PDF}), Chromium ${h.context.browser()?.version() ?? ''}`);
    console.log(`files page, first PDF of the page (pdfjs loads): ${fmt(firstPdf)}`);
    console.log(`files page, pdfjs already loaded:             ${fmt(loadedPdf)}`);
    console.log(`popup over the PDF viewer, fetch + read:       ${fmt(popupFetchRead)}`);
    console.log(`popup over the PDF viewer, popup start → figures: ${fmt(popupClock)}`);
  } finally {
    await h.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

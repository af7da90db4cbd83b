// What every end-to-end test needs: Debian's Chromium with the test build of the extension loaded
// (launched exactly as TOOLCHAIN.md says), the extension's id and service worker, the static
// server for the fixture and corpus pages, and a log of every request the browser makes for pages
// and for the extension.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const EXTENSION_DIR = join(ROOT, '.output-e2e/chrome-mv3');
/** the shared corpus, next to the repository (absent in some checkouts) */
export const SHARED = resolve(ROOT, '../shared');
export const HAS_SHARED = existsSync(join(SHARED, 'corpus/html'));
/** PDF, .docx and .doc made from corpus pages, with their truth (../shared/corpus-files) */
export const HAS_CORPUS_FILES = existsSync(join(SHARED, 'corpus-files/truth'));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  server: StaticServer;
  requests: string[];
  close(): Promise<void>;
}

/** Chinese UI strings need Chromium's zh-CN locale (Debian package chromium-l10n). */
export function checkChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium chromium-l10n fonts-noto-cjk`);
  const pak = '/usr/lib/chromium/locales/zh-CN.pak';
  if (CHROMIUM === '/usr/bin/chromium' && !existsSync(pak)) throw new Error(`${pak} missing: apt-get install -y chromium-l10n (the popup would be in English)`);
}

export async function launch(uiLanguage: 'zh_CN' | 'en' = 'zh_CN'): Promise<Harness> {
  checkChromium();
  const server = await startStaticServer({
    '/fixtures/': join(ROOT, 'tests/fixtures'),
    '/corpus/': join(SHARED, 'corpus/html'),
    '/files/': join(SHARED, 'corpus-files'),
    '/demo/': join(ROOT, 'demo/samples'),
    '/e2e/': join(ROOT, 'tests/e2e/pages'),
  });
  const profile = mkdtempSync(join(tmpdir(), 'gra-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1200, height: 800 },
    // the UI language of Chromium on Linux comes from LANGUAGE; the auditors' browsers are Chinese
    env: { ...process.env, LANGUAGE: uiLanguage },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--lang=${uiLanguage.replace('_', '-')}`,
    ],
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  // Chromium refuses to grant permissions to chrome-extension:// origins; the popup writes the
  // clipboard on a click (no permission needed), and tests read it back from a test-server page.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  return {
    context,
    sw,
    extensionId,
    server,
    requests,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `page` (the active tab once it is brought to the front). */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  await page.bringToFront();
  return h.sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

export async function badgeText(h: Harness, tabId: number): Promise<string> {
  return h.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Opens the popup in a tab, for the page's tab, the way TOOLCHAIN.md describes. */
export async function openPopup(h: Harness, tabId: number): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 760, height: 600 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

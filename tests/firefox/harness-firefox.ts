// Everything Firefox-only of the end-to-end tests, in one place: Debian's firefox-esr (153 ESR or
// later), driven by puppeteer-core 24 over WebDriver BiDi, with the SHIPPED Firefox build
// (.output/firefox-mv3) installed as a temporary add-on. The recipe and its traps are in
// ../shared/TOOLCHAIN.md § "Real Firefox for end-to-end tests"; in short:
// - network.dns.forceResolve sends every host name to the local test server, so pages load as
//   http://www.e2e.gov.cn:PORT/… and the shipped `*://*.gov.cn/*` content script, badge and
//   host access apply (no test build needed);
// - extension pages are not BiDi realms (Firefox bug 1755014): the popup tab is created and
//   navigated with raw BiDi commands, clicked with BiDi input actions, and its DOM is read by a
//   frame script loaded from the chrome scope; tab ids and badges also come from the chrome scope.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED = resolve(ROOT, '../shared');
export const HAS_SHARED = existsSync(join(SHARED, 'corpus/html'));
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** the shipped build (`npm run build`); FIREFOX_EXTENSION_DIR points at a private copy while the tree's is rebuilt */
export const EXTENSION_DIR = resolve(process.env.FIREFOX_EXTENSION_DIR ?? join(ROOT, '.output/firefox-mv3'));
/** every host resolves to the test server; this one matches the shipped content script's `*://*.gov.cn/*` */
export const SITE_HOST = 'www.e2e.gov.cn';
/** fixed so that popup addresses are known before the add-on is installed */
const EXTENSION_UUID = '5b2f0d3e-7c41-4e8a-9f6d-0e1a2b3c4d5e';
const PUPPETEER_CORE = 'puppeteer-core@24';

/** The part of puppeteer-core 24 used here. It is required at run time, not imported, so that
 * `tsc` and the Chromium suite work in a checkout without it; a missing package gets a clear message. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface PuppeteerBrowser {
  readonly connection: BidiConnection;
  installExtension(path: string): Promise<string>;
  close(): Promise<void>;
}
interface Puppeteer {
  launch(options: object): Promise<PuppeteerBrowser>;
}

function loadPuppeteer(): Puppeteer {
  try {
    // require (not import) honours NODE_PATH, for a copy installed outside the tree
    return createRequire(import.meta.url)('puppeteer-core') as Puppeteer;
  } catch {
    throw new Error(`puppeteer-core missing: npm i -D ${PUPPETEER_CORE} (25 needs Node ≥ 22.12)`);
  }
}

/** Debian's archive has 140 ESR too, whose BiDi ignores the chrome scope these tests need. */
export function checkFirefox(): void {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} missing: apt-get install -y firefox-esr firefox-esr-l10n-zh-cn fonts-noto-cjk`);
  const version = execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' });
  const major = Number(/(\d+)\.\d/.exec(version)?.[1]);
  if (!(major >= 153)) throw new Error(`${version.trim()}: these tests need Firefox ESR 153 or later (Debian's security pocket has it)`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`${EXTENSION_DIR}/manifest.json missing: build it first (npm run build:firefox)`);
}

type BidiResult = { type: 'success'; result: { type: string; value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } };

/** `fn` as an expression run with one JSON argument, its result (JSON) coming back as a string */
const callSource = (fn: (...args: never[]) => unknown, arg: unknown): string =>
  `(async () => JSON.stringify(await (${fn.toString()})(${JSON.stringify(arg ?? null)}) ?? null))()`;

export interface Tab {
  /** the BiDi browsing context */
  context: string;
  /** the extension API's id of the tab */
  tabId: number;
  /** runs `fn(arg)` in the page (no closure: it is serialised, as in Playwright's evaluate) */
  evaluate<T, A = null>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** what the window shows */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** The popup, opened in a tab for a page's tab (Firefox has no toolbar click either). */
export interface PopupTab {
  context: string;
  /** runs `fn(document, arg)` in the popup's document */
  evaluate<T, A = null>(fn: (doc: Document, arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  count(selector: string): Promise<number>;
  /** innerText of the first match, null if none */
  text(selector: string): Promise<string | null>;
  texts(selector: string): Promise<string[]>;
  attr(selector: string, name: string): Promise<string | null>;
  attrs(selector: string, name: string): Promise<(string | null)[]>;
  /** a real click (BiDi input actions) in the middle of the first match, scrolled into view */
  click(selector: string): Promise<void>;
  /** the whole popup, unrolled */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface FirefoxHarness {
  server: StaticServer;
  /** http://www.e2e.gov.cn:PORT */
  origin: string;
  downloads: string;
  openPage(url: string): Promise<Tab>;
  badgeText(tabId: number): Promise<string>;
  openPopup(tabId: number): Promise<PopupTab>;
  clipboardText(): Promise<string>;
  clearClipboard(): Promise<void>;
  /** the file `action` makes Firefox download (complete), as its name and bytes */
  download(action: () => Promise<void>): Promise<{ name: string; bytes: Buffer }>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export async function launch(): Promise<FirefoxHarness> {
  checkFirefox();
  const puppeteer = loadPuppeteer();
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${EXTENSION_DIR} is not a Firefox build (no browser_specific_settings.gecko.id)`);

  const server = await startStaticServer({
    '/fixtures/': join(ROOT, 'tests/fixtures'),
    '/corpus/': join(SHARED, 'corpus/html'),
    '/e2e/': join(ROOT, 'tests/e2e/pages'),
  });
  const origin = `http://${SITE_HOST}:${new URL(server.origin).port}`;
  const downloads = mkdtempSync(join(tmpdir(), 'gra-ff-dl-'));
  const removeDownloads = () => rmSync(downloads, { recursive: true, force: true });
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // lets BiDi evaluate in the chrome scope
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.dns.forceResolve': '127.0.0.1',
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        // the auditors' browsers are Chinese (needs firefox-esr-l10n-zh-cn)
        'intl.locale.requested': 'zh-CN',
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.alwaysOpenPanel': false,
      },
    })
    .catch(async (e: unknown) => {
      await server.close();
      removeDownloads();
      throw e;
    });
  const closeAll = async () => {
    await browser.close();
    await server.close();
    removeDownloads();
  };
  const send = async <T>(method: string, params: object): Promise<T> => (await browser.connection.send(method, params)).result as T;
  /** the browser window's chrome scope, where `gBrowser` and the Firefox internals live */
  let chromeContext = '';

  async function evaluateIn(context: string, expression: string): Promise<unknown> {
    const r = await send<BidiResult>('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
    if (r.type !== 'success') throw new Error(`evaluation failed: ${r.exceptionDetails.text}`);
    return r.result.value === undefined ? undefined : JSON.parse(String(r.result.value));
  }
  /** runs `fn(arg)` in the chrome scope */
  const inChrome = <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => evaluateIn(chromeContext, callSource(fn, arg)) as Promise<T>;

  try {
    await browser.installExtension(EXTENSION_DIR);
    const tree = await send<{ contexts: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
    chromeContext = tree.contexts[0]?.context ?? '';
    const locale = await inChrome(() => (globalThis as unknown as ChromeScope).Services.locale.appLocaleAsBCP47, null);
    if (locale !== 'zh-CN') throw new Error(`Firefox UI is ${locale}, not zh-CN: apt-get install -y firefox-esr-l10n-zh-cn`);
  } catch (e) {
    await closeAll();
    throw e;
  }

  async function newContext(url: string): Promise<string> {
    const { context } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await send('browsingContext.navigate', { context, url, wait: 'complete' });
    return context;
  }
  /** the extension API's tab id of a BiDi browsing context (chrome scope) */
  const tabIdOf = (context: string) =>
    inChrome((ctx) => {
      const g = globalThis as unknown as ChromeScope;
      const { NavigableManager } = g.ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
      const { ExtensionParent } = g.ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const tab = g.gBrowser.getTabForBrowser(NavigableManager.getBrowserById(ctx));
      return ExtensionParent.apiManager.global.tabTracker.getId(tab) as number;
    }, context);
  async function screenshot(context: string, path: string, origin: 'viewport' | 'document'): Promise<void> {
    const { data } = await send<{ data: string }>('browsingContext.captureScreenshot', { context, origin });
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.from(data, 'base64'));
  }
  const closeContext = (context: string) => send('browsingContext.close', { context });

  async function openPage(url: string): Promise<Tab> {
    const context = await newContext(url);
    return {
      context,
      tabId: await tabIdOf(context),
      evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A) => evaluateIn(context, callSource(fn, arg)) as Promise<T>,
      screenshot: (path) => screenshot(context, path, 'viewport'),
      close: () => closeContext(context).then(() => undefined),
    };
  }

  async function openPopup(tabId: number): Promise<PopupTab> {
    const { context } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await send('browsingContext.setViewport', { context, viewport: { width: 760, height: 600 } });
    await send('browsingContext.navigate', { context, url: `moz-extension://${EXTENSION_UUID}/popup.html?tabId=${tabId}`, wait: 'complete' });
    // A frame script (chrome scope → the popup's content process) runs the function on the popup's
    // document and posts back its result: the one way into an extension page's DOM (bug 1755014).
    const evaluate = <T, A>(fn: (doc: Document, arg: A) => T | Promise<T>, arg?: A): Promise<T> =>
      inChrome(
        ({ ctx, source }) => {
          const g = globalThis as unknown as ChromeScope;
          const { NavigableManager } = g.ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
          const mm = NavigableManager.getBrowserById(ctx).messageManager;
          const topic = `gra-e2e:${Math.random().toString(36).slice(2)}`;
          return new Promise<{ ok: boolean; value?: unknown; error?: string }>((ok) => {
            const listener = (m: { data: string }) => {
              mm.removeMessageListener(topic, listener);
              ok(JSON.parse(m.data));
            };
            mm.addMessageListener(topic, listener);
            const script = `(async () => { let r; try { r = { ok: true, value: await (${source})(content.document) }; } catch (e) { r = { ok: false, error: String(e) }; } sendAsyncMessage(${JSON.stringify(topic)}, JSON.stringify(r)); })()`;
            // a data: URL without charset would garble the Chinese in selectors and texts
            mm.loadFrameScript(`data:application/javascript;charset=utf-8,${encodeURIComponent(script)}`, false);
          });
        },
        { ctx: context, source: `(doc) => (${fn.toString()})(doc, ${JSON.stringify(arg ?? null)})` },
      ).then((r) => {
        if (!r.ok) throw new Error(`in the popup: ${r.error}`);
        return r.value as T;
      });
    const popup: PopupTab = {
      context,
      evaluate,
      count: (sel) => evaluate((doc, s) => doc.querySelectorAll(s).length, sel),
      text: (sel) => evaluate((doc, s) => (doc.querySelector(s) as HTMLElement | null)?.innerText ?? null, sel),
      texts: (sel) => evaluate((doc, s) => [...doc.querySelectorAll(s)].map((e) => (e as HTMLElement).innerText), sel),
      attr: (sel, name) => evaluate((doc, a) => doc.querySelector(a.sel)?.getAttribute(a.name) ?? null, { sel, name }),
      attrs: (sel, name) => evaluate((doc, a) => [...doc.querySelectorAll(a.sel)].map((e) => e.getAttribute(a.name)), { sel, name }),
      async click(sel) {
        const at = await evaluate((doc, s) => {
          const el = doc.querySelector(s);
          if (!el) return null;
          el.scrollIntoView({ block: 'center' });
          const r = el.getBoundingClientRect();
          return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
        }, sel);
        if (!at) throw new Error(`nothing to click: ${sel}`);
        // a real click: copying to the clipboard needs the user activation a synthetic click lacks
        await send('input.performActions', {
          context,
          actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: at.x, y: at.y }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }],
        });
      },
      screenshot: (path) => screenshot(context, path, 'document'),
      close: () => closeContext(context).then(() => undefined),
    };
    return popup;
  }

  return {
    server,
    origin,
    downloads,
    openPage,
    openPopup,
    badgeText: (tabId) =>
      inChrome(
        ({ id, geckoId }) => {
          const g = globalThis as unknown as ChromeScope;
          const { ExtensionParent } = g.ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const global = ExtensionParent.apiManager.global;
          const action = global.browserActionFor(g.WebExtensionPolicy.getByID(geckoId).extension).action;
          return String(action.getProperty(global.tabTracker.getTab(id), 'badgeText') ?? '');
        },
        { id: tabId, geckoId },
      ),
    clipboardText: () => inChrome(() => navigator.clipboard.readText(), null),
    clearClipboard: () => inChrome(() => navigator.clipboard.writeText(''), null),
    async download(action) {
      const before = new Set(readdirSync(downloads));
      await action();
      for (let waited = 0; waited < 10_000; waited += 100) {
        const names = readdirSync(downloads);
        // Firefox writes NAME.part and renames it when the file is complete
        const done = names.filter((n) => !before.has(n) && !n.endsWith('.part'));
        if (done.length === 1 && !names.some((n) => n.endsWith('.part')) && statSync(join(downloads, done[0]!)).size > 0) {
          return { name: done[0]!, bytes: readFileSync(join(downloads, done[0]!)) };
        }
        await sleep(100);
      }
      throw new Error(`no download in ${downloads} within 10 s`);
    },
    close: closeAll,
  };
}

/** What the chrome-scope functions above use of Firefox's privileged globals. */
interface ChromeScope {
  ChromeUtils: { importESModule(url: string): any };
  gBrowser: { getTabForBrowser(browser: unknown): unknown };
  WebExtensionPolicy: { getByID(id: string): { extension: unknown } };
  Services: { locale: { appLocaleAsBCP47: string } };
}

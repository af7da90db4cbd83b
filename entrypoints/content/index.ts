// The content script. On government sites it runs in every frame at document_idle; elsewhere the
// popup injects it on the user's click. It must never disturb the page: everything is wrapped,
// nothing is logged, the page's DOM is only read (except the outline the user asks for), and a
// second injection reuses the running instance.
//
// - On load: the cheap title test (looksLikeReportPage); only when it passes is the page
//   extracted and the extract sent to the background (badge).
// - On request: the popup calls `extract()` on the instance (through scripting.executeScript in
//   this same isolated world), which reads the page as it is now, not as it was at load.
// - Over a Port named page/outline: scroll to a cell and outline it; the outline goes when the
//   Port closes (the popup closed).
import { browser, type Browser } from 'wxt/browser';
import { looksLikeReportPage } from '@/lib/detect';
import { extractPage } from '@/lib/extract/page';
import type { PageExtract } from '@/lib/extract/types';
import { INSTANCE_KEY, OUTLINE_PORT, parseRevealCell, type RevealResult } from '@/components/messages-page';
import type { PageExtracted } from '@/components/messages';
import { looksLikeListPage } from '@/lib/detect-list';
import { countReportList } from '@/lib/sweep/list';
import { MIN_LISTED, type ListOffer, type TabListed } from '@/components/messages-list';
import { locateCell } from './locate-cell';
import { clearOutline, showOutline } from './outline';

/** What the popup finds under globalThis[INSTANCE_KEY] in this frame's isolated world. */
export interface ContentInstance {
  extract(): { ok: true; extract: PageExtract } | { ok: false; error: string };
  /** false once the extension was reloaded or removed (this script is then orphaned) */
  alive(): boolean;
  /** on a column's list page (top frame): the reports it lists, read now; else null */
  listed?(): ListOffer | null;
}

function alive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

function extractNow(): ReturnType<ContentInstance['extract']> {
  try {
    return { ok: true, extract: extractPage(document, location.href) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function onOutlinePort(port: Browser.runtime.Port): void {
  if (port.name !== OUTLINE_PORT) return;
  port.onMessage.addListener((msg: unknown) => {
    try {
      const m = parseRevealCell(msg);
      if (!m) return;
      const el = locateCell(document, m.loc);
      if (el) showOutline(el);
      const reply: RevealResult = { type: 'page/revealed', ok: el !== null };
      port.postMessage(reply);
    } catch {
      // a page that removed its tables meanwhile: nothing to outline
    }
  });
  port.onDisconnect.addListener(() => {
    try {
      clearOutline();
    } catch {
      // the element may be gone with the page's own changes
    }
  });
}

/** A column's list page: the cheap title test first, the links read only when it passes. */
function listedNow(): ListOffer | null {
  try {
    if (window !== window.top) return null;
    const heading = document.querySelector('h1')?.textContent?.slice(0, 300) ?? undefined;
    if (!looksLikeListPage({ title: document.title, firstHeading: heading })) return null;
    const { count, pages } = countReportList(document, location.href);
    return count >= MIN_LISTED ? { url: location.href, count, pages } : null;
  } catch {
    return null;
  }
}

/** On load: report pages are read at once so the badge can say what the popup would. */
function detectOnLoad(): void {
  // a list page: the badge says how many reports it lists (the popup offers to check them all)
  const offer = listedNow();
  if (offer) {
    const msg: TabListed = { type: 'tab/listed', ...offer };
    browser.runtime.sendMessage(msg).catch(() => {});
    return;
  }
  // a title is short: a first heading of megabytes (broken markup) is not read whole
  const heading = document.querySelector('h1')?.textContent?.slice(0, 300) ?? undefined;
  if (!looksLikeReportPage({ title: document.title, firstHeading: heading })) return;
  const res = extractNow();
  if (!res.ok) return;
  const msg: PageExtracted = { type: 'tab/extracted', extract: res.extract };
  browser.runtime.sendMessage(msg).catch(() => {
    // background asleep or extension reloading: the popup will read the page on click anyway
  });
}

function install(): void {
  const g = globalThis as unknown as Record<string, ContentInstance | undefined>;
  const existing = g[INSTANCE_KEY];
  if (existing?.alive()) return;
  const instance: ContentInstance = { extract: extractNow, alive, listed: listedNow };
  g[INSTANCE_KEY] = instance;
  browser.runtime.onConnect.addListener(onOutlinePort);
  detectOnLoad();
}

export default defineContentScript({
  // The E2E build adds the test server's address to this list (wxt.config.ts); the shipped build
  // runs on government sites only.
  matches: ['*://*.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  // WXT would announce each start to the page with window.postMessage; pages must not see us
  noScriptStartedPostMessage: true,
  main() {
    try {
      install();
    } catch {
      // never throw into the page
    }
  },
});

// The sweep page's host over the extension API. The list is read from its tab (named by ?tabId=)
// with scripting.executeScript: the page as the user sees it, pagers written by its scripts
// included, serialised and parsed here by DOMParser (no script of it runs here, nothing of the tab
// is changed). The popup's click granted activeTab for that tab. The reports are fetched from this
// page, after the user grants the list's site at the start click (optional_host_permissions):
// the sweep does not depend on the list's tab staying on its page, bytes never cross a message,
// and http and https of one host can both be asked.
import { browser } from 'wxt/browser';
import { SWEEP_DEFAULTS, type SweepDeps } from '@/lib/sweep/types';
import type { PageExtract } from '@/lib/extract/types';
import { sitePattern } from './site-access';
import { sweepFetchBytes } from './sweep-fetch';
import type { ListSource, SweepHost } from './sweep-host';

interface TabPage {
  url: string;
  html: string;
}

/** Runs in the list tab's isolated world (serialised by executeScript: no closure). Reads only. */
function readTabPage(): TabPage {
  return { url: location.href, html: document.documentElement.outerHTML };
}

/** The list tab named by the page's address (?tabId=), and the address it had when the popup opened the sweep (?url=). */
export function sweepTarget(search: string): { tabId: number | null; url: string | null } {
  const p = new URLSearchParams(search);
  const id = p.get('tabId');
  return { tabId: id !== null && /^\d+$/.test(id) ? Number(id) : null, url: p.get('url') };
}

/** The file reader: loaded on the first file (pdfjs, mammoth, the .doc reader each on their first file). */
async function readFile(bytes: Uint8Array, name: string): Promise<PageExtract> {
  const { readFileExtract } = await import('./file-pipeline');
  // a sweep reads file after file: a small PDF is parsed in the page (pdfjs-loader.ts)
  return readFileExtract(bytes, name, name, true);
}

export function browserSweepHost(search = location.search): SweepHost {
  const target = sweepTarget(search);
  const deps: SweepDeps = {
    fetchBytes: (url, signal) => sweepFetchBytes(url, signal, SWEEP_DEFAULTS.maxBytes),
    parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
    readFile,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    now: () => performance.now(),
  };
  return {
    deps,
    async readList(): Promise<ListSource> {
      if (target.tabId === null) return { kind: 'unavailable', detail: 'no tab' };
      try {
        const [answer] = await browser.scripting.executeScript({ target: { tabId: target.tabId, frameIds: [0] }, func: readTabPage });
        const page = answer?.result as TabPage | undefined;
        if (!page || typeof page.html !== 'string' || typeof page.url !== 'string') return { kind: 'unavailable', detail: 'no answer' };
        // the tab went elsewhere since the popup's click: that page is not the list the user asked for
        if (target.url !== null && page.url !== target.url) return { kind: 'unavailable', detail: page.url };
        return { kind: 'list', url: page.url, doc: deps.parseHtml(page.html, page.url) };
      } catch (e) {
        // the tab closed, or navigated (activeTab then lapses)
        return { kind: 'unavailable', detail: e instanceof Error ? e.message : String(e) };
      }
    },
    requestAccess(urls: string[]): Promise<boolean> {
      const origins = [...new Set(urls.flatMap((u) => (/^https?:/i.test(u) ? [sitePattern(u)] : [])))];
      // no await before the request: the prompt needs the click's user gesture
      try {
        return browser.permissions.request({ origins }).catch(() => false);
      } catch {
        return Promise.resolve(false);
      }
    },
  };
}

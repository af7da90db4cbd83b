// The Gateway over the extension API, for the popup. Reading a tab: inject the content script into
// every frame (activeTab + scripting; a second injection is a no-op), ask each frame's instance
// for a fresh extract, have the background analyse them (it sets the badge on the way; the
// recogniser stays out of the popup's bundle) and show the best frame. The tab is the one named by ?tabId= (tests open the popup in a tab), else the
// active tab of the popup's window. Report files (attachments, the PDF in the viewer, files from
// disk) are fetched here, read by a chunk loaded on the first file (file-pipeline.ts), and
// analysed by the background like the pages.
import { browser, type Browser } from 'wxt/browser';
import { Report } from '@/lib/report';
import type { CellLoc } from '@/lib/report';
import type { PageExtract } from '@/lib/extract/types';
import { bestFrame, type FrameReport } from './best-frame';
import { collectionKey, type CollectedReport, type FileState, type Gateway, type PageState, REVIEW_KEY } from './gateway';
import { embeddedPdfs } from './embedded-pdf';
import { sitePattern } from './site-access';
import { INSTANCE_KEY, OUTLINE_PORT, parseRevealResult, type RevealCell } from './messages-page';
import { parseListOffer, type ListOffer } from './messages-list';
import { AnalyzedTab, tabSessionKey, type AnalyzeTab } from './messages';

const CONTENT_SCRIPT = '/content-scripts/content.js';
const COLLECTION_KEY = 'collection';
const REVEAL_TIMEOUT_MS = 1500;

type Extracted = { ok: true; extract: PageExtract } | { ok: false; error: string };
interface FrameAnswer {
  contentType: string;
  /** the frame's address (an embedded PDF's, a pdf.js viewer's) */
  url: string;
  /** null where the content script is not running (a frame it could not be injected into) */
  result: Extracted | null;
}

/** Runs in each frame's isolated world (serialised by executeScript: no closure). */
function askFrame(key: string): FrameAnswer {
  const instance = (globalThis as unknown as Record<string, { extract(): Extracted } | undefined>)[key];
  return { contentType: document.contentType, url: location.href, result: instance ? instance.extract() : null };
}

/** Runs in the top frame's isolated world: the content script's count of the list page's reports, now. */
function askList(key: string): unknown {
  const instance = (globalThis as unknown as Record<string, { listed?(): unknown } | undefined>)[key];
  return instance?.listed ? instance.listed() : null;
}

const isPdfAddress = (url: string | null) => url !== null && /\.pdf(?:$|[?#])/i.test(url);

async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function tabUrl(tabId: number): Promise<string | null> {
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}

/** an address inside the extension, for pages the build adds (not in WXT's typed list of paths) */
const extensionUrl = (path: string): string => (browser.runtime.getURL as (p: string) => string)(path);

function validEntries(data: unknown): CollectedReport[] {
  if (!Array.isArray(data)) return [];
  const out: CollectedReport[] = [];
  for (const item of data) {
    const r = Report.safeParse((item as { report?: unknown } | null)?.report);
    if (r.success) out.push({ key: collectionKey(r.data), report: r.data });
  }
  return out;
}

export interface BrowserGateway extends Gateway {
  /** Starts reading the tab's stored report now, for the popup's first cachedPage(). */
  startCachedRead(): void;
}

export function browserGateway(): BrowserGateway {
  let tabId: number | null = null;
  const ports = new Map<number, Browser.runtime.Port>();

  function portFor(frameId: number): Browser.runtime.Port {
    // one outline at a time: closing the other frames' ports removes theirs
    for (const [f, p] of ports) {
      if (f !== frameId) {
        p.disconnect();
        ports.delete(f);
      }
    }
    let port = ports.get(frameId);
    if (!port) {
      port = browser.tabs.connect(tabId!, { name: OUTLINE_PORT, frameId });
      port.onDisconnect.addListener(() => ports.delete(frameId));
      ports.set(frameId, port);
    }
    return port;
  }

  async function readCollection(): Promise<CollectedReport[]> {
    const got = await browser.storage.local.get(COLLECTION_KEY);
    return validEntries(got[COLLECTION_KEY]);
  }
  async function writeCollection(entries: CollectedReport[]): Promise<CollectedReport[]> {
    await browser.storage.local.set({ [COLLECTION_KEY]: entries.map((e) => ({ report: e.report })) });
    return entries;
  }

  let cached: Promise<PageState | null> | undefined;
  /** The tab's report as the background stored it on load, or null. */
  async function readCached(): Promise<PageState | null> {
    const start = performance.now();
    const id = await targetTabId();
    if (id === null) return null;
    tabId = id;
    const session = (browser.storage as { session?: Browser.storage.StorageArea }).session;
    if (!session) return null;
    const stored = (await session.get(tabSessionKey(id)))[tabSessionKey(id)] as Record<string, unknown> | undefined;
    const frames: FrameReport[] = [];
    for (const [frameId, data] of Object.entries(stored ?? {})) {
      const r = Report.safeParse(data);
      if (r.success) frames.push({ frameId: Number(frameId), report: r.data });
    }
    const best = bestFrame(frames);
    // a page read on load that is not a report is not worth a flash before the fresh read
    if (!best?.report.isReport) return null;
    return { kind: 'report', report: best.report, frameId: best.frameId, elapsedMs: Math.round(performance.now() - start), cached: true };
  }

  return {
    cachedPage(): Promise<PageState | null> {
      // main.tsx asks before the first render; the popup's own asking is answered from that one
      // (a later asking, a retry, reads afresh)
      const answer = cached ?? readCached();
      cached = undefined;
      return answer;
    },

    startCachedRead(): void {
      cached ??= readCached();
    },

    async readPage(): Promise<PageState> {
      const start = performance.now();
      tabId = await targetTabId();
      if (tabId === null) return { kind: 'no-tab' };
      try {
        await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT] });
      } catch {
        // chrome://, about:, the PDF viewer, the web store, or no permission for this page
        const url = await tabUrl(tabId);
        return { kind: 'restricted', url, pdf: isPdfAddress(url) };
      }
      const answers = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: askFrame, args: [INSTANCE_KEY] });
      const request: AnalyzeTab = { type: 'tab/analyze', tabId, frames: [] };
      let firstError: string | null = null;
      const embedded = embeddedPdfs(
        answers.map((a) => ({ frameId: a.frameId, contentType: (a.result as FrameAnswer | undefined)?.contentType ?? '', url: (a.result as FrameAnswer | undefined)?.url ?? '' })),
      );
      for (const a of answers) {
        const answer = a.result as FrameAnswer | undefined;
        // a PDF shown by the browser's viewer: its text is out of reach of any extension
        if (a.frameId === 0 && answer?.contentType === 'application/pdf') return { kind: 'restricted', url: await tabUrl(tabId), pdf: true };
        const res = answer?.result;
        if (!res) continue;
        if (res.ok) request.frames.push({ frameId: a.frameId, extract: res.extract });
        else firstError ??= res.error;
      }
      if (request.frames.length === 0) {
        if (firstError) return { kind: 'failed', message: firstError };
        const url = await tabUrl(tabId);
        return { kind: 'restricted', url, pdf: isPdfAddress(url) };
      }
      const answer = AnalyzedTab.parse(await browser.runtime.sendMessage(request));
      const frames: FrameReport[] = answer.frames;
      const best = bestFrame(frames);
      if (!best) return { kind: 'failed', message: answer.error ?? firstError ?? 'no report' };
      const listed = new Set(best.report.attachments.map((x) => x.href));
      const extra = embedded.filter((x) => !listed.has(x.href));
      return { kind: 'report', report: best.report, frameId: best.frameId, elapsedMs: Math.round(performance.now() - start), ...(extra.length ? { embedded: extra } : {}) };
    },

    revealCell(frameId: number, loc: CellLoc): Promise<boolean> {
      if (tabId === null) return Promise.resolve(false);
      const port = portFor(frameId);
      return new Promise<boolean>((resolve) => {
        const done = (ok: boolean) => {
          clearTimeout(timer);
          port.onMessage.removeListener(onReply);
          resolve(ok);
        };
        const onReply = (msg: unknown) => {
          const r = parseRevealResult(msg);
          if (r) done(r.ok);
        };
        const timer = setTimeout(() => done(false), REVEAL_TIMEOUT_MS);
        port.onMessage.addListener(onReply);
        const request: RevealCell = { type: 'page/reveal', loc };
        try {
          port.postMessage(request);
        } catch {
          done(false);
        }
      });
    },

    async copyText(text: string): Promise<void> {
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        // older engines, or clipboard refused without focus: the selection route still works
        const area = document.createElement('textarea');
        area.value = text;
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.append(area);
        area.select();
        const ok = document.execCommand('copy');
        area.remove();
        if (!ok) throw new Error('clipboard unavailable');
      }
    },

    async download(fileName: string, data: string | Uint8Array, mime: string): Promise<void> {
      const url = URL.createObjectURL(new Blob([data as BlobPart], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.style.display = 'none';
      document.body.append(a);
      a.click();
      a.remove();
      // the download has started reading the blob by then; a closed popup frees it anyway
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },

    collectionList: readCollection,

    async collectionAdd(report: Report) {
      const key = collectionKey(report);
      const entries = await readCollection();
      const replaced = entries.some((e) => e.key === key);
      const next = [...entries.filter((e) => e.key !== key), { key, report }];
      return { entries: await writeCollection(next), replaced };
    },

    async collectionRemove(key: string) {
      return writeCollection((await readCollection()).filter((e) => e.key !== key));
    },

    async readFile(url: string): Promise<FileState> {
      const start = performance.now();
      return (await import('./file-read')).readRemoteFile(url, start);
    },

    async readLocalFile(file: File): Promise<FileState> {
      const start = performance.now();
      return (await import('./file-read')).readDiskFile(file, start);
    },

    requestAccess(url: string): Promise<boolean> {
      // no await before the request: the prompt needs the click's user gesture
      try {
        return browser.permissions.request({ origins: [sitePattern(url)] }).catch(() => false);
      } catch {
        return Promise.resolve(false);
      }
    },

    async openFilesPage(): Promise<void> {
      await browser.tabs.create({ url: extensionUrl('/files.html') });
    },

    async listedReports(): Promise<ListOffer | null> {
      const id = tabId ?? (await targetTabId());
      if (id === null) return null;
      try {
        const [answer] = await browser.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, func: askList, args: [INSTANCE_KEY] });
        return parseListOffer(answer?.result);
      } catch {
        return null;
      }
    },

    async openSweep(offer: ListOffer): Promise<void> {
      const id = tabId ?? (await targetTabId());
      if (id === null) return;
      // the sweep page reads the list from this tab, if it still shows this address
      await browser.tabs.create({ url: extensionUrl(`/sweep.html?tabId=${id}&url=${encodeURIComponent(offer.url)}`) });
    },

    async openReviewSheet(report: Report): Promise<void> {
      await browser.storage.local.set({ [REVIEW_KEY]: { report } });
      await browser.tabs.create({ url: extensionUrl('/review.html') });
    },
  };
}

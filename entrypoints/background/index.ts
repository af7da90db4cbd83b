// The background: turns what the content scripts read into Reports (analyzeExtract), keeps them
// per tab and frame, and sets the toolbar badge. Two senders: a content script that found a
// report-like page on load (tab/extracted), and the popup, which reads every frame on the user's
// click and has them analysed here (tab/analyze), so that popup and badge always agree. Extension
// pages also send the extracts of report files read on the user's word (file/analyze): the
// recogniser lives here, out of the popup's and the files page's bundles.
// No network, no timers, no state beyond the tabs' reports.
import { browser, type Browser } from 'wxt/browser';
import { analyzeExtract } from '@/lib/analyze';
import type { PageExtract } from '@/lib/extract/types';
import { Report } from '@/lib/report';
import { TabMessage, type AnalyzeFile, type AnalyzeTab, type AnalyzedFile, type AnalyzedTab } from '@/components/messages';
import type { FrameReport } from '@/components/best-frame';
import { setBadge } from './badge';
import { parseTabListed } from '@/components/messages-list';
import { forgetList, onTabListed } from './list-badge';
import { dropTab, putFrame, putTab } from './tab-store';

function analyze(extract: unknown): Report {
  return Report.parse(analyzeExtract(extract as PageExtract));
}

async function onExtracted(extract: unknown, sender: Browser.runtime.MessageSender): Promise<void> {
  // the tab and frame are the sender's, never the message's
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  await setBadge(tabId, await putFrame(tabId, sender.frameId ?? 0, analyze(extract)));
}

async function onAnalyze(m: AnalyzeTab): Promise<AnalyzedTab> {
  const frames: FrameReport[] = [];
  let error: string | null = null;
  for (const f of m.frames) {
    try {
      frames.push({ frameId: f.frameId, report: analyze(f.extract) });
    } catch (e) {
      error ??= e instanceof Error ? e.message : String(e);
    }
  }
  await setBadge(m.tabId, await putTab(m.tabId, frames));
  return { frames, error };
}

function onAnalyzeFile(m: AnalyzeFile): AnalyzedFile {
  try {
    return { report: Report.parse(analyzeExtract(m.extract as PageExtract)) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Only the extension's own pages (the popup) may ask for a tab's analysis. */
function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Browser.runtime.MessageSender) => {
    // a column's list page (content script, on load): the badge counts its reports
    const listed = parseTabListed(msg);
    if (listed) {
      onTabListed(listed, sender).catch(() => {});
      return undefined;
    }
    const parsed = TabMessage.safeParse(msg);
    if (!parsed.success) return undefined;
    const m = parsed.data;
    if (m.type === 'tab/analyze') return fromExtensionPage(sender) ? onAnalyze(m) : undefined;
    if (m.type === 'file/analyze') return fromExtensionPage(sender) ? Promise.resolve(onAnalyzeFile(m)) : undefined;
    onExtracted(m.extract, sender).catch(() => {});
    return undefined;
  });
  browser.tabs.onRemoved.addListener((tabId: number) => {
    dropTab(tabId).catch(() => {});
    forgetList(tabId);
  });
});

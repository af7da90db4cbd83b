// The badge of a column's list page: the number of reports it lists, blue, after a list sign
// ("≡7"), so that it is never taken for a report's error count (red digits) or its ✓ (green). The
// tooltip says it in words. Kept per tab with the page's address, so that the popup's reading of
// the same page (which finds no report there) leaves it, and another page of the tab does not
// inherit it. Browsers clear a tab's badge and tooltip when it navigates.
import { browser, type Browser } from 'wxt/browser';
import type { TabListed } from '@/components/messages-list';

const BLUE = '#1c7ed6';
const lists = new Map<number, { url: string; count: number }>();

export function listBadgeFor(count: number): { text: string; color: string } {
  return { text: `≡${count > 99 ? 99 : count}`, color: BLUE };
}

/** The count of the list page `url` of the tab, when the tab last said it lists reports; else null. */
export function listedOn(tabId: number, url: string | undefined): number | null {
  const l = lists.get(tabId);
  return l !== undefined && url !== undefined && l.url === url ? l.count : null;
}

export function forgetList(tabId: number): void {
  lists.delete(tabId);
}

/** content script → here: a top frame's list page on load. The tab and address are the sender's. */
export async function onTabListed(m: TabListed, sender: Browser.runtime.MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || (sender.frameId ?? 0) !== 0) return;
  const url = sender.url ?? m.url;
  lists.set(tabId, { url, count: m.count });
  const { text, color } = listBadgeFor(m.count);
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    await browser.action.setTitle({ tabId, title: browser.i18n.getMessage('sweepBadgeTitle', [String(m.count)]) });
  } catch {
    // the tab closed meanwhile
  }
}

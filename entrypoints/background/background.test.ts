// The background over the fake browser: a report read on load sets the badge of its tab; the
// popup's request is answered with validated Reports; a content script cannot speak for another
// tab, and the reports go with the tab.
import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { textToExtract } from '@/lib/extract/text';
import { isRowStart } from '@/lib/recognize';
import { AnalyzedTab } from '@/components/messages';
import background from './index';

const SEED = new URL('../../../shared/seeds/003_ed735561ce7e8ab6.txt', import.meta.url);
const hasSeed = existsSync(SEED);
const extract = () => textToExtract(readFileSync(SEED, 'utf8'), 'https://www.zengcheng.gov.cn/nb2020.html', { isRowStart });

async function send(msg: unknown, sender: object): Promise<unknown> {
  const results = await fakeBrowser.runtime.onMessage.trigger(msg, sender, () => {});
  return results[0];
}

describe.skipIf(!hasSeed)('background (needs ../shared)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  it('sets the badge to the error count of a report read on load', async () => {
    await send({ type: 'tab/extracted', extract: extract() }, { tab: { id: 7 }, frameId: 0, url: 'https://www.zengcheng.gov.cn/nb2020.html' });
    await expect.poll(() => fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('4');
    expect(await fakeBrowser.storage.session.get('tab:7')).toHaveProperty('tab:7');
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await expect.poll(async () => Object.keys(await fakeBrowser.storage.session.get(null))).toEqual([]);
  });

  it("answers the popup's request with one validated Report per frame", async () => {
    const popupUrl = fakeBrowser.runtime.getURL('/popup.html');
    const answer = AnalyzedTab.parse(
      await send({ type: 'tab/analyze', tabId: 9, frames: [{ frameId: 0, extract: extract() }] }, { url: popupUrl }),
    );
    expect(answer.frames[0]!.report.agency).toBe('广州市增城区小楼镇人民政府');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).toBe('4');
  });

  it('ignores analysis requests from web pages and malformed messages', async () => {
    expect(await send({ type: 'tab/analyze', tabId: 9, frames: [{ frameId: 0, extract: extract() }] }, { tab: { id: 9 }, url: 'https://evil.example/' })).toBeUndefined();
    expect(await send({ type: 'tab/extracted', extract: { title: 1 } }, { tab: { id: 9 }, frameId: 0 })).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).toBe('');
  });
});

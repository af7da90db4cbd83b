// @vitest-environment happy-dom
// The real gateway over the fake browser: what the popup shows where scripts cannot run (the web
// store, chrome://, the PDF viewer), a page read through the background, and the collection kept
// in storage.local (entries that are not valid Reports are dropped, never shown).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeExtract } from '@/lib/analyze';
import { textToExtract } from '@/lib/extract/text';
import { isRowStart } from '@/lib/recognize';
import { browserGateway } from './gateway-browser';

const TAB = { id: 5, url: 'https://www.example.gov.cn/2023nb.html' };

function tabIs(url: string): void {
  // the overloads of tabs.query and tabs.get (promise or callback) defeat mockResolvedValue's type
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ ...TAB, url }]) as never);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async () => ({ ...TAB, url })) as never);
}

describe('browserGateway', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('a page scripts cannot enter (the web store) is "restricted", with its address', async () => {
    tabIs('https://chromewebstore.google.com/detail/abc');
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('The extensions gallery cannot be scripted.'));
    expect(await browserGateway().readPage()).toEqual({ kind: 'restricted', url: 'https://chromewebstore.google.com/detail/abc', pdf: false });
  });

  it('a PDF in the browser viewer is "restricted" as a PDF, whatever its address', async () => {
    tabIs('https://www.example.gov.cn/download?id=7');
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    run.mockResolvedValueOnce([{ frameId: 0, result: undefined }] as never);
    run.mockResolvedValueOnce([{ frameId: 0, result: { contentType: 'application/pdf', result: null } }] as never);
    expect(await browserGateway().readPage()).toEqual({ kind: 'restricted', url: 'https://www.example.gov.cn/download?id=7', pdf: true });
  });

  it('a page whose frames gave nothing, and one whose reading failed, say so', async () => {
    tabIs('about:blank');
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    run.mockResolvedValueOnce([] as never).mockResolvedValueOnce([{ frameId: 0, result: { contentType: 'text/html', result: null } }] as never);
    expect(await browserGateway().readPage()).toEqual({ kind: 'restricted', url: 'about:blank', pdf: false });
    run.mockResolvedValueOnce([] as never).mockResolvedValueOnce([{ frameId: 0, result: { contentType: 'text/html', result: { ok: false, error: 'page threw' } } }] as never);
    expect(await browserGateway().readPage()).toEqual({ kind: 'failed', message: 'page threw' });
  });

  it('a page read: the frames go to the background, the best report comes back', async () => {
    tabIs(TAB.url);
    const extract = textToExtract('某镇人民政府2023年政府信息公开工作年度报告\n表三\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1', TAB.url, { isRowStart });
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    run.mockResolvedValueOnce([] as never).mockResolvedValueOnce([{ frameId: 0, result: { contentType: 'text/html', result: { ok: true, extract } } }] as never);
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (msg: unknown) => {
      sent.push(msg);
      return { frames: [{ frameId: 0, report: analyzeExtract(extract) }], error: null } as never;
    });
    const state = await browserGateway().readPage();
    expect(sent).toEqual([{ type: 'tab/analyze', tabId: 5, frames: [{ frameId: 0, extract }] }]);
    expect(state.kind).toBe('report');
    if (state.kind === 'report') {
      expect(state.report.year).toBe(2023);
      expect(state.report.cells.find((c) => c.id === 'T3.new.total')?.value).toBe(1);
    }
  });

  it('the collection lives in storage.local: add, replace, remove; invalid entries are dropped', async () => {
    const gw = browserGateway();
    const extract = textToExtract('某镇人民政府2023年政府信息公开工作年度报告', TAB.url, { isRowStart });
    const report = analyzeExtract(extract);
    const first = await gw.collectionAdd(report);
    expect([first.replaced, first.entries.length]).toEqual([false, 1]);
    const again = await gw.collectionAdd({ ...report, source: 'https://www.example.gov.cn/copy.html' });
    expect([again.replaced, again.entries.length]).toEqual([true, 1]);
    await fakeBrowser.storage.local.set({ collection: [...(await fakeBrowser.storage.local.get('collection')).collection as unknown[], { report: { agency: 'x' } }, 'junk'] });
    expect(await gw.collectionList()).toHaveLength(1);
    expect(await gw.collectionRemove(again.entries[0]!.key)).toEqual([]);
    expect(await fakeBrowser.storage.local.get('collection')).toEqual({ collection: [] });
  });
});

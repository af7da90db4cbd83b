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

  it('the report the background kept for the tab (read on load) is shown at once; a non-report or nothing is not', async () => {
    tabIs(TAB.url);
    const gw = browserGateway();
    expect(await gw.cachedPage()).toBeNull();
    const extract = textToExtract('某镇人民政府2023年政府信息公开工作年度报告\n表三\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1', TAB.url, { isRowStart });
    const report = analyzeExtract(extract);
    // as the background's tab store writes it: frame id → Report, plus an entry that is not a Report
    await fakeBrowser.storage.session.set({ [`tab:${TAB.id}`]: { 0: report, 3: { junk: true } } });
    const state = await gw.cachedPage();
    expect(state).toMatchObject({ kind: 'report', frameId: 0, cached: true });
    if (state?.kind === 'report') expect(state.report).toEqual(report);
    await fakeBrowser.storage.session.set({ [`tab:${TAB.id}`]: { 0: { ...report, isReport: false } } });
    expect(await gw.cachedPage()).toBeNull();
    // started early (as the popup's main does), the first asking gets that answer; a later one reads again
    const early = browserGateway();
    early.startCachedRead();
    await new Promise((r) => setTimeout(r, 20));
    await fakeBrowser.storage.session.set({ [`tab:${TAB.id}`]: { 0: report } });
    expect(await early.cachedPage()).toBeNull();
    expect(await early.cachedPage()).toMatchObject({ kind: 'report', cached: true });
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

  it('PDFs shown in subframes (an <embed>, a pdf.js viewer) come with the report, unless the page links them', async () => {
    tabIs(TAB.url);
    const extract = textToExtract('某镇人民政府2023年政府信息公开工作年度报告', TAB.url, { isRowStart });
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    run.mockResolvedValueOnce([] as never).mockResolvedValueOnce([
      { frameId: 0, result: { contentType: 'text/html', url: TAB.url, result: { ok: true, extract } } },
      { frameId: 3, result: { contentType: 'application/pdf', url: 'https://www.example.gov.cn/files/nb.pdf', result: null } },
      { frameId: 4, result: { contentType: 'text/html', url: 'https://www.example.gov.cn/pdfjs/web/viewer.html?file=/files/nb2.pdf', result: null } },
    ] as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({ frames: [{ frameId: 0, report: analyzeExtract(extract) }], error: null })) as never);
    const state = await browserGateway().readPage();
    expect(state.kind === 'report' && state.embedded?.map((a) => a.href)).toEqual(['https://www.example.gov.cn/files/nb.pdf', 'https://www.example.gov.cn/files/nb2.pdf']);
  });
});

describe('browserGateway: report files', () => {
  const FILE = 'https://www.example.gov.cn/files/2023nb.txt';
  const TEXT = '某镇人民政府2023年政府信息公开工作年度报告\n表三\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1';
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('a file is fetched, read here, analysed by the background; its address is the source', async () => {
    vi.stubGlobal('fetch', async () => new Response(new TextEncoder().encode(TEXT), { status: 200 }));
    const sent: { type: string; extract: { source: string } }[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: { type: string; extract: Parameters<typeof analyzeExtract>[0] }) => {
      sent.push(msg);
      return { report: analyzeExtract(msg.extract) };
    }) as never);
    const state = await browserGateway().readFile(FILE);
    expect(sent.map((m) => [m.type, m.extract.source])).toEqual([['file/analyze', FILE]]);
    expect(state.kind).toBe('report');
    if (state.kind !== 'report') return;
    expect(state.name).toBe('2023nb.txt');
    expect(state.report.source).toBe(FILE);
    expect(state.report.cells.find((c) => c.id === 'T3.new.total')?.value).toBe(1);
  });

  it('a 404 says so; a refused request without access to the site asks for it', async () => {
    vi.stubGlobal('fetch', async () => new Response('not found', { status: 404 }));
    expect(await browserGateway().readFile(FILE)).toEqual({ kind: 'fetch-failed', url: FILE, failure: { reason: 'http', status: 404 } });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    expect(await browserGateway().readFile(FILE)).toEqual({ kind: 'needs-permission', url: FILE, host: 'www.example.gov.cn' });
    expect(contains).toHaveBeenCalledWith({ origins: ['https://www.example.gov.cn/*'] });
    // with access, the same refusal is a network failure, said as such
    contains.mockResolvedValue(true as never);
    expect(await browserGateway().readFile(FILE)).toEqual({ kind: 'fetch-failed', url: FILE, failure: { reason: 'network', message: 'Failed to fetch' } });
  });

  it('access is asked for the one site of the file, any port; a refusal or an error is false', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    expect(await browserGateway().requestAccess('http://cdn.example.com:8080/a.pdf')).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['http://cdn.example.com/*'] });
    request.mockRejectedValue(new Error('no gesture'));
    expect(await browserGateway().requestAccess('https://cdn.example.com/a.pdf')).toBe(false);
  });

  it('a file from disk over the size limit, or empty, is not read', async () => {
    const gw = browserGateway();
    const big = new File([new Uint8Array(8)], 'big.pdf');
    Object.defineProperty(big, 'size', { value: 31 * 1024 * 1024 });
    expect(await gw.readLocalFile(big)).toEqual({ kind: 'fetch-failed', url: 'big.pdf', failure: { reason: 'too-large', limitBytes: 30 * 1024 * 1024 } });
    expect(await gw.readLocalFile(new File([], 'empty.docx'))).toEqual({ kind: 'fetch-failed', url: 'empty.docx', failure: { reason: 'empty' } });
  });
});

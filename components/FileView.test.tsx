// @vitest-environment happy-dom
// Report files in the popup, over the mock gateway: the PDF open in the browser's viewer is read
// from its address; an attachment is read on a click (the report-like one offered first), asking
// for access first where it lives on another site; a file's cells say their page instead of
// scrolling; and every way a download fails is said in words.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Report } from '@/lib/report';
import { useCatalog } from './i18n';
import zhCatalog from '../public/_locales/zh_CN/messages.json';
import { mockGateway, type MockGateway } from './gateway-mock';
import type { PageState } from './gateway';
import { Popup } from './Popup';
import errorsJson from './fixtures/report-errors.json';
import attachmentJson from './fixtures/attachment-only.json';

const PDF = 'https://www.example.gov.cn/files/2023nb.pdf';
const DOCX = 'https://www.example.gov.cn/files/2023nb.docx';
const attachmentOnly = Report.parse(attachmentJson);
/** the seed-003 report as read from a PDF: its address as source, its cells on page 2 */
const fromPdf = (source: string) => {
  const r = Report.parse(errorsJson);
  return { ...r, source, title: null, cells: r.cells.map((c) => ({ ...c, loc: c.loc ? { ...c.loc, page: 2 } : null })) };
};

useCatalog(zhCatalog);
// the popup loads these views on first use; loaded once here, the tests need not wait for vite
beforeAll(async () => {
  await import('./FileView');
  await import('./CollectionView');
});

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function settle(): Promise<void> {
  // the lazily loaded views resolve a dynamic import, then the gateway's promise
  for (let i = 0; i < 4; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}
async function show(g: MockGateway): Promise<void> {
  await act(async () => render(<Popup gateway={g} lang="zh" />, root));
  await settle();
}
const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const text = (sel: string) => $(sel)?.textContent?.trim() ?? '';
async function click(el: HTMLElement | null): Promise<void> {
  expect(el).not.toBeNull();
  await act(async () => el!.click());
  await settle();
}

describe('the PDF open in the browser viewer', () => {
  const viewer: PageState = { kind: 'restricted', url: PDF, pdf: true };

  it('is fetched from its address and shown as a report whose source is the file', async () => {
    const g = mockGateway(viewer, { files: { [PDF]: fromPdf(PDF) } });
    await show(g);
    expect(g.filesRead).toEqual([PDF]);
    expect(text('.file-intro')).toContain('这是 PDF 文件');
    expect(text('.agency')).toBe('广州市增城区小楼镇人民政府');
    expect(text('[data-testid=verdict]')).toContain('4 处不一致');
    expect(text('.page-url')).toBe(PDF);
    expect($('td[data-cell="T3.new.np"]')!.dataset.value).toBe('1');
    expect($('[data-action=collect]')).not.toBeNull();
  });

  it("a finding in a file says the cell's page instead of scrolling a page", async () => {
    const g = mockGateway(viewer, { files: { [PDF]: fromPdf(PDF) } });
    await show(g);
    await click($('.finding-list .finding-btn'));
    expect(g.reveals).toEqual([]);
    expect(text('[data-testid=status]')).toBe('此格在文件第 2 页');
  });

  it('adds the file to the collection like a page', async () => {
    const g = mockGateway(viewer, { files: { [PDF]: fromPdf(PDF) } });
    await show(g);
    await click($('[data-action=collect]'));
    expect(g.collection.map((e) => e.report.source)).toEqual([PDF]);
    expect(text('[data-testid=status]')).toContain('已加入汇总');
  });

  it.each([
    [{ reason: 'http', status: 404 } as const, '404，文件不存在或已被删除'],
    [{ reason: 'http', status: 503 } as const, '服务器返回错误 503'],
    [{ reason: 'web-page' } as const, '可能是登录页'],
    [{ reason: 'too-large', limitBytes: 30 * 1024 * 1024 } as const, '超过 30 MB'],
    [{ reason: 'timeout', seconds: 60 } as const, '60 秒'],
  ])('a failed download (%o) is said plainly', async (failure, words) => {
    const g = mockGateway(viewer, { files: { [PDF]: { kind: 'fetch-failed', url: PDF, failure } } });
    await show(g);
    expect($('[data-testid=file-failed]')!.dataset.reason).toBe(failure.reason);
    expect(text('[data-testid=file-failed] h1')).toContain(words);
    expect(text('[data-testid=file-failed]')).toContain(PDF);
  });

  it('a refused download asks for access to the site, and reads the file once granted', async () => {
    const g = mockGateway(viewer, { files: { [PDF]: { kind: 'needs-permission', url: PDF, host: 'www.example.gov.cn' }, [`${PDF}#granted`]: fromPdf(PDF) } });
    await show(g);
    expect(text('[data-testid=file-permission]')).toContain('www.example.gov.cn');
    await click($('[data-action=grant-access]'));
    expect(g.accessAsked).toEqual([PDF]);
    expect(g.filesRead).toEqual([PDF, PDF]);
    expect(text('.agency')).toBe('广州市增城区小楼镇人民政府');
  });

  it('a file the reader found no report in shows its notice, no verdict', async () => {
    const scanned = { ...fromPdf(PDF), isReport: false, tables: [], cells: [], findings: [], agency: null, year: null, format: null, notice: { zh: '扫描件：PDF 共 5 页，没有可读取的文字', en: 'Scanned: 5 pages, no text' } };
    await show(mockGateway(viewer, { files: { [PDF]: scanned } }));
    expect(text('[data-testid=file-no-report] h1')).toBe('此文件不是政府信息公开工作年度报告');
    expect(text('[data-testid=notice]')).toBe('扫描件：PDF 共 5 页，没有可读取的文字');
    expect($('[data-testid=verdict]')).toBeNull();
  });

  it("a file that is not a report says so once, not with the page's wording", async () => {
    const other = { ...fromPdf(PDF), isReport: false, tables: [], cells: [], findings: [], notice: { zh: '此页面不是政府信息公开工作年度报告', en: 'This page is not an annual report on government information disclosure' } };
    await show(mockGateway(viewer, { files: { [PDF]: other } }));
    expect(text('[data-testid=file-no-report] h1')).toBe('此文件不是政府信息公开工作年度报告');
    expect(text('[data-testid=notice]')).toBe('文件中没有找到表二、表三、表四。');
  });
});

describe('attachments of a report page', () => {
  it('offers the report-like attachment first, reads it on the click, and goes back to the page', async () => {
    const g = mockGateway(attachmentOnly, { files: { [PDF]: fromPdf(PDF) } });
    await show(g);
    // PDF and .docx get a read button; the javascript: link gets none
    expect($$('[data-action=read-attachment]')).toHaveLength(2);
    expect(text('[data-action=read-report-attachment]')).toContain('某某街道办事处2023年政府信息公开工作年度报告.pdf');
    expect($('.other-site')).toBeNull();
    await click($('[data-action=read-report-attachment]'));
    expect(g.filesRead).toEqual([PDF]);
    expect(g.accessAsked).toEqual([]);
    expect(text('[data-testid=verdict]')).toContain('4 处不一致');
    expect(text('.page-url')).toBe(PDF);
    await click($('[data-action=back-to-page]'));
    expect($('[data-testid=attachment-only]')).not.toBeNull();
  });

  it('any listed file can be read; a failed one says why', async () => {
    const g = mockGateway(attachmentOnly, { files: { [PDF]: fromPdf(PDF) } });
    await show(g);
    await click($$('[data-action=read-attachment]')[1]!);
    expect(g.filesRead).toEqual([DOCX]);
    expect(text('[data-testid=file-failed] h1')).toContain('404');
  });

  it('a file on another site says before the click that access will be asked, and asks at the click', async () => {
    const other = 'https://cdn.example.com/nb/2023.pdf';
    const page = Report.parse({ ...attachmentJson, attachments: [{ text: '2023年政府信息公开工作年度报告.pdf', href: other, kind: 'pdf' }] });
    const denied = mockGateway(page, { files: { [other]: fromPdf(other) }, grantAccess: false });
    await show(denied);
    expect(text('.other-site')).toContain('cdn.example.com');
    await click($('[data-action=read-attachment]'));
    expect(denied.accessAsked).toEqual([other]);
    expect(denied.filesRead).toEqual([]);
    expect(text('[data-testid=status]')).toContain('未读取');
    render(null, root);

    const granted = mockGateway(page, { files: { [other]: fromPdf(other) }, grantAccess: true });
    await show(granted);
    await click($('[data-action=read-attachment]'));
    expect(granted.accessAsked).toEqual([other]);
    expect(granted.filesRead).toEqual([other]);
    expect(text('.page-url')).toBe(other);
  });

  it('PDFs embedded in a page that is not a report are offered too', async () => {
    const news = Report.parse({ ...attachmentJson, isReport: false, title: '新闻', attachments: [], notice: null });
    const g = mockGateway({ kind: 'report', report: news, frameId: 0, elapsedMs: 1, embedded: [{ text: '2023nb.pdf', href: PDF, kind: 'pdf' }] }, { files: { [PDF]: fromPdf(PDF) } });
    await show(g);
    expect($$('[data-testid=embedded-pdfs] li')).toHaveLength(1);
    await click($('[data-testid=embedded-pdfs] [data-action=read-attachment]'));
    expect(g.filesRead).toEqual([PDF]);
  });
});

it('the popup opens the files page', async () => {
  const g = mockGateway(attachmentOnly);
  await show(g);
  await click($('[data-action=open-files-page]'));
  expect(g.filesPageOpened).toBe(1);
});

it('a tab scripts cannot enter, at a web address, can be read as a file (Firefox shows PDFs so, whatever their address)', async () => {
  const url = 'https://www.example.gov.cn/download.do?id=7';
  const g = mockGateway({ kind: 'restricted', url, pdf: false }, { files: { [url]: fromPdf(url) } });
  await show(g);
  expect(text('[data-testid=restricted] h1')).toBe('浏览器不允许扩展读取此页面');
  expect(g.filesRead).toEqual([]);
  await click($('[data-action=read-tab-as-file]'));
  expect(g.accessAsked).toEqual([]);
  expect(g.filesRead).toEqual([url]);
  expect(text('.page-url')).toBe(url);
});

it('a tab at a browser address offers no such reading', async () => {
  await show(mockGateway({ kind: 'restricted', url: 'chrome://extensions/', pdf: false }));
  expect($('[data-action=read-tab-as-file]')).toBeNull();
});

// @vitest-environment happy-dom
// The files page over the mock gateway: files dropped or picked, several at once, each read
// (locally: the gateway gets the File itself), listed with its verdict, shown one at a time as
// the popup shows a report, and added to the collection.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Report } from '@/lib/report';
import { useCatalog } from './i18n';
import zhCatalog from '../public/_locales/zh_CN/messages.json';
import { mockGateway, type MockGateway } from './gateway-mock';
import { FilesPage } from './FilesPage';
import errorsJson from './fixtures/report-errors.json';
import consistentJson from './fixtures/report-consistent.json';

useCatalog(zhCatalog);

const asFile = (json: unknown, name: string) => ({ ...Report.parse(json), source: name, title: null });
const errorsDocx = asFile(errorsJson, '小楼镇2020年报.docx');
const consistentPdf = asFile(consistentJson, '2023年报.pdf');
const scanned = { ...asFile(consistentJson, '扫描件.pdf'), isReport: false, tables: [], cells: [], findings: [], notice: { zh: '扫描件：PDF 共 5 页，没有可读取的文字', en: 'Scanned PDF: 5 pages, no text to read' } };

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
  for (let i = 0; i < 6; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}
const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const text = (sel: string) => $(sel)?.textContent?.trim() ?? '';
async function click(el: HTMLElement | null): Promise<void> {
  expect(el).not.toBeNull();
  await act(async () => el!.click());
  await settle();
}

function gateway(): MockGateway {
  return mockGateway({ kind: 'no-tab' }, { files: { [errorsDocx.source]: errorsDocx, [consistentPdf.source]: consistentPdf, [scanned.source]: scanned } });
}

async function drop(names: string[]): Promise<void> {
  const files = names.map((n) => new File([new Uint8Array([1, 2, 3])], n));
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files } });
  await act(async () => {
    $('[data-testid=drop-zone]')!.dispatchEvent(event);
  });
  await settle();
}

describe('the files page', () => {
  it('says what it reads and that nothing is uploaded, and offers a multiple file picker', async () => {
    await act(async () => render(<FilesPage gateway={gateway()} lang="zh" />, root));
    expect(text('main')).toContain('不会上传');
    const input = $('[data-testid=file-input]') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('.docx');
    expect(text('main')).toContain('30 MB');
  });

  it('reads several dropped files locally, lists each with its verdict, and shows the first', async () => {
    const g = gateway();
    await act(async () => render(<FilesPage gateway={g} lang="zh" />, root));
    await drop([errorsDocx.source, consistentPdf.source, scanned.source, '不存在.doc']);
    expect(g.filesRead).toEqual([errorsDocx.source, consistentPdf.source, scanned.source, '不存在.doc']);
    const entries = $$('.file-entry');
    expect(entries.map((e) => e.dataset.fileState)).toEqual(['report', 'report', 'report', 'fetch-failed']);
    expect(entries[0]!.textContent).toContain('✗ 4 处不一致');
    expect(entries[1]!.textContent).toContain('✓ 未发现不一致');
    expect(entries[2]!.textContent).toContain('此文件不是政府信息公开工作年度报告');
    // the first file, as the popup shows a report
    expect(text('.file-shown .agency')).toBe('广州市增城区小楼镇人民政府');
    expect($('.file-shown td[data-cell="T3.new.np"]')!.dataset.value).toBe('1');
    expect(text('.file-shown .page-url')).toBe(errorsDocx.source);
  });

  it('shows another file on a click, with the reader notice of a file without figures', async () => {
    await act(async () => render(<FilesPage gateway={gateway()} lang="zh" />, root));
    await drop([errorsDocx.source, scanned.source]);
    await click($$('[data-action=show-file]')[1]!);
    expect(text('.file-shown [data-testid=notice]')).toBe('扫描件：PDF 共 5 页，没有可读取的文字');
    expect($('.file-shown [data-testid=verdict]')).toBeNull();
  });

  it('adds a file report to the collection, and shows the collection', async () => {
    const g = gateway();
    await act(async () => render(<FilesPage gateway={g} lang="zh" />, root));
    await drop([consistentPdf.source]);
    await click($('.file-shown [data-action=collect]'));
    expect(g.collection.map((e) => e.report.source)).toEqual([consistentPdf.source]);
    expect(text('[data-action=open-collection]')).toContain('1');
    await click($('[data-action=open-collection]'));
    expect($$('.collection-table tbody tr')).toHaveLength(1);
  });

  it('a finding in a file says its page; a removed file leaves the list', async () => {
    const withPages = { ...errorsDocx, cells: errorsDocx.cells.map((c) => ({ ...c, loc: c.loc ? { ...c.loc, page: 3 } : null })) };
    const g = mockGateway({ kind: 'no-tab' }, { files: { [withPages.source]: withPages } });
    await act(async () => render(<FilesPage gateway={g} lang="zh" />, root));
    await drop([withPages.source]);
    await click($('.finding-list .finding-btn'));
    expect(text('[data-testid=status]')).toBe('此格在文件第 3 页');
    await click($('[data-action=remove-file]'));
    expect($$('.file-entry')).toHaveLength(0);
    expect($('.file-shown')).toBeNull();
  });
});

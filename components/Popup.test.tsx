// @vitest-environment happy-dom
// The popup over the mock gateway, one fixture per kind of page: what an auditor reads first
// (verdict, findings), whether the cells of a finding are marked and explained, what the buttons
// hand to the clipboard and to downloads, and the messages for pages that are not reports.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Report } from '@/lib/report';
import { toCsv, toTsv, toJson, exportFileName } from './core';
import { useCatalog } from './i18n';
import zhCatalog from '../public/_locales/zh_CN/messages.json';
import { mockGateway, type MockGateway } from './gateway-mock';
import type { PageState } from './gateway';
import { readWorkbook, sheetRows } from '../tests/unit/helpers/read-workbook';
import { Popup } from './Popup';
import errorsJson from './fixtures/report-errors.json';
import consistentJson from './fixtures/report-consistent.json';
import notReportJson from './fixtures/not-report.json';
import attachmentJson from './fixtures/attachment-only.json';

const errors = Report.parse(errorsJson);
const consistent = Report.parse(consistentJson);
const notReport = Report.parse(notReportJson);
const attachmentOnly = Report.parse(attachmentJson);

useCatalog(zhCatalog);
// the popup loads the collection and file views and the export writers on first use; loaded once here, so that a
// settled popup has them
beforeAll(async () => {
  await import('./CollectionView');
  await import('./FileView');
  await import('./core');
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

/** Lets the gateway's promises resolve and Preact re-render. */
async function settle(): Promise<void> {
  // a lazily loaded view resolves a dynamic import (a macrotask), then the gateway's promise
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

async function show(g: MockGateway, lang: 'zh' | 'en' = 'zh'): Promise<void> {
  await act(async () => render(<Popup gateway={g} lang={lang} />, root));
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

describe('the report read on load', () => {
  it('shows the report the background already holds at once, then the fresh read of the page', async () => {
    const g = mockGateway(errors, { cached: { kind: 'report', report: consistent, frameId: 0, elapsedMs: 1, cached: true } });
    let release: (s: PageState) => void = () => {};
    const slow: MockGateway = { ...g, readPage: () => new Promise<PageState>((r) => (release = r)) };
    await show(slow);
    expect(text('.agency')).toBe(consistent.agency);
    expect($('.popup')!.getAttribute('data-cached')).toBe('true');
    await act(async () => release({ kind: 'report', report: errors, frameId: 0, elapsedMs: 5 }));
    await settle();
    expect(text('.agency')).toBe(errors.agency);
    expect($('.popup')!.hasAttribute('data-cached')).toBe(false);
    expect(text('[data-testid=verdict]')).toContain('4');
  });

  it('never lets a late cached answer replace the fresh read', async () => {
    const g = mockGateway(errors);
    let answer: (s: PageState | null) => void = () => {};
    const late: MockGateway = { ...g, cachedPage: () => new Promise<PageState | null>((r) => (answer = r)) };
    await show(late);
    await act(async () => answer({ kind: 'report', report: consistent, frameId: 0, elapsedMs: 1, cached: true }));
    await settle();
    expect(text('.agency')).toBe(errors.agency);
  });
});

describe('a report with errors (seed 003: 一 = 1 but （七）总计 = 0)', () => {
  it('names the agency, year and format and counts the inconsistencies', async () => {
    await show(mockGateway(errors));
    expect(text('.agency')).toBe('广州市增城区小楼镇人民政府');
    expect(text('.year')).toBe('2020 年度');
    expect(text('.format')).toBe('2019 版格式');
    expect(text('[data-testid=verdict]')).toContain('4 处不一致');
    expect(text('.page-title')).toBe(errors.title);
    expect(text('.page-url')).toBe(errors.source);
  });

  it('lists the findings one line each, errors first, info collapsed', async () => {
    await show(mockGateway(errors));
    const lines = $$('.findings > .finding-list > li');
    expect(lines.map((l) => l.dataset.rule)).toEqual(['T3-BALANCE', 'T3-BALANCE', 'T3-RESULT-SUM', 'T3-RESULT-SUM']);
    expect(lines[0]!.textContent).toContain('表三 自然人列：第一项 + 第二项 = 1，但第三项 + 第四项 = 0（相差 1）');
    expect(lines[0]!.querySelector('.sev-label')!.textContent).toBe('错误');
    const info = $('.info-findings') as HTMLDetailsElement;
    expect(info.open).toBe(false);
    expect(info.querySelector('summary')!.textContent).toContain('说明（1 条）');
  });

  it('shows the English line when the UI is English', async () => {
    await show(mockGateway(errors), 'en');
    expect($$('.findings > .finding-list > li')[0]!.textContent).toContain('Table 3, natural persons: I + II = 1, but III + IV = 0 (difference 1)');
  });

  it('marks the cells of each finding in place, with their explanation', async () => {
    await show(mockGateway(errors));
    const cell = $('td[data-cell="T3.new.np"]')!;
    expect(cell.classList.contains('flagged')).toBe(true);
    expect(cell.classList.contains('primary')).toBe(true);
    expect(cell.textContent).toContain('⚠');
    expect(cell.textContent).toContain('1');
    expect(cell.getAttribute('tabindex')).toBe('0');
    expect(cell.title).toContain('第一项 + 第二项 = 1');
    // aria-describedby points at the finding lines that explain the cell
    const described = cell.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => root.querySelector(`#${id}`)?.textContent)).toEqual([expect.stringContaining('表三 自然人列：第一项 + 第二项')]);
    // （七）总计 is in both rules; the unmarked 商业企业 column is not flagged
    const total = $('td[data-cell="T3.r7_total.np"]')!;
    expect(total.getAttribute('aria-describedby')!.split(' ')).toHaveLength(2);
    expect($('td[data-cell="T3.new.biz"]')!.classList.contains('flagged')).toBe(false);
    // a cell only summed over is marked too, without the ⚠ (dashed border)
    const summand = $('td[data-cell="T3.r3_5.np"]')!;
    expect(summand.classList.contains('secondary')).toBe(true);
    expect(summand.textContent).not.toContain('⚠');
  });

  it('shows the explanation as a tooltip when a marked cell gets the keyboard focus', async () => {
    await show(mockGateway(errors));
    const cell = $('td[data-cell="T3.new.np"]')!;
    await act(async () => cell.focus());
    const tip = cell.querySelector('[role=tooltip]')!;
    expect(tip.textContent).toContain('第一项 + 第二项 = 1');
    expect(cell.getAttribute('aria-describedby')).toContain(tip.id);
  });

  it('asks the page to show a cell when a finding or a marked cell is activated', async () => {
    const g = mockGateway(errors);
    await show(g);
    await click($('.finding-list .finding-btn'));
    expect(g.reveals).toEqual([{ frameId: 0, loc: errors.cells.find((c) => c.id === 'T3.new.np')!.loc }]);
    const cell = $('td[data-cell="T3.r7_total.total"]')!;
    await act(async () => {
      cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(g.reveals[1]!.loc).toEqual(errors.cells.find((c) => c.id === 'T3.r7_total.total')!.loc);
  });

  it('says so when the cell cannot be found on the page', async () => {
    const g = mockGateway(errors, { revealOk: false });
    await show(g);
    await click($('.finding-list .finding-btn'));
    expect(text('[data-testid=status]')).toContain('页面上找不到该单元格');
  });

  it('lays out table 3 with the official two-level header and table 4 with its groups', async () => {
    await show(mockGateway(errors));
    const t3head = $$('table.t3 thead th').map((th) => th.textContent);
    expect(t3head).toEqual(expect.arrayContaining(['申请人情况', '自然人', '法人或其他组织', '商业企业', '其他', '总计']));
    expect($('table.t3 thead th[colspan="5"]')!.textContent).toBe('法人或其他组织');
    expect($$('table.t3 tbody th[scope=row]').map((th) => th.textContent)).toContain('（七）总计');
    const t4head = $$('table.t4 thead th').map((th) => th.textContent);
    expect(t4head).toEqual(expect.arrayContaining(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '尚未审结']));
    expect($$('table.t4 thead th[aria-label="结果维持"]')).toHaveLength(3);
    expect($$('table.t4 tbody td')).toHaveLength(15);
  });

  it('shows units as written', async () => {
    await show(mockGateway(errors));
    expect(text('td[data-cell="T2.s9_procurement.amount"]')).toBe('426796元');
  });

  it('copies the long CSV and the TSV, and downloads CSV (with BOM) and JSON', async () => {
    const g = mockGateway(errors);
    await show(g);
    await click($('[data-action=copy-csv]'));
    expect(g.copied[0]).toBe(toCsv(errors, { shape: 'long' }));
    expect(text('[data-testid=status]')).toMatch(/已复制 CSV（\d+ 行）/);
    await click($('[data-action=copy-tsv]'));
    expect(g.copied[1]).toBe(toTsv(errors));
    expect(g.copied[1]).toContain('\t');
    expect(text('[data-testid=status]')).toContain('可直接粘贴到 Excel 或 WPS 表格');
    await click($('[data-action=download-csv]'));
    expect(g.downloads[0]!.fileName).toBe(exportFileName(errors, 'csv'));
    expect(g.downloads[0]!.text.startsWith('\ufeff')).toBe(true);
    expect(g.downloads[0]!.mime).toContain('text/csv');
    await click($('[data-action=download-json]'));
    expect(g.downloads[1]!.text).toBe(toJson(errors));
    expect(text('[data-testid=status]')).toContain(exportFileName(errors, 'json'));
  });

  it('downloads an Excel workbook with the error cells marked, and opens the review sheet', async () => {
    const g = mockGateway(errors);
    await show(g);
    await click($('[data-action=download-xlsx]'));
    await vi.waitFor(() => expect(g.downloads).toHaveLength(1));
    const d = g.downloads[0]!;
    expect(d.fileName).toBe(exportFileName(errors, 'xlsx'));
    expect(d.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = await readWorkbook(d.bytes!);
    expect(book.sheets.map((x) => x.name)).toContain('表三');
    // every cell filled red on table 3's sheet carries a note, and the notes quote the findings
    const t3 = book.sheet('表三');
    const red = [...t3.cells].filter(([, c]) => c.fill !== null && /^FFFFC7CE$/i.test(c.fill)).map(([ref]) => ref);
    expect(red.length).toBeGreaterThan(0);
    for (const ref of red) expect(t3.notes.get(ref)).toMatch(/表三/);
    await vi.waitFor(() => expect(text('[data-testid=status]')).toContain(exportFileName(errors, 'xlsx')));
    await click($('[data-action=open-review]'));
    expect(g.reviews).toEqual([errors]);
    expect(text('[data-testid=status]')).toContain('审核意见单');
  });

  it('adds the report to the collection, and replaces it when added again', async () => {
    const g = mockGateway(errors);
    await show(g);
    await click($('[data-action=collect]'));
    expect(g.collection).toHaveLength(1);
    expect(text('[data-testid=status]')).toContain('已加入汇总（共 1 份）');
    await click($('[data-action=collect]'));
    expect(g.collection).toHaveLength(1);
    expect(text('[data-testid=status]')).toContain('已更新');
    expect(text('[data-action=open-collection]')).toBe('查看汇总（1 份）');
  });
});

describe('a consistent 2021-format report', () => {
  it('says no inconsistency was found and marks no cell', async () => {
    await show(mockGateway(consistent));
    expect(text('[data-testid=verdict]')).toContain('未发现不一致');
    expect(text('.format')).toBe('2021 版格式');
    expect(text('.all-good')).toContain('勾稽关系均成立');
    expect($$('td.flagged.sev-error')).toHaveLength(0);
  });

  it('shows blank cells empty, "/" as "/", units with their figure, and the 2021 rows', async () => {
    await show(mockGateway(consistent));
    expect(text('td[data-cell="T3.r3_2.sci"]')).toBe('');
    expect(text('td[data-cell="T2.s6_coercion.decisions"]')).toBe('/');
    expect(text('td[data-cell="T2.s8_fee.amount_wan"]')).toBe('180万元');
    expect(text('td[data-cell="T3.new.total"]')).toBe('218');
    expect($$('table.t3 tbody th[scope=row]').map((th) => th.textContent)).toContain('3.其他');
  });

  it('lists the other tables of the page, collapsed, with caption and size', async () => {
    await show(mockGateway(consistent));
    const summary = $$('.raw-table summary').map((s) => s.textContent);
    expect(summary).toEqual(['附：联系方式2 行 × 2 列']);
    expect(($('.raw-table') as HTMLDetailsElement).open).toBe(false);
  });
});

describe('pages without a report', () => {
  it('says plainly that the page is not a report and offers its tables as CSV', async () => {
    const g = mockGateway(notReport);
    await show(g);
    expect(text('[data-testid=not-report] h1')).toBe('此页面不是政府信息公开年度报告');
    expect(text('[data-testid=not-report]')).toContain('本页有 2 个表格');
    expect($('[data-testid=verdict]')).toBeNull();
    await click($('[data-action=copy-csv]'));
    expect(g.copied[0]).toBe(toCsv(notReport, { shape: 'long' }));
    expect($$('.raw-table summary').map((s) => s.textContent)).toEqual(['2024年第一季度安全检查情况3 行 × 3 列', '（无标题）2 行 × 2 列']);
  });

  it('renders page text as text, never as markup', async () => {
    const hostile = Report.parse({ ...notReport, title: '<img src=x onerror=alert(1)>' });
    await show(mockGateway(hostile));
    expect(text('.page-title')).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });

  it('says when the report is only an attachment, and lists the attachment links (http only)', async () => {
    await show(mockGateway(attachmentOnly));
    expect(text('[data-testid=notice]')).toBe('本页只有附件链接，没有统计表');
    expect($('.format')).toBeNull();
    const links = $$('.attachments a') as HTMLAnchorElement[];
    expect(links.map((a) => a.href)).toEqual(['https://www.example.gov.cn/files/2023nb.pdf', 'https://www.example.gov.cn/files/2023nb.docx']);
    expect(text('.attachments')).toContain('恶意链接');
    expect(links.every((a) => a.rel.includes('noopener'))).toBe(true);
  });

  it('treats a report-titled page that only links attachments as the report, not as a non-report', async () => {
    const linked = Report.parse({ ...attachmentOnly, isReport: false, agency: null, year: null, notice: null });
    await show(mockGateway(linked));
    expect($('[data-testid=not-report]')).toBeNull();
    expect(text('[data-testid=attachment-only]')).toContain('报告以附件形式发布');
    expect($$('.attachments a')).toHaveLength(2);
  });

  it('a PDF in the browser viewer whose address cannot be fetched (file:) is explained, not read', async () => {
    const g = mockGateway({ kind: 'restricted', url: 'file:///home/a/2023nb.pdf', pdf: true });
    await show(g);
    expect(text('[data-testid=restricted] h1')).toContain('这是 PDF 文件');
    expect(text('[data-testid=restricted]')).toContain('file:///home/a/2023nb.pdf');
    expect(g.filesRead).toEqual([]);
  });

  it('explains pages the browser does not let extensions read', async () => {
    await show(mockGateway({ kind: 'restricted', url: 'chrome://extensions/' }));
    expect(text('[data-testid=restricted] h1')).toBe('浏览器不允许扩展读取此页面');
    expect(text('[data-testid=restricted]')).toContain('扩展商店');
  });
});

describe('the collection', () => {
  const prevYear = Report.parse({ ...errors, year: 2019, source: 'http://127.0.0.1/2019.html' });

  it('lists the reports, exports one line per report, and removes entries', async () => {
    const g = mockGateway(consistent, { collection: [errors, prevYear] });
    await show(g);
    await click($('[data-action=open-collection]'));
    const rows = $$('.collection-table tbody tr');
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual(['2019', '2020']);
    expect(rows[1]!.textContent).toContain('广州市增城区小楼镇人民政府');
    expect(rows[1]!.querySelector('td.bad')!.textContent).toBe('4');
    expect(text('.collection')).toContain('广州市增城区小楼镇人民政府 2019 → 2020');
    await click($('[data-action=download-collection]'));
    expect(g.downloads[0]!.text).toBe(toCsv([prevYear, errors], { shape: 'report', bom: true }));
    expect(g.downloads[0]!.fileName).toMatch(/^政府信息公开年报汇总-\d{4}-\d{2}-\d{2}\.csv$/);
    await click($('[data-action=download-collection-xlsx]'));
    await vi.waitFor(() => expect(g.downloads).toHaveLength(2));
    const book = await readWorkbook(g.downloads[1]!.bytes!);
    // one line per report first, then the findings and the cells
    expect(book.sheets[0]!.name).toBe('报告');
    expect(sheetRows(book.sheets[0]!).length).toBe(3);
    await click(rows[0]!.querySelector('button'));
    expect(g.collection).toHaveLength(1);
    expect($$('.collection-table tbody tr')).toHaveLength(1);
  });

  it("warns when this year's 上年结转 differs from last year's 结转下年度", async () => {
    // last year ended with 5 applications carried over; this year says none came in from last year
    const carried = Report.parse({
      ...prevYear,
      cells: prevYear.cells.map((c) => (c.id === 'T3.carry_out.np' || c.id === 'T3.carry_out.total' ? { ...c, value: 5, raw: '5' } : c)),
    });
    await show(mockGateway(consistent, { collection: [errors, carried] }));
    await click($('[data-action=open-collection]'));
    const warnings = $$('.cross-year .finding');
    expect(warnings.length).toBe(2);
    expect(warnings[0]!.querySelector('.sev-label')!.textContent).toBe('提醒');
    expect(warnings[0]!.textContent).toContain('2019');
  });
});

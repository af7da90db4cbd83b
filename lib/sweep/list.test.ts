// readReportList on the real column page of ../shared, on the fixture site, and on small pages of
// the pager shapes sites use; the CLI's small DOM and linkedom (a browser-like DOM) read the same.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { countReportList, readReportList } from './list';
import { COLUMN_URL, OTHER_SITE, SITE_DIR, parseHtml } from '../../tests/unit/helpers/test-site';

const REAL_LIST = resolve(__dirname, '../../../shared/corpus/lists/06-pingtan-jinjingpianqu-zfxxgknb-list.html');
const REAL_URL = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjjp/zfxxgknb/';
const linkedomDoc = (html: string) => parseHTML(html).document as unknown as Document;
const page = (body: string, title = '政府信息公开年报_某县人民政府') => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const BASE = 'http://www.x.gov.cn/col/nb/index.html';

describe('the real column page (needs ../shared)', () => {
  it.skipIf(!existsSync(REAL_LIST))('06-pingtan: seven reports 2025–2019 of one agency, one page', () => {
    const html = readFileSync(REAL_LIST, 'utf8');
    const list = readReportList(parseHtml(html), REAL_URL);
    expect(list.reports.map((r) => r.year)).toEqual([2025, 2024, 2023, 2022, 2021, 2020, 2019]);
    expect(new Set(list.reports.map((r) => r.agency))).toEqual(new Set(['平潭综合实验区金井片区管理局']));
    expect(list.reports.every((r) => r.sameSite && r.kind === 'page' && r.url.startsWith(REAL_URL))).toBe(true);
    expect(list.reports[2]!.url).toBe(`${REAL_URL}202401/t20240125_86498.htm`);
    // the TRS pagebar says 7 records at 10 a page: one page, this one
    expect(list.pagination).toMatchObject({ pages: [REAL_URL], total: 1, current: 1, next: null, from: ['script'] });
    expect(readReportList(linkedomDoc(html), REAL_URL)).toEqual(list);
  });
});

describe('the fixture site', () => {
  const read = (name: string, url: string) => readReportList(parseHtml(readFileSync(join(SITE_DIR, 'zwgk/zfxxgknb', name), 'utf8')), url);
  it('page 1: relative, ../ and root-relative links, the 解读 aside, the pager from its script', () => {
    const list = read('index.html', COLUMN_URL);
    expect(list.reports.map((r) => r.url)).toEqual([
      `${COLUMN_URL}202501/t20250120_1001.html`,
      `${COLUMN_URL}202401/t20240118_1002.html`,
      `${COLUMN_URL}202301/t20230116_1004.html`,
      `${COLUMN_URL}202201/t20220124_1005.html`,
      `${COLUMN_URL}202101/t20210120_1006.html`,
    ]);
    expect(list.aside.map((a) => a.linkText)).toEqual(['《青石镇人民政府2023年政府信息公开工作年度报告》解读']);
    expect(list.pagination).toMatchObject({ pages: [`${COLUMN_URL}index.html`, `${COLUMN_URL}index_1.html`], current: 1, total: 2, next: `${COLUMN_URL}index_1.html` });
    expect(list.pagination.from).toEqual(['script', 'links']);
  });
  it('the badge count (the content script) is what the full reading lists, on both pages', () => {
    for (const name of ['index.html', 'index_1.html']) {
      const doc = parseHtml(readFileSync(join(SITE_DIR, 'zwgk/zfxxgknb', name), 'utf8'));
      const list = readReportList(doc, COLUMN_URL + name);
      expect(list.reports.length).toBeGreaterThanOrEqual(2);
      expect(countReportList(doc, COLUMN_URL + name)).toEqual({ count: list.reports.length, pages: list.pagination.total });
    }
  });
  it('page 2: an attachment link, another site, and this page as page 2', () => {
    const list = read('index_1.html', `${COLUMN_URL}index_1.html`);
    expect(list.reports.map((r) => [r.year, r.kind, r.ext, r.sameSite])).toEqual([
      [2020, 'page', '', true],
      [2020, 'attachment', 'pdf', true],
      [2020, 'page', '', true],
      [2019, 'page', '', true],
      [2023, 'page', '', false],
    ]);
    expect(list.reports.at(-1)!.url).toBe(OTHER_SITE);
    expect(list.pagination).toMatchObject({ pages: [`${COLUMN_URL}index.html`, `${COLUMN_URL}index_1.html`], current: 2, total: 2, next: null });
  });
});

describe('links', () => {
  it('the title attribute where the text is cut, one entry per address, no javascript: or # links', () => {
    const html = page(`<ul>
      <li><a href="a.html" title="某县人民政府2023年政府信息公开工作年度报告">某县人民政府2023年政府信息公开工...</a></li>
      <li><a href="a.html#top">某县人民政府2023年政府信息公开工作年度报告</a></li>
      <li><a href="javascript:void(0)">某县人民政府2022年政府信息公开工作年度报告</a></li>
      <li><a href="#">某县人民政府2021年政府信息公开工作年度报告</a></li>
      <li><a href="/files/2020.DOCX?t=1">某县人民政府 2020 年政府信息公开工作年度报告</a></li>
      <li><a href="https://www.x.gov.cn/col/nb/b.html">2019年某县人民政府政府信息公开工作年度报告</a></li>
      <li><a href="c.html">某县召开政务公开培训会</a></li>
    </ul>`);
    for (const doc of [parseHtml(html), linkedomDoc(html)]) {
      const list = readReportList(doc, BASE);
      expect(list.reports.map((r) => [r.url, r.linkText, r.year, r.agency, r.kind, r.ext, r.sameSite])).toEqual([
        ['http://www.x.gov.cn/col/nb/a.html', '某县人民政府2023年政府信息公开工作年度报告', 2023, '某县人民政府', 'page', '', true],
        ['http://www.x.gov.cn/files/2020.DOCX?t=1', '某县人民政府 2020 年政府信息公开工作年度报告', 2020, '某县人民政府', 'attachment', 'docx', true],
        ['https://www.x.gov.cn/col/nb/b.html', '2019年某县人民政府政府信息公开工作年度报告', 2019, '某县人民政府', 'page', '', true],
      ]);
    }
  });
  it('<base href> moves the links', () => {
    const html = `<html><head><base href="http://www.x.gov.cn/other/"><title>t</title></head><body><a href="a.html">某县2023年政府信息公开工作年度报告</a></body></html>`;
    expect(readReportList(parseHtml(html), BASE).reports[0]!.url).toBe('http://www.x.gov.cn/other/a.html');
  });
});

describe('pagers', () => {
  const report = '<a href="r1.html">某县2023年政府信息公开工作年度报告</a>';
  it('numbers and 尾页 of index_N pages: the pages between filled in', () => {
    const html = page(`${report}<div class="page">共 48 条 <a href="index.html">首页</a> <a href="index_1.html">2</a> <a href="index_1.html">下一页</a> <a href="index_5.html">尾页</a></div>`);
    const p = readReportList(parseHtml(html), BASE).pagination;
    expect(p.pages).toEqual([BASE, ...[1, 2, 3, 4, 5].map((n) => `http://www.x.gov.cn/col/nb/index_${n}.html`)]);
    expect([p.total, p.current, p.next]).toEqual([6, 1, 'http://www.x.gov.cn/col/nb/index_1.html']);
  });
  it('?page=N, with 共N页 in the text', () => {
    const url = 'http://www.x.gov.cn/col/list.jsp?id=9&page=1';
    const html = page(`${report}<div>共 3 页 <a href="list.jsp?id=9&amp;page=2">下一页</a></div>`);
    const p = readReportList(parseHtml(html), url).pagination;
    expect(p.pages).toEqual([url, 'http://www.x.gov.cn/col/list.jsp?id=9&page=2', 'http://www.x.gov.cn/col/list.jsp?id=9&page=3']);
    expect([p.total, p.current]).toEqual([3, 1]);
    expect(p.from).toEqual(['text', 'links']);
  });
  it('createPageHTML with a variable, on a directory address', () => {
    const html = page(`${report}<script>var countPage = 4;\ncreatePageHTML(countPage, 0, "index", "shtml");</script>`);
    const p = readReportList(parseHtml(html), 'http://www.x.gov.cn/col/nb/').pagination;
    expect(p.pages).toEqual(['index.shtml', 'index_1.shtml', 'index_2.shtml', 'index_3.shtml'].map((n) => `http://www.x.gov.cn/col/nb/${n}`));
    expect([p.total, p.current]).toEqual([4, 1]);
  });
  it('pager words leading out of the column, or to another site, are not its pages', () => {
    const html = page(`${report}<a href="/">首页</a><a href="http://other.gov.cn/col/nb/index_1.html">2</a>`);
    expect(readReportList(parseHtml(html), BASE).pagination).toMatchObject({ pages: [BASE], total: null, next: null, from: [] });
  });
});

// The content script's cheap test, on the title and first heading exactly as it reads them
// (document.title, the first <h1>'s text cut at 300 characters): every report page we have says
// yes, and the pages that merely talk about reports (the 栏目 list, notices, news) say no.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { looksLikeOneReportTitle, looksLikeReportPage, looksLikeReportTitle } from './detect';
import { decode } from '../cli/read-source';
import { nonReportPages, syntheticReport } from '../bench/pages';

const ROOT = resolve(__dirname, '..');
const CORPUS_HTML = resolve(ROOT, '../shared/corpus/html');

function htmlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.html?$/i.test(f)).sort().map((f) => join(dir, f)) : [];
}

/** What detectOnLoad() in entrypoints/content/index.ts passes to looksLikeReportPage. */
function detectOnHtml(html: string): boolean {
  const { document } = parseHTML(html);
  const heading = document.querySelector('h1')?.textContent?.slice(0, 300) ?? undefined;
  return looksLikeReportPage({ title: document.title, firstHeading: heading });
}
const detectFile = (file: string) => detectOnHtml(decode(readFileSync(file), true));

describe('report pages are detected', () => {
  const corpus = htmlFiles(CORPUS_HTML);
  it.skipIf(corpus.length === 0)('every page of ../shared/corpus/html (needs ../shared)', () => {
    for (const f of corpus) expect([f, detectFile(f)]).toEqual([f, true]);
  });
  const seeds = htmlFiles(join(ROOT, 'tests/fixtures/seeds'));
  it('every seed fixture page', () => {
    expect(seeds.length).toBeGreaterThan(0);
    for (const f of seeds) expect([f, detectFile(f)]).toEqual([f, true]);
  });
  it('report fixture pages whose tables are not text (the popup explains them)', () => {
    for (const name of ['attachment-only.html', 'image-tables.html']) expect(detectFile(join(ROOT, 'tests/fixtures/pages', name))).toBe(true);
  });
  it('the bench compilation pages', () => {
    expect(detectOnHtml(syntheticReport(1000).html)).toBe(true);
  });
  it.each([
    '平潭综合实验区2024年度政府信息公开工作年度报告',
    '2019年上海市人民政府办公厅政府信息公开工作年度报告',
    '重庆市涪陵区南沱镇人民政府关于2020年政府信息公开工作年度报告',
    '宁强县自然资源局关于2021年度政府信息公开情况的报告',
    '关于2021年度政府信息公开工作的年度报告',
    '某某县2023年政务公开年报',
    '某某县人民政府2023年政府信息公开工作年度报告_某某县人民政府',
    '某某县人民政府 2023 年政府信息公开工作年度报告 - 某某县人民政府门户网站',
    '某某县人民政府｜二〇二三年政府信息公开工作年度报告',
    '政府信息公开工作年度报告（2023年）',
  ])('title %s', (title) => {
    expect(looksLikeReportPage({ title })).toBe(true);
  });
  it('a generic title with the report in the first heading', () => {
    expect(looksLikeReportPage({ title: '某某镇人民政府门户网站 - 政务公开', firstHeading: '某某镇2023年政府信息公开工作年度报告' })).toBe(true);
  });
  it('a report titled by its year whose <h1> is the column name', () => {
    expect(looksLikeReportPage({ title: '某某镇2023年政府信息公开工作年度报告', firstHeading: '政府信息公开年报' })).toBe(true);
  });
});

describe('pages that are not reports are not detected', () => {
  for (const p of nonReportPages()) {
    it(`bench page ${p.name}`, () => expect(detectOnHtml(p.html)).toBe(false));
  }
  for (const name of ['report-list.html', 'news.html', 'format-notice.html']) {
    it(`fixture ${name}`, () => expect(detectFile(join(ROOT, 'tests/fixtures/pages', name))).toBe(false));
  }
  it.each([
    // 栏目 pages: the column's name, then the site's
    '政府信息公开年报_某某县人民政府',
    '政府信息公开年度报告_青石镇人民政府',
    '政府信息公开工作年度报告 - 某某市人民政府门户网站',
    '政务公开年报|某某区人民政府',
    '政府信息公开年度报告列表',
    '2023年政府信息公开工作年度报告栏目',
    '政府信息公开年报专栏',
    // the year is the site's, not the report's
    '政府信息公开年报_某某县2035规划网',
    // notices and readings about reports
    '关于做好2023年政府信息公开工作年度报告编制发布工作的通知',
    '国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知',
    '《某某县2023年政府信息公开工作年度报告》解读',
    '一图读懂某某县2023年政府信息公开工作年度报告',
    // news
    '青石镇召开2021年政务公开工作培训会_青石镇人民政府',
    '12345政务服务便民热线',
  ])('title %s', (title) => {
    expect(looksLikeReportPage({ title })).toBe(false);
  });
  it('a list page whose <h1> is the column name', () => {
    expect(looksLikeReportPage({ title: '某某县人民政府', firstHeading: '政府信息公开年报' })).toBe(false);
  });
});

describe('looksLikeReportTitle (recognition and the popup: any line naming reports)', () => {
  it('names reports with or without a year, not lists', () => {
    expect(looksLikeReportTitle('政府信息公开年度报告')).toBe(true);
    expect(looksLikeReportTitle('某某县2023年政府信息公开工作年度报告')).toBe(true);
    expect(looksLikeReportTitle('政府信息公开年度报告列表')).toBe(false);
  });
  it('looksLikeOneReportTitle is the stricter of the two', () => {
    expect(looksLikeOneReportTitle('政府信息公开年度报告')).toBe(false);
    expect(looksLikeOneReportTitle('某某县2023年政府信息公开工作年度报告')).toBe(true);
  });
});

// The list-page test the content script can run beside looksLikeReportPage: string tests on the
// title and first heading only. Column pages say yes; report pages (whatever their column), notices
// and news say no.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { looksLikeListPage } from './detect-list';
import { looksLikeReportPage } from './detect';
import { nonReportPages } from '../bench/pages';

const ROOT = resolve(__dirname, '..');
const REAL_LIST = resolve(ROOT, '../shared/corpus/lists/06-pingtan-jinjingpianqu-zfxxgknb-list.html');

/** What the content script reads: document.title and the first <h1>'s text cut at 300 characters. */
function onHtml(html: string): boolean {
  const { document } = parseHTML(html);
  return looksLikeListPage({ title: document.title, firstHeading: document.querySelector('h1')?.textContent?.slice(0, 300) ?? undefined });
}

describe('looksLikeListPage', () => {
  it.each([
    '政府信息公开年报_某某县人民政府',
    '政府信息公开年度报告_青石镇人民政府',
    '政府信息公开工作年度报告 - 某某市人民政府门户网站',
    '政务公开年报|某某区人民政府',
    '政府信息公开年度报告列表',
    '2023年政府信息公开工作年度报告栏目',
    '政府信息公开年报_某某县2035规划网',
    '年报_政府信息公开_某某县人民政府',
  ])('column title %s', (title) => expect(looksLikeListPage({ title })).toBe(true));

  it('a generic title with the column as the first heading', () => {
    expect(looksLikeListPage({ title: '某某县人民政府', firstHeading: '政府信息公开年报' })).toBe(true);
  });

  it.each([
    '某某县人民政府2023年政府信息公开工作年度报告_某某县人民政府',
    '青石镇2023年政府信息公开工作年度报告_政府信息公开年报_青石镇人民政府',
    '关于做好2023年政府信息公开工作年度报告编制发布工作的通知',
    '《某某县2023年政府信息公开工作年度报告》解读',
    '中华人民共和国政府信息公开工作年度报告格式',
    '青石镇召开2021年政务公开工作培训会_青石镇人民政府',
    '年报_某某公司',
    '12345政务服务便民热线',
  ])('not a column: %s', (title) => expect(looksLikeListPage({ title })).toBe(false));

  it('a report whose <h1> names it, under a column title, is a report', () => {
    const input = { title: '政府信息公开年报_某某县人民政府', firstHeading: '某某县2023年政府信息公开工作年度报告' };
    expect([looksLikeListPage(input), looksLikeReportPage(input)]).toEqual([false, true]);
  });

  it('fixture pages: the two lists say yes, report and other pages no', () => {
    const file = (p: string) => readFileSync(join(ROOT, p), 'utf8');
    expect(onHtml(file('tests/fixtures/pages/report-list.html'))).toBe(true);
    expect(onHtml(file('tests/fixtures/site/zwgk/zfxxgknb/index.html'))).toBe(true);
    for (const p of ['tests/fixtures/pages/news.html', 'tests/fixtures/pages/format-notice.html', 'tests/fixtures/seeds/003_ed735561ce7e8ab6.word.html', 'tests/fixtures/site/zwgk/zfxxgknb/202501/t20250120_1001.html'])
      expect([p, onHtml(file(p))]).toEqual([p, false]);
    for (const p of nonReportPages().filter((x) => !/list/i.test(x.name))) expect([p.name, onHtml(p.html)]).toEqual([p.name, false]);
  });

  it.skipIf(!existsSync(REAL_LIST))('the real column page of ../shared/corpus/lists (needs ../shared)', () => {
    expect(onHtml(readFileSync(REAL_LIST, 'utf8'))).toBe(true);
  });
});

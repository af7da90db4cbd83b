// The words of a swept report's line, in both languages.
import { describe, expect, it } from 'vitest';
import type { SweepItem } from '@/lib/sweep/types';
import type { Finding } from '@/lib/report';
import { useCatalog } from './i18n';
import zh from '../public/_locales/zh_CN/messages.json';
import en from '../public/_locales/en/messages.json';
import { formatText, isWebLink, sweepFileName, verdictOf } from './sweep-text';

const base: SweepItem = {
  url: 'http://x.gov.cn/a.html', linkText: 'a', listPage: 'http://x.gov.cn/', linkKind: 'page', sameSite: true,
  status: 'report', why: { zh: '已读取', en: 'Read' }, agency: 'A', year: 2023, format: 'html', errors: 0, warnings: 0, crossYear: [],
};
const carry = { rule: 'X-T3-CARRY', severity: 'warning' } as Finding;

describe('verdictOf', () => {
  it('says errors, warnings and cross-year warnings, or ✓', () => {
    useCatalog(zh);
    expect(verdictOf(base, 'zh')).toEqual({ kind: 'ok', mark: '✓', text: '未发现不一致' });
    expect(verdictOf({ ...base, errors: 2, warnings: 1 }, 'zh')).toEqual({ kind: 'error', mark: '✗', text: '2 处错误；1 条提醒' });
    expect(verdictOf({ ...base, crossYear: [carry, carry] }, 'zh')).toEqual({ kind: 'warning', mark: '⚠', text: '跨年度 2 条提醒' });
  });
  it('says the status and why of a report not read', () => {
    useCatalog(en);
    const v = verdictOf({ ...base, status: 'login-page', why: { zh: '登录', en: 'The answer is a login page' }, errors: null, warnings: null }, 'en');
    expect(v).toEqual({ kind: 'status', mark: '', text: 'Login needed: The answer is a login page' });
  });
});

describe('links and names', () => {
  it('only http(s) addresses are links', () => {
    expect(['https://a.gov.cn/x', 'HTTP://a/', 'javascript:alert(1)', 'data:text/html,x', '/rel'].map(isWebLink)).toEqual([true, true, false, false, false]);
  });
  it('names files by the list\'s host and the day', () => {
    expect(sweepFileName('http://www.x.gov.cn:8080/zwgk/', '.csv', '2026-12-07')).toBe('sweep_www.x.gov.cn_8080_2026-12-07.csv');
    expect(sweepFileName('nonsense', '.json', '2026-12-07')).toBe('sweep_column_2026-12-07.json');
  });
  it('names the formats', () => {
    useCatalog(zh);
    expect([formatText('html'), formatText('pdf'), formatText('docx'), formatText(null)]).toEqual(['网页', 'PDF', 'Word (.docx)', '—']);
  });
});

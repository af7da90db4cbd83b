import { describe, expect, it } from 'vitest';
import { makeEntry, matchLabel, labelKey } from './labels';
import { lexicon } from './lexicon';

const t3 = () => lexicon().t3Rows.filter((r) => r.formats.includes('F2021'));
const id = (text: string) => matchLabel(text, t3())?.id ?? null;

describe('labelKey', () => {
  it('folds width, white space, quotes, numbering and 其它', () => {
    expect(labelKey('（三） 不予公开')).toBe('不予公开');
    expect(labelKey('3.危及“三安全一稳定”')).toBe('危及三安全一稳定');
    expect(labelKey('规    章')).toBe('规章');
    expect(labelKey('商业\n企业')).toBe('商业企业');
    expect(labelKey('法人或其它组织')).toBe('法人或其他组织');
    expect(labelKey('（七）合计')).toBe('总计');
    expect(labelKey('结果维护')).toBe('结果维持');
  });
});

describe('matchLabel on table 3 rows', () => {
  it('matches official labels and variants', () => {
    expect(id('一、本年新收政府信息公开申请数量')).toBe('new');
    expect(id('(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)')).toBe('r2_partial');
    expect(id('1.信访投诉举报类申请')).toBe('r5_1');
    expect(id('2.没有现成信息需另行制作')).toBe('r4_2');
    expect(id('（七）总计')).toBe('r7_total');
    expect(id('四、结转下年度继续办理')).toBe('carry_out');
  });
  it('matches a truncated label when only one row begins so', () => {
    expect(id('(二)部分公开(区分处理的,只计这一情形,不计其他')).toBe('r2_partial');
    expect(id('2.申请人逾期未按收费')).toBe('r6_2');
  });
  it('matches a label with a wrong character by its distinctive start', () => {
    expect(id('（二）部分公开（区分处理的，只记这一情形，不记其他情形）')).toBe('r2_partial');
  });
  it('refuses fragments that could be several rows, and sentences', () => {
    expect(id('行政机关不再处理其政府信息公')).toBeNull();
    expect(id('予公开')).toBeNull();
    expect(id('全年收到政府信息公开申请34件，上年结转政府信息公开申请2件，所有申请均已按要求办理完成')).toBeNull();
  });
  it('tells rows apart by their numbering where the words are shared', () => {
    const entries = [makeEntry('a', '1.其他'), makeEntry('b', '2.其他')];
    expect(matchLabel('2.其他', entries)?.id).toBe('b');
    expect(matchLabel('其他', entries)).toBeNull();
  });
});

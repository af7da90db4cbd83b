import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cell } from '../export/test-reports';
import { analyzeText } from '../analyze';
import { HAS_SHARED, SHARED } from '../../tests/unit/shared-data';
import { checkNarrative } from './narrative';

const tables = (v: Record<string, number | null>) => Object.entries(v).map(([id, x]) => cell(id, x));
const T = tables({
  'T3.new.total': 3,
  'T3.carry_in.total': 1,
  'T4.review.total': 0,
  'T4.lit_direct.total': 0,
  'T4.lit_after_review.total': 0,
});
const rules = (text: string, cells = T) => checkNarrative(text, cells).map((f) => `${f.rule}:${f.expected}/${f.found}`);

describe('checkNarrative', () => {
  it('a count of applications the tables contradict', () => {
    expect(rules('本年度,共受理政府信息公开申请2件,都在法定期限内予以答复。')).toEqual(['TEXT-T3-NEW:2/3']);
    expect(rules('全年收到政府信息公开申请 5 件，上年结转1件。')).toEqual(['TEXT-T3-NEW:5/3']);
    expect(rules('本年度未收到政府信息公开申请。')).toEqual(['TEXT-T3-NEW:0/3']);
  });

  it('accepts a count that is the new applications, or new plus carried in', () => {
    expect(rules('全年新收政府信息公开申请数量3件，上年结转政府信息公开申请数量1件。')).toEqual([]);
    expect(rules('2023年共受理政府信息依申请公开4件(其中本年度新收申请数3件,上年结转申请数1件)。')).toEqual([]);
  });

  it('reviews and lawsuits: counted, or denied', () => {
    expect(rules('2023年我局因政府信息公开被行政复议7件，其中结果维持6件。')).toEqual(['TEXT-T4-REVIEW:7/0']);
    expect(rules('2020年度未发生针对有关政府信息公开事务的行政复议和诉讼案件。')).toEqual([]);
    const sued = tables({ 'T4.review.total': 1, 'T4.lit_direct.total': 2, 'T4.lit_after_review.total': 0 });
    expect(rules('2020年度未发生针对有关政府信息公开事务的行政复议和诉讼案件。', sued)).toEqual(['TEXT-T4-REVIEW:0/1', 'TEXT-T4-LITIGATION:0/2']);
    expect(rules('本年度被提起行政诉讼2件。', sued)).toEqual([]);
  });

  it('a denial about the outcome is not a denial that the case happened', () => {
    const reviewed = tables({ 'T4.review.total': 1, 'T4.lit_direct.total': 1, 'T4.lit_after_review.total': 0 });
    expect(rules('全年未发生因依申请公开被行政复议纠错或被判败诉的情况。', reviewed)).toEqual([]);
    expect(rules('本年度未发生被纠错的行政复议案件，未发生败诉的行政诉讼案件。', reviewed)).toEqual([]);
  });

  it('a denial of both in one list: 未发生行政复议、行政诉讼', () => {
    const both = tables({ 'T4.review.total': 1, 'T4.lit_direct.total': 0, 'T4.lit_after_review.total': 1 });
    expect(rules('本年度未发生政府信息公开行政复议、行政诉讼案件。', both)).toEqual(['TEXT-T4-REVIEW:0/1', 'TEXT-T4-LITIGATION:0/1']);
  });

  it('a table row flattened into text is not a sentence', () => {
    expect(rules('一、本年新收政府信息公开申请数量 | 58件 | 7 | 0 | 0 | 1 | 0 | 66')).toEqual([]);
    expect(rules('一、本年新收政府信息公开申请数量\n5件\n0')).toEqual([]);
    expect(rules('一、本年新收政府信息公开申请数量 58件 7件 0件 0件 1件 0件 66件')).toEqual([]);
  });

  it('says nothing where the table lacks the cells, or they are blank', () => {
    expect(rules('共收到政府信息公开申请9件。', tables({ 'T4.review.total': 0 }))).toEqual([]);
    expect(rules('共收到政府信息公开申请9件。', tables({ 'T3.new.total': null, 'T3.carry_in.total': null }))).toEqual([]);
  });

  it('quotes the sentence in one line, in Chinese and English', () => {
    const [f] = checkNarrative('本年度,共受理政府信息公开申请2件,都在法定期限内予以答复。', T);
    expect(f!.message.zh).toBe('正文称“受理政府信息公开申请2件”，但表三“一、本年新收”总计为 3');
    expect(f!.message.en).toBe('The text says "受理政府信息公开申请2件", but table 3 shows 3 new applications');
    expect(f!.severity).toBe('warning');
    expect(f!.cells).toEqual(['T3.new.total']);
  });
});

describe.skipIf(!HAS_SHARED)('checkNarrative on the corpus (needs ../shared)', () => {
  it('02-changchun-tuiyijunren-2023: the text says 2 applications, table 3 says 3', () => {
    const file = join(SHARED, 'corpus/text/02-changchun-tuiyijunren-2023.txt');
    const r = analyzeText(readFileSync(file, 'utf8'), file);
    expect(r.findings.filter((f) => f.rule.startsWith('TEXT-')).map((f) => `${f.rule}:${f.expected}/${f.found}`)).toEqual(['TEXT-T3-NEW:2/3']);
  });
});

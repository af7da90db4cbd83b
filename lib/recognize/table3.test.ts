// Table 3 rows whose value cells cannot be told apart by counting.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';

describe('table 3 from a tab-separated text export', () => {
  // a label over three columns prints as the label and two empty fields; with the total column
  // blank too, the row has blanks at both ends and only the header's positions tell them apart
  it('places a row with blanks at both ends by the header', () => {
    const head = [
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t',
      '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
      '\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
    ];
    const row = (label: string, vals: string[]) => [label, '', '', ...vals].join('\t');
    const text = [
      '某局2022年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      ...head,
      row('一、本年新收政府信息公开申请数量', ['2', '0', '0', '0', '0', '1', '3']),
      row('二、上年结转政府信息公开申请数量', ['0', '0', '0', '0', '0', '0', '']),
    ].join('\n');
    const r = analyzeText(text, 't.txt');
    const carry = r.cells.filter((c) => c.row === 'carry_in').map((c) => c.value);
    expect(carry).toEqual([0, 0, 0, 0, 0, 0, null]);
    expect(r.cells.filter((c) => c.row === 'new').map((c) => c.value)).toEqual([2, 0, 0, 0, 0, 1, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ReportCell } from '../report';
import { parseCellValue } from '../extract/number';
import { checkDomains } from './domain';

function cell(id: string, raw: string): ReportCell {
  const [table, row, col] = id.split('.') as [ReportCell['table'], string, string];
  const p = parseCellValue(raw);
  return { id, table, row, col, value: p.value, raw, unit: p.unit, flags: p.flags, loc: { grid: 1, row: 4, col: 3 } };
}

describe('checkDomains', () => {
  it('says a figure cell that is not a number is unreadable, raw kept, value never guessed', () => {
    const cells = [cell('T3.new.np', '99999999999999999999'), cell('T4.review.total', '1e9'), cell('T2.s1_regulation.made', '见说明'), cell('T3.new.biz', '')];
    const f = checkDomains(cells, 'F2021', 'F2021');
    expect(f.map((x) => [x.rule, x.severity, x.cells])).toEqual([
      ['STRUCT-NOT-A-NUMBER', 'warning', ['T3.new.np']],
      ['STRUCT-NOT-A-NUMBER', 'warning', ['T4.review.total']],
      ['STRUCT-NOT-A-NUMBER', 'warning', ['T2.s1_regulation.made']],
    ]);
    expect(f[0]!.message.zh).toBe('表三 一、本年新收政府信息公开申请数量 自然人：“99999999999999999999” 不是可读的数字');
    expect(f[1]!.message).toEqual({ zh: '表四 行政复议 总计：“1e9” 不是可读的数字', en: 'Table 4 administrative review, total: "1e9" is not a readable number' });
    expect(f[0]!.loc).toEqual({ grid: 1, row: 4, col: 3 });
    expect(cells[0]!.value).toBeNull();
  });

  it('keeps messages one line and short for long or multi-line texts', () => {
    const f = checkDomains([cell('T3.new.np', `<img src=x onerror=alert(1)>\n${'x'.repeat(100)}`)], 'F2021', 'F2021');
    expect(f[0]!.message.zh).not.toContain('\n');
    expect(f[0]!.message.zh.length).toBeLessThan(100);
  });

  it('a count of 12.5件 is not a whole count (T3-NONNEG-INT); 12.5 万元 is a fine fee', () => {
    const f = checkDomains([cell('T3.r1_open.np', '12.5件'), cell('T2.s8_fee.amount_wan', '12.5万元')], 'F2021', 'F2021');
    expect(f.map((x) => [x.rule, x.found])).toEqual([['T3-NONNEG-INT', 12.5]]);
  });
});

import { describe, expect, it } from 'vitest';
import { FORMATS } from '../spec';
import { toTsv } from './index';
import { FORMULA_START } from './neutralize';
import { cell, f2019Report, f2021Report, hostileMeta, report } from './test-reports';

const lines = (tsv: string) => tsv.split('\r\n').slice(0, -1).map((l) => l.split('\t'));

describe('toTsv', () => {
  const r = f2019Report(hostileMeta());
  const tsv = toTsv(r);
  const ls = lines(tsv);
  const line = (label: string) => ls.find((l) => l[0] === label);

  it('uses CRLF only, and no CR or LF inside a field', () => {
    expect(tsv.endsWith('\r\n')).toBe(true);
    expect(/\r(?!\n)|(?<!\r)\n/.test(tsv)).toBe(false);
  });

  it('lays T2 out block by block, with the official labels', () => {
    const t2 = FORMATS.F2019.tables.T2;
    expect(ls[0]).toEqual([t2.title]);
    expect(ls[1]).toEqual(['第二十条第（一）项']);
    expect(ls[2]).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(line('行政许可')).toEqual(['行政许可', '120', '-8', '1034']);
    expect(line('行政处罚')).toEqual(['行政处罚', '', '', '/']);
    expect(line('政府集中采购')).toEqual(['政府集中采购', '', '251000']);
  });

  it('lays T3 out with 7 columns, group rows included, leftovers after it', () => {
    const i = ls.findIndex((l) => l[0] === FORMATS.F2019.tables.T3.title);
    expect(ls[i + 1]).toEqual(['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    const t3 = ls.slice(i + 2, i + 2 + FORMATS.F2019.tables.T3.rows.length);
    expect(t3.map((l) => l[0])).toEqual(FORMATS.F2019.tables.T3.rows.map((x) => x.label));
    for (const l of t3) expect(l).toHaveLength(8);
    expect(line('一、本年新收政府信息公开申请数量')).toEqual(['一、本年新收政府信息公开申请数量', '5', '1', '0', '0', '0', '0', '6']);
    expect(line('三、本年度办理结果')!.slice(1).every((x) => x === '')).toBe(true);
    expect(line('（六）其他处理')).toEqual(['（六）其他处理', '0', '0', '见说明', "'-", '0', '0', '0']);
    expect(line('2.重复申请')![6]).toBe('');
    expect(ls[i + 2 + t3.length]![0]).toBe('（八）小计');
  });

  it('lays T4 out as 3 groups × 5 columns', () => {
    const i = ls.findIndex((l) => l[0] === FORMATS.F2019.tables.T4.title);
    expect(ls[i + 1]).toEqual(['', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(ls.slice(i + 2, i + 5).map((l) => l.length)).toEqual([6, 6, 6]);
    expect(ls[i + 2]).toEqual(['行政复议', '1', '0', '0', '0', '1']);
    expect(ls[i + 3]![0]).toContain('未经复议直接起诉');
  });

  it('neutralises texts, keeps -8 a number, turns tabs and line breaks into spaces', () => {
    const lo = line('（八）小计')!;
    expect(lo).toHaveLength(12);
    expect(lo.slice(1)).toEqual(['12', '', '12', "'=cmd|' /C calc'!A0", '1', "'@x", "'-2+3", "' x", "'  x", "'=a b", '-8']);
    // only numbers (the parsed values) may start with '-'
    for (const l of ls) for (const f of l) if (!/^-\d+$/.test(f)) expect(FORMULA_START.test(f), f).toBe(false);
    expect(line("'=SUM(A1:A9)")).toEqual(["'=SUM(A1:A9)", '7', '-3']);
    expect(ls.find((l) => l[0] === 'other-1 附表')).toBeTruthy();
  });

  it('uses the F2021 layout for an F2021 report', () => {
    const t = lines(toTsv(f2021Report()));
    expect(t.find((l) => l[0] === '行政规范性文件')).toHaveLength(4);
    expect(t.find((l) => l[0] === '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')).toHaveLength(8);
    expect(t.some((l) => l[0] === '政府集中采购')).toBe(false);
  });

  it('lays a hybrid table out in the format that fits its cells, and never drops a cell', () => {
    const h = report({
      format: 'hybrid',
      year: 2021,
      tables: ['T2'],
      cells: [cell('T2.s5_license.prev_items', 7), cell('T2.s5_license.delta', 2), cell('T2.s1_regulation.made', 1)],
    });
    const t = lines(toTsv(h));
    expect(t.find((l) => l[0] === '行政许可')).toEqual(['行政许可', '7', '2', '']);
    expect(t.find((l) => l[0] === 'T2.s1_regulation.made')).toEqual(['T2.s1_regulation.made', '1']);
  });

  it('writes only the raw tables of a page that is not a report', () => {
    const page = report({ isReport: false, agency: null, year: null, format: null, tables: [], unrecognized: f2019Report().unrecognized });
    expect(toTsv(page)).toBe("other-1 附表\r\n项目\t数量\t\r\n'=SUM(A1:A9)\t7\t-3\r\n\t\t'  x\r\n\t\t\r\n");
    expect(toTsv(report({ tables: [] }))).toBe('');
  });
});

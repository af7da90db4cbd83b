import { describe, expect, it } from 'vitest';
import { cell, report } from '../export/test-reports';
import type { Report } from '../report';
import { checkCrossYear } from './cross-year';

const T3_COLS = ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'total'];

/** A report with table 3's carried-in and carried-over rows and the given table 2 cells. */
function yearReport(year: number, format: 'F2019' | 'F2021', carryIn: number[], carryOut: number[], t2: Record<string, number | null> = {}): Report {
  const cells = [
    ...T3_COLS.map((c, i) => cell(`T3.carry_in.${c}`, carryIn[i] ?? 0)),
    ...T3_COLS.map((c, i) => cell(`T3.carry_out.${c}`, carryOut[i] ?? 0)),
    ...Object.entries(t2).map(([id, v]) => cell(id, v)),
  ];
  return report({ year, format, cells, title: `${year}年政府信息公开工作年度报告` });
}

const rules = (fs: ReturnType<typeof checkCrossYear>) => fs.map((f) => `${f.severity}:${f.rule}:${f.col ?? f.row}:${f.found}/${f.expected}`);

describe('checkCrossYear', () => {
  it('X-T3-CARRY: this year carried in what last year carried over, column by column', () => {
    const before = yearReport(2021, 'F2021', [], [1, 0, 0, 0, 0, 0, 1]);
    expect(checkCrossYear(yearReport(2022, 'F2021', [1, 0, 0, 0, 0, 0, 1], []), before)).toEqual([]);
    const off = checkCrossYear(yearReport(2022, 'F2021', [0, 2, 0, 0, 0, 0, 2], []), before);
    expect(rules(off)).toEqual(['warning:X-T3-CARRY:np:0/1', 'warning:X-T3-CARRY:biz:2/0', 'warning:X-T3-CARRY:total:2/1']);
    expect(off[2]!.cells).toEqual(['T3.carry_in.total', 'T3.carry_out.total']);
    expect(off[2]!.message.zh).toBe('表三 总计列：本年“二、上年结转” = 2，但 2021 年报告“四、结转下年度继续办理” = 1');
  });

  it('compares consecutive years only, in order', () => {
    const a = yearReport(2020, 'F2019', [], [5, 0, 0, 0, 0, 0, 5]);
    const b = yearReport(2022, 'F2021', [0, 0, 0, 0, 0, 0, 0], []);
    expect(checkCrossYear(b, a)).toEqual([]);
    expect(checkCrossYear(a, b)).toEqual([]);
  });

  it('X-T2-VALID-ROLL from 2022: in force = last year in force + made - repealed', () => {
    const t2Before = { 'T2.s1_regulation.valid': 10, 'T2.s1_normative.valid': 4 };
    const before = yearReport(2021, 'F2021', [], [], t2Before);
    const good = { 'T2.s1_regulation.made': 2, 'T2.s1_regulation.repealed': 1, 'T2.s1_regulation.valid': 11, 'T2.s1_normative.made': null, 'T2.s1_normative.repealed': null, 'T2.s1_normative.valid': 4 };
    expect(checkCrossYear(yearReport(2022, 'F2021', [], [], good), before)).toEqual([]);
    const bad = { ...good, 'T2.s1_regulation.valid': 13 };
    const f = checkCrossYear(yearReport(2022, 'F2021', [], [], bad), before);
    expect(rules(f)).toEqual(['warning:X-T2-VALID-ROLL:s1_regulation:13/11']);
    expect(f[0]!.cells).toEqual(['T2.s1_regulation.valid', 'T2.s1_regulation.made', 'T2.s1_regulation.repealed']);
    expect(f[0]!.message.zh).toContain('2021 年报告');
    // 2021 against 2020: 现行有效件数 and F2019's 对外公开总数量 are not comparable
    const y2020 = yearReport(2020, 'F2021', [], [], t2Before);
    expect(checkCrossYear(yearReport(2021, 'F2021', [], [], bad), y2020)).toEqual([]);
  });

  it('X-T2-19 rolls: 2020 against 2019 in the 2019 format, an info for the published total', () => {
    const before = yearReport(2019, 'F2019', [], [], { 'T2.s5_license.prev_items': 30, 'T2.s5_license.delta': -2, 'T2.s1_regulation.total_published': 7 });
    const now = yearReport(2020, 'F2019', [], [], { 'T2.s5_license.prev_items': 29, 'T2.s1_regulation.total_published': 9, 'T2.s1_regulation.new_published': 1 });
    expect(rules(checkCrossYear(now, before))).toEqual(['warning:X-T2-19-ITEMS-ROLL:s5_license:29/28', 'info:X-T2-19-PUB-ROLL:s1_regulation:9/8']);
  });

  it('leaves a rule alone where a cell is missing or a side is all blank', () => {
    const before = yearReport(2021, 'F2021', [], [], { 'T2.s1_regulation.valid': null });
    const now = yearReport(2022, 'F2021', [], [], { 'T2.s1_regulation.made': 1, 'T2.s1_regulation.repealed': 0, 'T2.s1_regulation.valid': 5 });
    expect(checkCrossYear(now, before)).toEqual([]);
    // s1_normative cells are absent from both
    expect(checkCrossYear(now, before).some((f) => f.row === 's1_normative')).toBe(false);
  });
});

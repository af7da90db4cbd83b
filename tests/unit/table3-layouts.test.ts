// Table 3 laid out in ways the official format does not print, read by its header.
import { describe, expect, it } from 'vitest';
import { analyzeT3 } from './helpers/t3-html';

const v = (r: ReturnType<typeof analyzeT3>, id: string) => r.cells.find((c) => c.id === id)?.value;

describe('table 3 layouts', () => {
  it('a 小计 column under 法人或其他组织 does not shift the other columns', () => {
    const r = analyzeT3({
      legalColumns: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '小计'],
      rows: {
        new: [5, 1, 0, 0, 0, 2, 3, 8],
        carry_in: [0, 0, 0, 0, 0, 0, 0, 0],
        r1_open: [5, 1, 0, 0, 0, 2, 3, 8],
        r7_total: [5, 1, 0, 0, 0, 2, 3, 8],
        carry_out: [0, 0, 0, 0, 0, 0, 0, 0],
      },
    });
    expect([v(r, 'T3.new.np'), v(r, 'T3.new.biz'), v(r, 'T3.new.oth'), v(r, 'T3.new.total')]).toEqual([5, 1, 2, 8]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.leftovers.some((l) => l.cells.includes('3'))).toBe(true);
  });

  it('a row missing a cell is not read by guesswork', () => {
    const r = analyzeT3({ rows: { new: [5, 1, 0, 0, 0, 6], carry_in: [0, 0, 0, 0, 0, 0, 0] } });
    expect(r.cells.filter((c) => c.row === 'new')).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'STRUCT-ROW-CELLS')).toMatchObject({ found: 6, expected: 7, severity: 'warning' });
    expect(r.leftovers.find((l) => l.label.includes('本年新收'))?.cells).toEqual(['5', '1', '0', '0', '0', '6']);
  });

  it('blank cells stay blank, apart from zeros', () => {
    const r = analyzeT3({ rows: { new: [3, '', '', '', '', '', 3], carry_in: ['\u00a0', '', '', '', '', '', '0'] } });
    expect(v(r, 'T3.new.biz')).toBeNull();
    expect(r.cells.find((c) => c.id === 'T3.carry_in.np')).toMatchObject({ value: null, raw: '\u00a0' });
    expect(v(r, 'T3.carry_in.total')).toBe(0);
  });
});

describe('table 3 printed by category', () => {
  const zeros = [0, 0, 0, 0, 0, 0, 0];
  const base = { new: [9, 0, 0, 0, 0, 0, 9], carry_in: zeros, r1_open: [4, 0, 0, 0, 0, 0, 4], r2_partial: zeros, r7_total: [9, 0, 0, 0, 0, 0, 9], carry_out: zeros };
  const categories = (r3: number, r4: number): [string, number[]][] => [
    ['（三）不予公开', [r3, 0, 0, 0, 0, 0, r3]],
    ['（四）无法提供', [r4, 0, 0, 0, 0, 0, r4]],
    ['（五）不予处理', zeros],
    ['（六）其他处理', zeros],
  ];

  it('categories without sub-rows are read as subtotals and checked as categories', () => {
    const ok = analyzeT3({ rows: base, after: { r2_partial: categories(2, 3) } });
    expect(v(ok, 'T3.r3_sum.np')).toBe(2);
    expect(v(ok, 'T3.r6_sum.total')).toBe(0);
    expect(ok.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(ok.findings.some((f) => f.rule === 'STRUCT-COLLAPSED')).toBe(true);

    const bad = analyzeT3({ rows: base, after: { r2_partial: categories(2, 4) } });
    expect(bad.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}:${f.col}`)).toEqual(['T3-RESULT-SUM:np', 'T3-RESULT-SUM:total']);
  });

  it('a printed subtotal beside its sub-rows must equal their sum', () => {
    const r = analyzeT3({
      rows: { ...base, r4_1: [3, 0, 0, 0, 0, 0, 3], r4_2: [2, 0, 0, 0, 0, 0, 2], r4_3: zeros },
      after: { r2_partial: [['（四）无法提供', [6, 0, 0, 0, 0, 0, 6]]] },
    });
    expect(r.findings.filter((f) => f.rule === 'T3-OPTIONAL-SUBTOTALS').map((f) => [f.col ?? f.cells[0], f.expected, f.found])).toEqual([
      ['T3.r4_sum.np', 5, 6],
      ['T3.r4_sum.total', 5, 6],
    ]);
  });
});

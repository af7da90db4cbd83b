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

// The five seed reports (text exports) as the issue states them: seed 003's real errors found and
// pointed at, 002 and 004 consistent, 000 and 001 damaged without a single invented number.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, seedPath } from './shared-data';
import { analyzeText } from '../../lib/analyze';
import type { Report } from '../../lib/report';

const read = (stem: string): Report => analyzeText(readFileSync(seedPath(stem), 'utf8'), stem);
const errors = (r: Report) => r.findings.filter((f) => f.severity === 'error');
const value = (r: Report, id: string) => r.cells.find((c) => c.id === id)?.value;

describe.skipIf(!HAS_SHARED)('seed reports (needs ../shared)', () => {
  it('003: T3-BALANCE and T3-RESULT-SUM fail in columns 自然人 and 总计, pointing at the cells', () => {
    const r = read('003_ed735561ce7e8ab6');
    expect([r.agency, r.year, r.format]).toEqual(['广州市增城区小楼镇人民政府', 2020, 'F2019']);
    const errs = errors(r).map((f) => `${f.rule}:${f.col}:${f.expected}:${f.found}`).sort();
    expect(errs).toEqual(['T3-BALANCE:np:1:0', 'T3-BALANCE:total:1:0', 'T3-RESULT-SUM:np:1:0', 'T3-RESULT-SUM:total:1:0']);
    const balance = errors(r).find((f) => f.rule === 'T3-BALANCE' && f.col === 'np')!;
    expect(balance.cells).toEqual(['T3.new.np', 'T3.carry_in.np', 'T3.r7_total.np', 'T3.carry_out.np']);
    expect(balance.message.zh).toBe('表三 自然人列：第一项 + 第二项 = 1，但第三项 + 第四项 = 0（相差 1）');
    expect(errors(r).find((f) => f.rule === 'T3-RESULT-SUM')!.cells).toContain('T3.r1_open.np');
    expect(value(r, 'T3.new.np')).toBe(1);
    expect(value(r, 'T3.r7_total.total')).toBe(0);
    // every cell of the finding points back at its place in the text
    for (const id of balance.cells) expect(r.cells.find((c) => c.id === id)!.loc?.offset).toBeGreaterThan(0);
  });

  it('003: the rows of eight numbers are a structural finding, and the extra numbers are kept', () => {
    const r = read('003_ed735561ce7e8ab6');
    const s = r.findings.find((f) => f.rule === 'STRUCT-ROW-CELLS')!;
    expect(s.severity).toBe('warning');
    expect(s.found).toBe(8);
    expect(s.cells).toContain('T3.r6.np');
    expect(r.leftovers.filter((l) => l.reason === 'extra value cells')).toHaveLength(2);
    expect(value(r, 'T2.s9_procurement.amount')).toBe(426796);
    expect(r.cells.find((c) => c.id === 'T2.s9_procurement.amount')!.unit).toBe('元');
  });

  for (const stem of ['002_09235f57ffce7de4', '004_ae40354b57ac477a']) {
    it(`${stem.slice(0, 3)}: every figure of the 2019 format read, no error`, () => {
      const r = read(stem);
      expect(errors(r)).toEqual([]);
      expect(r.format).toBe('F2019');
      expect(r.tables).toEqual(['T2', 'T3', 'T4']);
      expect(r.cells.filter((c) => c.table === 'T3')).toHaveLength(23 * 7);
      expect(r.cells.filter((c) => c.table === 'T4')).toHaveLength(15);
      expect(r.cells.filter((c) => c.table === 'T2')).toHaveLength(22);
      expect(r.findings.filter((f) => f.rule.startsWith('STRUCT'))).toEqual([]);
    });
  }
  it('002 reads 180万元 with its unit, 004 reads full-width padded zeros', () => {
    const r2 = read('002_09235f57ffce7de4');
    expect(r2.cells.find((c) => c.id === 'T2.s9_procurement.amount')).toMatchObject({ value: 180, unit: '万元' });
    expect(r2.agency).toBe('德惠市布海镇人民政府');
    const r4 = read('004_ae40354b57ac477a');
    expect(r4.cells.find((c) => c.id === 'T2.s1_regulation.new_made')).toMatchObject({ value: 0 });
    expect(r4.agency).toBe('重庆市涪陵区南沱镇人民政府');
  });

  it('000: the collapsed results block is a structural finding; no result figure is invented', () => {
    const r = read('000_a9a61958af9193ce');
    expect(errors(r)).toEqual([]);
    expect(r.cells.filter((c) => /^T3\.r\d/.test(c.id))).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['STRUCT-COLLAPSED', 'STRUCT-MISSING-ROWS']));
    expect(r.leftovers.some((l) => l.label.includes('本年度办理结果') && l.cells.join() === '0')).toBe(true);
    expect(value(r, 'T3.carry_out.total')).toBe(0);
    expect(value(r, 'T2.s5_other_service.decisions')).toBe(0);
  });

  it('001: rows of 5 numbers for 7 columns are not read, but kept; no error', () => {
    const r = read('001_663f01e44eff96d9');
    expect(errors(r)).toEqual([]);
    expect(r.agency).toBe('庄口镇人民政府');
    expect(r.cells.filter((c) => /^T3\.r\d/.test(c.id))).toEqual([]);
    const s = r.findings.find((f) => f.rule === 'STRUCT-ROW-CELLS')!;
    expect([s.found, s.expected]).toEqual([5, 7]);
    expect(r.leftovers.filter((l) => l.table === 'T3' && l.cells.length === 5)).toHaveLength(21);
    expect(value(r, 'T2.s1_normative.total_published')).toBe(20);
    expect(value(r, 'T3.new.total')).toBe(0);
  });
});

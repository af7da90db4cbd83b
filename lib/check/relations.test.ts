import { describe, expect, it } from 'vitest';
import { checkCells } from './index';
import type { ReportCell } from '../report';
import { t3Columns, t3DataRows } from '../spec';

type Grid = Record<string, (number | null | '/')[]>;

/** A table 3 of F2021 from rows of 7 values (np … total); '/' is a not-applicable cell. */
function t3(rows: Grid): ReportCell[] {
  const cols = t3Columns('F2021').map((c) => c.id);
  const cells: ReportCell[] = [];
  for (const r of t3DataRows('F2021')) {
    const vals = rows[r.id] ?? [0, 0, 0, 0, 0, 0, 0];
    cols.forEach((col, i) => {
      const v = vals[i] ?? null;
      cells.push({
        id: `T3.${r.id}.${col}`,
        table: 'T3',
        row: r.id,
        col,
        value: v === '/' ? null : v,
        raw: v === null ? '' : String(v),
        unit: null,
        flags: v === null ? ['blank'] : v === '/' ? ['not_applicable'] : [],
        loc: null,
      });
    });
  }
  return cells;
}

const ctx = { format: 'F2021' as const, t2Format: 'F2021' as const, t3Format: 'F2021' as const, agency: null, year: 2022 };
const rules = (cells: ReportCell[]) => checkCells(cells, ctx).map((f) => `${f.severity}:${f.rule}:${f.col ?? f.row ?? ''}`);

describe('table 3 relations', () => {
  it('a consistent table gives nothing', () => {
    expect(rules(t3({ new: [2, 0, 0, 0, 0, 0, 2], r1_open: [2, 0, 0, 0, 0, 0, 2], r7_total: [2, 0, 0, 0, 0, 0, 2] }))).toEqual([]);
  });
  it('finds the balance, the result sum and the row sum, with expected and found', () => {
    const f = checkCells(t3({ new: [3, 0, 0, 0, 0, 0, 3], r1_open: [2, 0, 0, 0, 0, 0, 2], r7_total: [2, 0, 0, 0, 0, 0, 3] }), ctx);
    const balance = f.find((x) => x.rule === 'T3-BALANCE' && x.col === 'np')!;
    expect([balance.severity, balance.expected, balance.found]).toEqual(['error', 3, 2]);
    expect(f.find((x) => x.rule === 'T3-COL-SUM' && x.row === 'r7_total')).toMatchObject({ severity: 'error', expected: 2, found: 3 });
    expect(f.find((x) => x.rule === 'T3-RESULT-SUM' && x.col === 'total')).toMatchObject({ expected: 2, found: 3 });
  });
  it('counts a blank among filled cells as 0 and says so', () => {
    const f = checkCells(t3({ new: [3, null, 0, 0, 0, 0, 3], r1_open: [3, 0, 0, 0, 0, 0, 3], r7_total: [2, 0, 0, 0, 0, 0, 2] }), ctx);
    expect(f.find((x) => x.rule === 'T3-BALANCE' && x.col === 'np')).toMatchObject({ severity: 'error' });
    expect(f.find((x) => x.rule === 'T3-COL-SUM' && x.row === 'new')).toBeUndefined();
  });
  it('one side entirely blank is a warning (incomplete), never an error', () => {
    const cells = t3({ new: [5, 0, 0, 0, 0, 0, 5], r1_open: [5, 0, 0, 0, 0, 0, null], r7_total: [5, 0, 0, 0, 0, 0, 5] });
    const f = checkCells(cells, ctx).filter((x) => x.row === 'r1_open');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'T3-COL-SUM', severity: 'warning', blankAsZero: true });
    expect(f[0]!.message.zh).toContain('空白');
  });
  it('a relation whose cells are all blank is not evaluated', () => {
    const blank = [null, null, null, null, null, null, null];
    expect(rules(t3({ new: blank, carry_in: blank, r7_total: blank, carry_out: blank, r1_open: blank }))).toEqual([]);
  });
  it('a failure involving a "/" cell is only a warning', () => {
    const f = checkCells(t3({ new: [3, '/', 0, 0, 0, 0, 4], r1_open: [3, 0, 0, 0, 0, 0, 3], r7_total: [3, 0, 0, 0, 0, 0, 3] }), ctx);
    expect(f.find((x) => x.rule === 'T3-COL-SUM' && x.row === 'new')?.severity).toBe('warning');
  });
  it('negative and fractional counts break T3-NONNEG-INT', () => {
    const f = rules(t3({ r1_open: [-1, 0.5, 0, 0, 0, 0, -0.5] }));
    expect(f.filter((x) => x.startsWith('error:T3-NONNEG-INT'))).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { FORMULA_START } from './neutralize';
import { toCsv } from './index';
import { WIDE_BASE, wideSpecColumns } from './csv-wide';
import { cell, f2019Report, f2021Report, hostileMeta, lineEndsOk, parseCsv, records, unneutralize } from './test-reports';
import { shownValue } from './values';

describe('toCsv wide', () => {
  const r = f2019Report(hostileMeta());
  const csv = toCsv(r, { shape: 'wide' });

  it('names data columns <table>.<col>, keeping T3.total and T4.total apart', () => {
    const cols = wideSpecColumns();
    expect(new Set(cols).size).toBe(cols.length);
    expect(cols).toContain('T3.total');
    expect(cols).toContain('T4.total');
    expect(cols.filter((c) => c === 'T2.decisions')).toHaveLength(1);
    // T2 of every block, then T3 in table order, then T4 in table order
    expect(cols.slice(cols.indexOf('T3.np'))).toEqual([
      'T3.np', 'T3.biz', 'T3.sci', 'T3.ngo', 'T3.law', 'T3.oth', 'T3.total',
      'T4.upheld', 'T4.corrected', 'T4.other', 'T4.pending', 'T4.total',
    ]);
    for (const c of ['T2.made', 'T2.amount_wan', 'T2.new_made', 'T2.delta', 'T2.items', 'T2.amount']) expect(cols).toContain(c);
    const header = parseCsv(csv)[0]!;
    expect(header.slice(0, WIDE_BASE.length)).toEqual([...WIDE_BASE]);
    expect(header.slice(WIDE_BASE.length, WIDE_BASE.length + cols.length)).toEqual(cols);
    // the leftover row has 11 cells, the widest row without column ids
    expect(header.slice(WIDE_BASE.length + cols.length)).toEqual(Array.from({ length: 11 }, (_, i) => `extra-${i + 1}`));
  });

  it('puts every recognised cell under its column in the line of its row (round trip)', () => {
    const recs = records(csv);
    for (const c of r.cells) {
      const line = recs.filter((x) => x.table === c.table && x.row_id === c.row);
      expect(line, c.id).toHaveLength(1);
      const v = shownValue(c);
      expect(unneutralize(line[0]![`${c.table}.${c.col}`]!), c.id).toBe(v === null ? '' : String(v));
      expect(unneutralize(line[0]!.agency!)).toBe(r.agency);
      expect(unneutralize(line[0]!.source!)).toBe(r.source);
    }
  });

  it('reads row by row as the table does', () => {
    const recs = records(csv).filter((x) => x.table === 'T3' && x.row_id !== '');
    expect(recs.map((x) => x.row_id).slice(0, 4)).toEqual(['new', 'carry_in', 'r1_open', 'r2_partial']);
    expect(recs.at(-1)!.row_id).toBe('carry_out');
    expect(recs[0]!.row_label).toBe('一、本年新收政府信息公开申请数量');
    const tables = records(csv).map((x) => x.table);
    expect(tables.indexOf('T3')).toBeGreaterThan(tables.lastIndexOf('T2'));
    expect(tables.indexOf('T4')).toBeGreaterThan(tables.lastIndexOf('T3'));
    const t4 = records(csv).filter((x) => x.table === 'T4');
    expect(t4.map((x) => x.row_id)).toEqual(['review', 'lit_direct', 'lit_after_review']);
    expect(t4[0]).toMatchObject({ 'T4.upheld': '1', 'T4.total': '1', 'T3.total': '' });
  });

  it('keeps -8 a number, shows non-numeric raws neutralised, blanks empty', () => {
    const recs = records(csv);
    const lic = recs.find((x) => x.row_id === 's5_license')!;
    expect(lic['T2.delta']).toBe('-8');
    const r6 = recs.find((x) => x.row_id === 'r6')!;
    expect(r6['T3.ngo']).toBe("'-");
    expect(r6['T3.sci']).toBe('见说明');
    expect(recs.find((x) => x.row_id === 'r5_2')!['T3.oth']).toBe('');
    for (const rec of recs) for (const [k, v] of Object.entries(rec)) if (!k.startsWith('T') && !k.startsWith('extra')) expect(FORMULA_START.test(v), k).toBe(false);
  });

  it('adds leftover rows after their table and unrecognised rows at the end, under extra-n', () => {
    const recs = records(csv);
    const lo = recs.find((x) => x.row_label === '（八）小计')!;
    expect(lo.table).toBe('T3');
    expect(recs.indexOf(lo)).toBeLessThan(recs.findIndex((x) => x.table === 'T4'));
    const lcells = r.leftovers[0]!.cells;
    expect(lo['extra-1']).toBe('12');
    expect(lo['extra-3']).toBe('12');
    expect(unneutralize(lo['extra-4']!)).toBe(lcells[3]);
    expect(lo['extra-11']).toBe('-8');
    const other = recs.filter((x) => x.table === 'other-1');
    // the all-blank 4th row is left out
    expect(other.map((x) => x.row_id)).toEqual(['1', '2', '3']);
    expect(other[1]).toMatchObject({ 'extra-1': "'=SUM(A1:A9)", 'extra-2': '7', 'extra-3': '-3' });
  });

  it('gives a cell of an unknown column its own column rather than dropping it', () => {
    const odd = f2021Report({ cells: [cell('T3.new.np', 2), cell('T3.new.minors', 1)] });
    const [header, row] = parseCsv(toCsv(odd, { shape: 'wide' }));
    expect(row![header!.indexOf('T3.minors')]).toBe('1');
  });

  it('stacks reports, CRLF, BOM only when asked', () => {
    const both = toCsv([f2019Report(), f2021Report()], { shape: 'wide' });
    const recs = records(both);
    expect(new Set(recs.map((x) => x.year))).toEqual(new Set(['2020', '2021']));
    expect(recs.find((x) => x.year === '2021' && x.row_id === 's1_normative')!.row_label).toBe('行政规范性文件');
    expect(lineEndsOk(both) && lineEndsOk(csv)).toBe(true);
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(toCsv(r, { shape: 'wide', bom: true })).toBe('\uFEFF' + csv);
  });
});

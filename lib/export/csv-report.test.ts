import { describe, expect, it } from 'vitest';
import { allCellIds } from '../spec';
import { toCsv } from './index';
import { REPORT_BASE } from './csv-report';
import { f2019Report, f2021Report, hostileMeta, lineEndsOk, parseCsv, records, unneutralize } from './test-reports';
import { shownValue } from './values';

describe('toCsv report', () => {
  const a = f2019Report(hostileMeta());
  const b = f2021Report();
  const csv = toCsv([a, b], { shape: 'report' });

  it('has exactly allCellIds().length + 6 columns on every line', () => {
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(allCellIds().length + 6);
    expect(rows[0]).toEqual([...REPORT_BASE, ...allCellIds()]);
  });

  it('stacks one line per report and round-trips every cell', () => {
    const recs = records(csv);
    [a, b].forEach((r, i) => {
      const rec = recs[i]!;
      expect(unneutralize(rec.source!)).toBe(r.source);
      expect(unneutralize(rec.agency!)).toBe(r.agency);
      expect(rec.year).toBe(String(r.year));
      expect(rec.format).toBe(r.format);
      for (const c of r.cells) {
        const v = shownValue(c);
        expect(unneutralize(rec[c.id]!), c.id).toBe(v === null ? '' : String(v));
      }
    });
    // ids of the other format stay empty
    expect(recs[1]!['T2.s9_procurement.amount']).toBe('');
    expect(recs[0]!['T3.r6_1.np']).toBe('');
  });

  it('counts errors and warnings', () => {
    const recs = records(csv);
    expect([recs[0]!.errors, recs[0]!.warnings]).toEqual(['1', '1']);
    expect([recs[1]!.errors, recs[1]!.warnings]).toEqual(['0', '0']);
  });

  it('keeps numbers numbers and neutralises texts', () => {
    const rec = records(csv)[0]!;
    expect(rec['T2.s5_license.delta']).toBe('-8');
    expect(rec['T3.r6.ngo']).toBe("'-");
    expect(rec['T3.r3_3.law']).toBe('—');
    expect(rec['T3.r5_2.oth']).toBe('');
    expect(rec['T3.new.biz']).toBe('1');
    expect(rec.agency!.startsWith("'=")).toBe(true);
    expect(rec.source!.startsWith("'@")).toBe(true);
  });

  it('CRLF, BOM only when asked', () => {
    expect(lineEndsOk(csv)).toBe(true);
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(toCsv([a, b], { shape: 'report', bom: true })).toBe('\uFEFF' + csv);
  });
});

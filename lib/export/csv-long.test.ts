import { describe, expect, it } from 'vitest';
import { FORMULA_START } from './neutralize';
import { toCsv } from './index';
import { LONG_HEADER } from './csv-long';
import { f2019Report, f2021Report, hostileMeta, lineEndsOk, parseCsv, records, unneutralize, HOSTILE } from './test-reports';

const TEXT_COLS = ['cell_id', 'agency', 'format', 'table', 'row_id', 'row_label', 'col_id', 'col_label', 'raw', 'unit', 'source'];

describe('toCsv long', () => {
  const r = f2019Report(hostileMeta());
  const csv = toCsv(r);

  it('writes the header and one line per cell, leftover cell and non-empty unrecognised cell', () => {
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...LONG_HEADER]);
    const unrec = r.unrecognized.flatMap((t) => t.rows.flat()).filter((c) => c.trim() !== '').length;
    expect(unrec).toBe(6);
    expect(rows.length - 1).toBe(r.cells.length + r.leftovers[0]!.cells.length + unrec);
    for (const row of rows) expect(row).toHaveLength(LONG_HEADER.length);
  });

  it('round-trips values and raw texts of the recognised cells', () => {
    const recs = records(csv).slice(0, r.cells.length);
    r.cells.forEach((c, i) => {
      const rec = recs[i]!;
      expect(rec.cell_id).toBe(c.id);
      expect(rec.value).toBe(c.value === null ? '' : String(c.value));
      expect(unneutralize(rec.raw!)).toBe(c.raw);
      expect(rec.unit).toBe(c.unit ?? '');
      expect(unneutralize(rec.agency!)).toBe(r.agency);
      expect(unneutralize(rec.source!)).toBe(r.source);
      expect(rec.year).toBe('2020');
      expect(rec.format).toBe('F2019');
    });
  });

  it('labels cells from the spec of the report format', () => {
    const byId = new Map(records(csv).map((x) => [x.cell_id, x]));
    expect(byId.get('T2.s1_normative.new_made')).toMatchObject({ row_label: '规范性文件', col_label: '本年新制作数量' });
    expect(byId.get('T3.r3_3.law')).toMatchObject({ table: 'T3', row_id: 'r3_3', col_id: 'law', col_label: '法律服务机构' });
    expect(byId.get('T4.lit_direct.total')).toMatchObject({ row_label: '未经复议直接起诉', col_label: '总计' });
  });

  it('falls back to the other format for labels when the format is unknown or hybrid', () => {
    const hybrid = f2019Report({ format: 'hybrid', year: 2021 });
    const byId = new Map(records(toCsv(hybrid)).map((x) => [x.cell_id, x]));
    // F2019-only ids still get their labels
    expect(byId.get('T2.s9_procurement.amount')).toMatchObject({ row_label: '政府集中采购', col_label: '采购总金额' });
    expect(byId.get('T3.r6.np')!.row_label).toBe('（六）其他处理');
    const unknown = f2021Report({ format: null, year: null });
    expect(new Map(records(toCsv(unknown)).map((x) => [x.cell_id, x])).get('T2.s1_normative.made')!.row_label).toBe('行政规范性文件');
  });

  it('keeps a parsed -8 a number and neutralises every text field', () => {
    const recs = records(csv);
    const delta = recs.find((x) => x.cell_id === 'T2.s5_license.delta')!;
    expect(delta.value).toBe('-8');
    expect(delta.raw).toBe("'-8");
    for (const rec of recs) for (const k of TEXT_COLS) expect(FORMULA_START.test(rec[k]!), `${k}=${JSON.stringify(rec[k])}`).toBe(false);
  });

  it('writes every leftover cell, numbered extra-n, with plain numbers as values', () => {
    const lo = r.leftovers[0]!;
    const recs = records(csv).filter((x) => x.row_label === lo.label);
    expect(recs.map((x) => x.col_id)).toEqual(lo.cells.map((_, i) => `extra-${i + 1}`));
    expect(recs.map((x) => unneutralize(x.raw!))).toEqual(lo.cells);
    // '１２' and '+1' are plain numbers (full-width digits, explicit sign); '-2+3' is not
    expect(recs.map((x) => x.value)).toEqual(['12', '', '12', '', '1', '', '', '', '', '', '-8']);
    expect(recs.every((x) => x.table === 'T3' && x.row_id === '' && x.cell_id === '')).toBe(true);
    for (const h of HOSTILE) expect(recs.some((x) => x.raw === `'${h}`)).toBe(true);
  });

  it('writes every non-empty cell of an unrecognised table with its position', () => {
    const recs = records(csv).filter((x) => x.table === 'other-1');
    expect(recs.map((x) => [x.row_id, x.col_id, unneutralize(x.raw!), x.value, x.row_label, x.col_label])).toEqual([
      ['1', '1', '项目', '', '项目', ''],
      ['1', '2', '数量', '', '项目', ''],
      ['2', '1', '=SUM(A1:A9)', '', "'=SUM(A1:A9)", ''],
      ['2', '2', '7', '7', "'=SUM(A1:A9)", ''],
      ['2', '3', '-3', '-3', "'=SUM(A1:A9)", ''],
      // the row label folds white space: '\r\nx' labels its row 'x'
      ['3', '3', '\r\nx', '', 'x', ''],
    ]);
  });

  it('uses CRLF line ends and a BOM only when asked', () => {
    expect(lineEndsOk(csv)).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const withBom = toCsv(r, { bom: true });
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(withBom.slice(1)).toBe(csv);
    expect(withBom.indexOf('\uFEFF', 1)).toBe(-1);
  });

  it('stacks several reports under one header', () => {
    const a = f2019Report();
    const b = f2021Report();
    const rows = parseCsv(toCsv([a, b]));
    expect(rows.filter((x) => x[0] === 'cell_id')).toHaveLength(1);
    const one = parseCsv(toCsv(a)).length - 1;
    expect(rows.slice(1, 1 + one).every((x) => x[2] === '2020')).toBe(true);
    expect(rows.slice(1 + one).every((x) => x[2] === '2021')).toBe(true);
    expect(rows.length - 1).toBe(one + b.cells.length);
  });

  it('writes just the header for an empty list', () => {
    expect(toCsv([])).toBe(LONG_HEADER.join(',') + '\r\n');
  });
});

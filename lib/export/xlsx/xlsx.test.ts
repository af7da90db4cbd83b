// The workbook read back by other code than the writer's (JSZip + linkedom's XML parser, see
// tests/unit/helpers/read-workbook.ts): figures typed as numbers, blanks empty, texts as texts and never formulas,
// red and amber exactly on the findings' cells with their messages as notes, merges, frozen panes.
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Report } from '../../report';
import { FORMATS, t3DataRows } from '../../spec';
import { toCsv } from '../index';
import { cell, f2019Report, f2021Report, hostileMeta, records, report, unneutralize, HOSTILE } from '../test-reports';
import { isBlank } from '../values';
import { toXlsx, workbookSheets, xlsxFileName } from './index';
import { longSheets } from './lists';
import { cellMarks } from './marks';
import { readWorkbook, sheetRows, type ReadSheet, type ReadWorkbook } from '../../../tests/unit/helpers/read-workbook';
import { a1, expectedMarks, locateT3, messagesOf, seed003Report } from '../../../tests/unit/helpers/xlsx-fixtures';
import { crc32, zip } from './zip';

// Excel's own "Bad" and "Neutral" fills: red and amber to any reader
const RED = 'FFFFC7CE';
const AMBER = 'FFFFEB9C';
const TABLE_SHEETS = ['表二', '表三', '表四'];

function marked(s: ReadSheet): Map<string, string> {
  return new Map([...s.cells].filter(([, c]) => c.fill === RED || c.fill === AMBER).map(([ref, c]) => [ref, c.fill!]));
}

/** What a reader should find in a cell for a report cell: a number, a text, or nothing. */
function expectFigure(s: ReadSheet, ref: string, c: Report['cells'][number] | undefined, id: string) {
  const got = s.cells.get(ref);
  if (!c || (c.value === null && isBlank(c.raw))) {
    expect(got?.value ?? null, `${id} at ${ref}`).toBeNull();
  } else if (c.value !== null) {
    expect(got, `${id} at ${ref}`).toMatchObject({ type: 'n', value: c.value });
  } else {
    expect(got, `${id} at ${ref}`).toMatchObject({ type: 's', value: c.raw.replace(/\s+/g, ' ').trim() });
  }
}

describe('toXlsx: seed 003 fixture page (4 errors in table 3)', () => {
  let r: Report;
  let wb: ReadWorkbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    r = await seed003Report();
    bytes = await toXlsx(r);
    wb = await readWorkbook(bytes);
  });

  it('the page reads as the fixture says: 4 T3 errors, a warning', () => {
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort()).toEqual(['T3-BALANCE', 'T3-BALANCE', 'T3-RESULT-SUM', 'T3-RESULT-SUM']);
    expect(r.findings.some((f) => f.severity === 'warning')).toBe(true);
  });

  it('has the table sheets, the findings and the long data, in that order', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['表二', '表三', '表四', '核对结果', '数据']);
  });

  it('puts every figure of table 3 under its column label and beside its row label, numbers as numbers', () => {
    const s = wb.sheet('表三');
    const where = locateT3(sheetRows(s), 'F2019');
    const byId = new Map(r.cells.map((c) => [c.id, c]));
    expect(where.size).toBe(t3DataRows('F2019').length * 7);
    for (const [id, ref] of where) expectFigure(s, ref, byId.get(id), id);
    expect(s.cells.get(where.get('T3.new.np')!)).toMatchObject({ type: 'n', value: 1 });
    expect(s.cells.get(where.get('T3.r7_total.np')!)).toMatchObject({ type: 'n', value: 0 });
  });

  it('fills exactly the findings’ cells: red for the errors’ cells, amber for the warning’s only', () => {
    const s = wb.sheet('表三');
    const where = locateT3(sheetRows(s), 'F2019');
    const want = new Map<string, string>();
    for (const [id, sev] of expectedMarks(r)) {
      const ref = where.get(id);
      if (ref) want.set(ref, sev === 'error' ? RED : AMBER);
    }
    expect(marked(s)).toEqual(want);
    // the four errors' own cells are red
    for (const id of ['T3.new.np', 'T3.new.total', 'T3.r7_total.np', 'T3.r7_total.total', 'T3.r1_open.np']) expect(s.cells.get(where.get(id)!)!.fill, id).toBe(RED);
    // a cell only the STRUCT-ROW-CELLS warning involves is amber
    expect(s.cells.get(where.get('T3.r6.biz')!)!.fill).toBe(AMBER);
    expect(want.size).toBeGreaterThan(40);
    for (const name of ['表二', '表四']) expect(marked(wb.sheet(name)).size, name).toBe(0);
  });

  it('gives every marked cell a note with the messages of its findings, and no other cell a note', () => {
    const s = wb.sheet('表三');
    const where = locateT3(sheetRows(s), 'F2019');
    const idAt = new Map([...where].map(([id, ref]) => [ref, id]));
    expect(new Set(s.notes.keys())).toEqual(new Set(marked(s).keys()));
    for (const [ref, note] of s.notes) {
      const msgs = messagesOf(r, idAt.get(ref)!);
      expect(msgs.length).toBeGreaterThan(0);
      for (const m of msgs) expect(note.split('\n')).toContain(m);
    }
    expect(s.notes.get(where.get('T3.new.total')!)).toBe('表三 总计列：第一项 + 第二项 = 1，但第三项 + 第四项 = 0（相差 1）');
    // Excel shows a note only through a VML shape anchored at the same cell
    const anchors = [...s.notes.keys()].map((ref) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      return `${Number(m[2]) - 1},${m[1]!.charCodeAt(0) - 65}`;
    });
    expect(new Set(s.vmlAnchors)).toEqual(new Set(anchors));
  });

  it('draws the two-level header of table 3 and its group labels with merged cells', () => {
    const s = wb.sheet('表三');
    const rows = sheetRows(s);
    const t3 = FORMATS.F2019.tables.T3;
    expect(rows[2]![0]).toBe(t3.corner_note);
    expect(rows[2]![3]).toBe('申请人情况');
    expect(rows[3]![4]).toBe('法人或其他组织');
    expect(s.merges).toEqual(expect.arrayContaining(['A3:C5', 'D3:J3', 'D4:D5', 'E4:I4', 'J4:J5']));
    expect(rows[4]!.slice(4, 9)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    // 三、本年度办理结果 spans from （一）予以公开 to （七）总计; （三）不予公开 over its eight rows
    const rowOf = (label: string) => rows.findIndex((row) => row.includes(label));
    const col = (label: string) => rows[rowOf(label)]!.indexOf(label);
    expect(s.merges).toContain(`${a1(rowOf('三、本年度办理结果'), col('三、本年度办理结果'))}:${a1(rowOf('（七）总计'), 0)}`);
    expect(rowOf('三、本年度办理结果')).toBe(rowOf('（一）予以公开'));
    expect(s.merges).toContain(`${a1(rowOf('1.属于国家秘密'), 1)}:${a1(rowOf('8.属于行政查询事项'), 1)}`);
    expect(s.merges).toContain(`${a1(rowOf('（一）予以公开'), 1)}:${a1(rowOf('（一）予以公开'), 2)}`);
  });

  it('freezes the header rows and label columns and repeats the header on printed pages', () => {
    expect(wb.sheet('表三').frozen).toEqual({ rows: 5, cols: 3 });
    expect(wb.sheet('表二').frozen).toEqual({ rows: 2, cols: 1 });
    expect(wb.sheet('表四').frozen).toEqual({ rows: 5, cols: 0 });
    expect(wb.sheet('核对结果').frozen).toEqual({ rows: 1, cols: 0 });
    expect(wb.sheet('数据').frozen).toEqual({ rows: 1, cols: 0 });
    const titles = wb.definedNames.filter((d) => d.name === '_xlnm.Print_Titles');
    expect(titles).toContainEqual({ name: '_xlnm.Print_Titles', localSheetId: '1', ref: "'表三'!$1:$5" });
  });

  it('lays out table 4 under its two header levels, fifteen figures', () => {
    const rows = sheetRows(wb.sheet('表四'));
    expect(rows[2]![0]).toBe('行政复议');
    expect(rows[2]![5]).toBe('行政诉讼');
    expect([rows[3]![5], rows[3]![10]]).toEqual(['未经复议直接起诉', '复议后起诉']);
    expect(rows[5]!.filter((v) => typeof v === 'number')).toHaveLength(15);
    expect(wb.sheet('表四').merges).toEqual(expect.arrayContaining(['A3:E3', 'F3:O3', 'F4:J4', 'K4:O4', 'A4:A5']));
  });

  it('lists the findings: rule, cells, expected, found, both messages', () => {
    const rows = sheetRows(wb.sheet('核对结果'));
    expect(rows).toHaveLength(r.findings.length + 1);
    r.findings.forEach((f, i) => {
      expect(rows[i + 1]!.slice(1)).toEqual([f.rule, f.cells.join(', '), f.expected, f.found, f.message.zh, f.message.en]);
    });
    expect(wb.sheet('核对结果').cells.get('A2')!.fill).toBe(RED);
  });

  it('writes the long sheet with the long CSV’s fields, numbers typed as numbers', () => {
    const rows = sheetRows(wb.sheet('数据'));
    const csv = records(toCsv(r));
    expect(rows.length - 1).toBe(csv.length);
    const header = rows[0] as string[];
    csv.forEach((rec, i) => {
      header.forEach((h, j) => {
        const v = rows[i + 1]![j] ?? null;
        expect(v === null ? '' : String(v), `${i} ${h}`).toBe(unneutralize(rec[h]!));
        if (h === 'value' && rec[h] !== '') expect(typeof v).toBe('number');
      });
    });
  });

  it('is small (under 64 KB) and the same bytes every time', async () => {
    expect(bytes.length).toBeLessThan(64 * 1024);
    expect(await toXlsx(r)).toEqual(bytes);
    expect(xlsxFileName(r)).toBe('广州市增城区小楼镇人民政府-2020-政府信息公开年报.xlsx');
  });
});

describe('toXlsx: values and texts (export fixtures)', () => {
  const r = f2019Report(hostileMeta());
  let wb: ReadWorkbook;
  beforeAll(async () => {
    wb = await readWorkbook(await toXlsx(r));
  });

  it('keeps "/", "—" and other texts as texts, blanks empty, -8 a number, a unit in the number format', () => {
    const t2 = sheetRows(wb.sheet('表二'));
    const t2s = wb.sheet('表二');
    const at = (rows: (string | number | null)[][], label: string, col: number) => rows[rows.findIndex((x) => x[0] === label)]![col];
    expect(at(t2, '行政处罚', 3)).toBe('/');
    expect(at(t2, '行政许可', 2)).toBe(-8);
    const amountRow = t2.findIndex((x) => x[0] === '政府集中采购');
    const amount = t2s.cells.get(a1(amountRow, 2))!;
    expect(amount).toMatchObject({ type: 'n', value: 251000, format: 'General"元"' });
    const s3 = wb.sheet('表三');
    const where = locateT3(sheetRows(s3), 'F2019');
    expect(s3.cells.get(where.get('T3.r3_3.law')!)).toMatchObject({ type: 's', value: '—' });
    expect(s3.cells.get(where.get('T3.r6.sci')!)).toMatchObject({ type: 's', value: '见说明' });
    expect(s3.cells.get(where.get('T3.r5_2.oth')!)?.value ?? null).toBeNull(); // NBSP only
    expect(s3.cells.get(where.get('T3.new.biz')!)).toMatchObject({ type: 'n', value: 1 }); // '１'
  });

  it('writes formula-like texts verbatim as texts, and no formula anywhere', () => {
    for (const s of wb.sheets) expect(s.xml, s.name).not.toMatch(/<f[ >]/);
    const data = sheetRows(wb.sheet('数据'));
    expect(data[1]![1]).toBe(r.agency);
    expect(data[1]![12]).toBe(r.source);
    const raws = data.map((row) => row[10]);
    for (const h of HOSTILE) expect(raws, JSON.stringify(h)).toContain(h);
    // the leftover row of table 3 (its hostile texts) is written under the table
    const t3 = sheetRows(wb.sheet('表三'));
    const lo = t3.find((row) => row[0] === '（八）小计')!;
    expect(lo.slice(3)).toEqual([12, null, 12, ...HOSTILE.map((h) => (h === '+1' ? 1 : h === '-8' ? -8 : h))]);
  });

  it('carries control characters, CR and _xHHHH_-like texts through', async () => {
    const odd = report({ agency: 'a_x0041_b\u0001c\r\nd\te', cells: [cell('T3.new.np', null, '=1+1\u0000')] });
    const data = sheetRows((await readWorkbook(await toXlsx(odd))).sheet('数据'));
    expect(data[1]![1]).toBe('a_x0041_b\u0001c\r\nd\te');
    expect(data[1]![10]).toBe('=1+1\u0000');
  });

  it('marks the fixture’s error (red) and warning (amber) cells in table 3', () => {
    const s = wb.sheet('表三');
    const where = locateT3(sheetRows(s), 'F2019');
    const want = new Map([...expectedMarks(r)].map(([id, sev]) => [where.get(id)!, sev === 'error' ? RED : AMBER]));
    expect(marked(s)).toEqual(want);
    expect(s.notes.get(where.get('T3.new.total')!)).toBe('表三 总计列：第一项 + 第二项 = 6，但第三项 + 第四项 = 6\n总计列');
  });

  it('writes notes in English when asked', async () => {
    const en = await readWorkbook(await toXlsx(r, { lang: 'en' }));
    const s = en.sheet('表三');
    const where = locateT3(sheetRows(s), 'F2019');
    expect(s.notes.get(where.get('T3.new.total')!)).toBe('T3 total column\ntotal column');
  });
});

describe('toXlsx: several reports', () => {
  const list = [f2019Report(hostileMeta()), f2021Report(), f2021Report({ agency: '另一镇', findings: [{ rule: 'T3-BALANCE', severity: 'warning', cells: ['T3.new.np'], expected: 1, found: 2, message: { zh: '警告一', en: 'w1' } }] })];
  let wb: ReadWorkbook;
  beforeAll(async () => {
    wb = await readWorkbook(await toXlsx(list));
  });

  it('has one line per report first, then the findings and every cell', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['报告', '核对结果', '数据']);
  });

  it('writes the report CSV’s fields in 报告, typed, with the findings’ cells marked', () => {
    const s = wb.sheet('报告');
    const rows = sheetRows(s);
    const csv = records(toCsv(list, { shape: 'report' }));
    const header = rows[0] as string[];
    expect(rows).toHaveLength(list.length + 1);
    csv.forEach((rec, i) => {
      header.forEach((h, j) => {
        const v = rows[i + 1]![j] ?? null;
        expect(v === null ? '' : String(v), `${i} ${h}`).toBe(unneutralize(rec[h]!));
      });
    });
    expect(rows[1]![header.indexOf('T2.s5_license.delta')]).toBe(-8);
    const want = new Map<string, string>();
    list.forEach((r, i) => {
      for (const [id, sev] of expectedMarks(r)) {
        const col = header.indexOf(id);
        if (col >= 0) want.set(a1(i + 1, col), sev === 'error' ? RED : AMBER);
      }
    });
    expect(want.size).toBe(5);
    expect(marked(s)).toEqual(want);
    expect(s.notes.get(a1(3, header.indexOf('T3.new.np')))).toBe('警告一');
  });

  it('names the report of each finding', () => {
    const rows = sheetRows(wb.sheet('核对结果'));
    expect(rows).toHaveLength(1 + 2 + 1);
    expect(rows[1]!.slice(0, 5)).toEqual([list[0]!.source, list[0]!.agency, 2020, '错误 error', 'T3-BALANCE']);
    expect(rows[3]!.slice(1, 5)).toEqual(['另一镇', 2021, '警告 warning', 'T3-BALANCE']);
  });

  it('stacks every report’s cells in 数据, marking the findings’ values', () => {
    const s = wb.sheet('数据');
    const rows = sheetRows(s);
    expect(rows.length - 1).toBe(records(toCsv(list)).length);
    const valueCol = (rows[0] as string[]).indexOf('value');
    const markedRows = [...marked(s).keys()].map((ref) => Number(/\d+$/.exec(ref)![0]) - 1);
    expect(markedRows.map((i) => rows[i]![0]).sort()).toEqual(['T3.carry_in.total', 'T3.carry_out.total', 'T3.new.np', 'T3.new.total', 'T3.r7_total.total'].sort());
    for (const ref of marked(s).keys()) expect(ref.replace(/\d+$/, '')).toBe(String.fromCharCode(65 + valueCol));
  });

  it('writes an empty list as headers only, and a page that is not a report without table sheets', async () => {
    const empty = await readWorkbook(await toXlsx([]));
    expect(empty.sheets.map((s) => [s.name, sheetRows(s).length])).toEqual([['报告', 1], ['核对结果', 1], ['数据', 1]]);
    const none = report({ isReport: false, cells: [], tables: [], format: null });
    expect(workbookSheets([none]).map((s) => s.name)).toEqual(['核对结果', '数据']);
  });

  it('continues the long data on 数据 2, 数据 3 … past the row limit', () => {
    const r = f2021Report();
    const sheets = longSheets([r, r], [cellMarks(r, 'zh'), cellMarks(r, 'zh')], 100);
    const n = 2 * r.cells.length;
    expect(sheets.map((s) => s.name)).toEqual(Array.from({ length: Math.ceil(n / 100) }, (_, i) => (i ? `数据 ${i + 1}` : '数据')));
    expect(sheets.reduce((k, s) => k + s.height - 1, 0)).toBe(n);
    expect(sheets.every((s) => s.height <= 101)).toBe(true);
  });
});

describe('zip writer', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes archives other readers open, deflated or stored', async () => {
    const big = new TextEncoder().encode('表三 '.repeat(2000));
    const entries = [{ name: 'a/表.xml', data: big }, { name: 'empty', data: new Uint8Array(0) }, { name: 'b.bin', data: new Uint8Array([0, 255, 7]) }];
    for (const compress of [true, false]) {
      const bytes = await zip(entries, compress);
      const z = await JSZip.loadAsync(bytes);
      expect(Object.keys(z.files)).toEqual(['a/表.xml', 'empty', 'b.bin']);
      expect(await z.file('a/表.xml')!.async('uint8array')).toEqual(big);
      expect(await z.file('empty')!.async('uint8array')).toEqual(new Uint8Array(0));
      expect(await z.file('b.bin')!.async('uint8array')).toEqual(new Uint8Array([0, 255, 7]));
      if (compress) expect(bytes.length).toBeLessThan(big.length / 10);
      else expect(bytes.length).toBeGreaterThan(big.length);
    }
  });
});

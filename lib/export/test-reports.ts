// Test-only Report builders for the export tests (imported by *.test.ts only). Every report
// goes through Report.parse so the fixtures stay valid Reports.
import Papa from 'papaparse';
import { Report, type CellFlag, type ReportCell, type TableId } from '../report';
import { cellIds } from '../spec';
import { FORMULA_START } from './neutralize';

export function cell(id: string, value: number | null, raw = value === null ? '' : String(value), extra: { unit?: string; flags?: CellFlag[] } = {}): ReportCell {
  const [table, row, col] = id.split('.') as [TableId, string, string];
  const flags = extra.flags ?? (raw.trim() === '' ? ['blank'] : []);
  return { id, table, row, col, value, raw, unit: extra.unit ?? null, flags, loc: { grid: 0, row: 0, col: 0 } };
}

export function report(over: Partial<Report>): Report {
  return Report.parse({
    schema: 1,
    source: 'https://www.example.gov.cn/xxgk/2021/report.html',
    title: '2020年政府信息公开工作年度报告',
    readAt: '2021-02-01T08:00:00.000Z',
    isReport: true,
    agency: '庄口镇人民政府',
    year: 2020,
    format: 'F2019',
    tables: ['T2', 'T3', 'T4'],
    cells: [],
    findings: [],
    unrecognized: [],
    leftovers: [],
    attachments: [],
    notice: null,
    ...over,
  });
}

/** Texts a spreadsheet would run; each must come out neutralised. */
export const HOSTILE = ["=cmd|' /C calc'!A0", '+1', '@x', '-2+3', '\tx', '\r\nx', '=a\nb', '-8'];

/** A 2020 report in the 2019 format: T2 (with a signed -8 and a unit), the whole T3, T4. */
export function f2019Report(over: Partial<Report> = {}): Report {
  const cells: ReportCell[] = [
    cell('T2.s1_regulation.new_made', 0),
    cell('T2.s1_normative.new_made', 3, ' 3 '),
    cell('T2.s5_license.prev_items', 120),
    cell('T2.s5_license.delta', -8, '-8', { flags: ['signed'] }),
    cell('T2.s5_license.decisions', 1034),
    cell('T2.s6_penalty.decisions', null, '/', { flags: ['not_applicable'] }),
    cell('T2.s9_procurement.amount', 251000, '251000元', { unit: '元', flags: ['unit'] }),
  ];
  // T3 every data row of the format; a few notable raws among the zeros
  const special: Record<string, ReportCell> = {
    'T3.new.np': cell('T3.new.np', 5),
    'T3.new.total': cell('T3.new.total', 6),
    'T3.new.biz': cell('T3.new.biz', 1, '１'),
    'T3.r1_open.np': cell('T3.r1_open.np', 4),
    'T3.r1_open.total': cell('T3.r1_open.total', 4),
    'T3.r7_total.np': cell('T3.r7_total.np', 4),
    'T3.r7_total.total': cell('T3.r7_total.total', 5),
    'T3.carry_out.np': cell('T3.carry_out.np', 1),
    'T3.carry_out.total': cell('T3.carry_out.total', 1),
    'T3.r3_3.law': cell('T3.r3_3.law', null, '—', { flags: ['not_applicable'] }),
    'T3.r5_2.oth': cell('T3.r5_2.oth', null, '\u00a0'),
    'T3.r6.sci': cell('T3.r6.sci', null, '见说明', { flags: ['not_a_number'] }),
    'T3.r6.ngo': cell('T3.r6.ngo', null, '-', { flags: ['not_applicable'] }),
  };
  for (const id of cellIds('F2019')) if (id.startsWith('T3.')) cells.push(special[id] ?? cell(id, 0));
  for (const id of cellIds('F2019')) if (id.startsWith('T4.')) cells.push(cell(id, id === 'T4.review.upheld' || id === 'T4.review.total' ? 1 : 0));
  return report({
    cells,
    findings: [
      {
        rule: 'T3-BALANCE',
        severity: 'error',
        cells: ['T3.new.total', 'T3.carry_in.total', 'T3.r7_total.total', 'T3.carry_out.total'],
        expected: 6,
        found: 6,
        message: { zh: '表三 总计列：第一项 + 第二项 = 6，但第三项 + 第四项 = 6', en: 'T3 total column' },
        table: 'T3',
        col: 'total',
      },
      { rule: 'T3-COL-SUM', severity: 'warning', cells: ['T3.new.total'], expected: 6, found: 6, message: { zh: '总计列', en: 'total column' } },
    ],
    leftovers: [{ table: 'T3', label: '（八）小计', cells: ['12', '', '１２', ...HOSTILE], reason: 'extra row', loc: null }],
    unrecognized: [
      {
        id: 'other-1',
        caption: '附表',
        rows: [
          ['项目', '数量', ''],
          ['=SUM(A1:A9)', '7', '-3'],
          ['', '  ', '\r\nx'],
          ['  ', '', ''],
        ],
        grid: 3,
      },
    ],
    ...over,
  });
}

/** The same agency's next year, in the 2021 format (for stacking). */
export function f2021Report(over: Partial<Report> = {}): Report {
  const cells = cellIds('F2021')
    .filter((id) => !id.startsWith('T2.') || id.startsWith('T2.s1_'))
    .map((id, i) => cell(id, i % 5));
  return report({ year: 2021, format: 'F2021', readAt: '2022-02-01T08:00:00.000Z', cells, ...over });
}

/** Agency and source a CSV writer must quote and neutralise. */
export function hostileMeta(): Partial<Report> {
  return { agency: '=HYPERLINK("http://x/?a,b")\n某镇,"人民"政府', source: '@https://x.example/a,b"c\r\nd' };
}

/** Undo the neutralising apostrophe (the inverse of neutralize for the texts the tests use). */
export function unneutralize(s: string): string {
  return s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}

/** CRLF everywhere: outside quoted fields no bare CR or LF, and the text ends with CRLF. */
export function lineEndsOk(text: string): boolean {
  const outside = text.replace(/"(?:[^"]|"")*"/g, '');
  return !/\r(?!\n)|(?<!\r)\n/.test(outside) && text.endsWith('\r\n');
}

/** Parse a CSV the way a reader would (papaparse, RFC 4180), without the empty last line. */
export function parseCsv(text: string): string[][] {
  const rows = Papa.parse<string[]>(text, { newline: '\r\n' }).data;
  const last = rows[rows.length - 1];
  return last && last.length === 1 && last[0] === '' ? rows.slice(0, -1) : rows;
}

/** The parsed lines as records keyed by the header. */
export function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

// @vitest-environment jsdom
// Hostile and broken pages through the FULL pipeline (extractPage → analyzeExtract → toCsv /
// toTsv / toJson): huge spans, 10,000 tables, tables nested 500 deep, a 5 MB text node, markup and
// scripts in cells, invisible and direction marks inside numbers, numbers that are not numbers.
// Each must finish and give the right figures or a clear finding, never an exception. No timing is
// asserted here (speed is the benchmark's business) and nothing is printed. Pages are parsed with
// the CLI's DOM (cli/lite-dom.ts) and, where said, with linkedom and with jsdom (this file's
// environment: a browser-like parser).
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { parseLiteHtml } from '../../../cli/lite-dom';
import { extractPage } from '../../../lib/extract/page';
import { analyzeExtract } from '../../../lib/analyze';
import { Report } from '../../../lib/report';
import { toCsv, toJson, toTsv } from '../../../lib/export';
import { cellIds } from '../../../lib/spec';
import {
  HTML_PAD,
  expectedFindings,
  findingKey,
  htmlPage,
  reportArb,
  styleArb,
  type ExpectedFinding,
  type GenPage,
  type GenReport,
  type HtmlShape,
  type Overrides,
  type TextStyle,
} from '../../fixtures/generate';
import { differences } from '../property/verify';

const READ_AT = '2026-01-01T00:00:00.000Z';
const linkedom = (h: string) => parseHTML(h).document as unknown as Document;
const cliDom = (h: string) => parseLiteHtml(h) as unknown as Document;
const jsdom = (h: string) => new DOMParser().parseFromString(h, 'text/html');

/** The whole pipeline; the exports are made (and parsed) as the popup and the CLI would. */
function pipeline(html: string, parse: (h: string) => Document = cliDom) {
  const report = analyzeExtract(extractPage(parse(html), 'hostile.html'), { readAt: READ_AT });
  Report.parse(report);
  const long = toCsv(report);
  const wide = toCsv(report, { shape: 'wide' });
  const one = toCsv(report, { shape: 'report' });
  const tsv = toTsv(report);
  const json = toJson(report);
  return { report, long, wide, one, tsv, json };
}

const records = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

/** A valid F2021 report (fixed seeds), printed without blanks or zero words so that every figure cell
 *  holds text: the base the hostile bits are injected into. */
function base(seed = 2024): { report: GenReport; style: TextStyle } {
  const [report] = fc.sample(reportArb({ format: 'F2021', plant: false }), { numRuns: 1, seed });
  const [style] = fc.sample(styleArb(HTML_PAD), { numRuns: 1, seed });
  return { report: report!, style: { ...style!, blank: 0, zeroWord: 0, feeYuan: false } };
}

function page(shape: HtmlShape = 'cms', overrides: Overrides = {}, patch: Partial<TextStyle> = {}): GenPage {
  const { report, style } = base();
  return htmlPage(report, { ...style, ...patch }, shape, overrides);
}

/** Errors and warnings a correct reader gives where some cells hold other texts: the spec's rules on
 *  the figures read (an unreadable cell counts as 0, and a failure it is part of is a warning), plus
 *  STRUCT-NOT-A-NUMBER for each unreadable cell. */
function expectedWith(report: GenReport, overrides: Overrides): ExpectedFinding[] {
  const values = { ...report.values };
  const unreadable = new Set<string>();
  for (const [id, o] of Object.entries(overrides)) {
    values[id] = o.value ?? 0;
    if (o.value === null) unreadable.add(id);
  }
  const out = expectedFindings(report.format, values).map((f) => (f.cells.some((c) => unreadable.has(c)) ? { ...f, severity: 'warning' as const } : f));
  for (const id of unreadable) out.push({ rule: 'STRUCT-NOT-A-NUMBER', severity: 'warning', cells: [id] });
  return out;
}

const keys = (fs: { rule: string; severity: string; cells: readonly string[] }[]) => fs.map(findingKey).sort();

describe('hostile bits injected into a real report page', () => {
  const { report } = base();
  const v = (id: string) => report.values[id]!;
  const FW = (s: string) => s.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const mid = (s: string, mark: string) => s.slice(0, Math.ceil(s.length / 2)) + mark + s.slice(Math.ceil(s.length / 2));
  const IMG = '<img src=x onerror=alert(1)>';
  const SCRIPT = '<script>alert(document.cookie)</script>';
  const overrides: Overrides = {
    // markup and script as text (the page escapes it: &lt;img …&gt;)
    'T3.new.np': { value: null, text: IMG, unit: null },
    'T3.r1_open.biz': { value: null, text: SCRIPT, unit: null },
    'T2.s1_regulation.made': { value: null, text: '=HYPERLINK("http://x")', unit: null },
    // numbers that are not numbers
    'T3.r3_1.sci': { value: null, text: '1e9', unit: null },
    'T3.r4_1.ngo': { value: null, text: '0x10', unit: null },
    'T3.r5_1.law': { value: null, text: '99999999999999999999', unit: null },
    // right-to-left override: shown reversed, so not read
    'T4.lit_after_review.pending': { value: null, text: `\u202e${String(v('T4.lit_after_review.pending')).padStart(2, '0')}`, unit: null },
    // numbers that are numbers
    'T3.r2_partial.np': { value: v('T3.r2_partial.np'), text: FW(v('T3.r2_partial.np').toLocaleString('en-US')), unit: null },
    'T4.review.upheld': { value: v('T4.review.upheld'), text: mid(String(v('T4.review.upheld')), '\u200b'), unit: null },
    'T4.review.total': { value: v('T4.review.total'), text: `\ufeff${mid(String(v('T4.review.total')), '\ufeff')}`, unit: null },
    'T4.lit_direct.other': { value: v('T4.lit_direct.other'), text: `\u200e${mid(String(v('T4.lit_direct.other')), '\u200f')}\u202a`, unit: null },
    'T3.r6_3.total': { value: v('T3.r6_3.total'), text: `\u202d${v('T3.r6_3.total')}\u202c\u2060`, unit: null },
    // a fraction in a count column: read, and a domain error
    'T3.carry_out.oth': { value: v('T3.carry_out.oth') + 0.5, text: `${v('T3.carry_out.oth')}.5件`, unit: '件' },
    // a real <script> element in a cell: never text (the marker is replaced in the HTML below)
    'T2.s5_license.decisions': { value: v('T2.s5_license.decisions'), text: `SCRIPT_HERE${v('T2.s5_license.decisions')}`, unit: null },
  };
  const withScript = (p: GenPage): GenPage => ({
    ...p,
    source: p.source.replace('SCRIPT_HERE', '<script>window.pwned = "PWNED-BY-CELL"</script><style>td{color:red}</style>'),
    cells: { ...p.cells, 'T2.s5_license.decisions': { ...overrides['T2.s5_license.decisions']!, text: String(v('T2.s5_license.decisions')) } },
    expected: expectedWith(report, overrides),
  });

  for (const shape of ['cms', 'word', 'word-split'] as const) {
    for (const [dom, parse] of [
      ['the CLI DOM', cliDom],
      ['linkedom', linkedom],
      ['jsdom', jsdom],
    ] as const) {
      it(`${shape} page on ${dom}: every other figure right, the hostile cells read as text or flagged`, () => {
        const p = withScript(page(shape, overrides));
        expect(p.source).toContain('&lt;img src=x onerror=alert(1)&gt;');
        const { report: r } = pipeline(p.source, parse);
        expect(differences(p, r)).toEqual([]);
        expect(keys(r.findings.filter((f) => f.severity !== 'info'))).toEqual(keys(p.expected));
      });
    }
  }

  it('markup and script come out only as text: in the Report, the CSV shapes, the TSV and the JSON', () => {
    const p = withScript(page('cms', overrides));
    const { report: r, long, wide, one, tsv, json } = pipeline(p.source);
    const img = r.cells.find((c) => c.id === 'T3.new.np')!;
    expect(img).toMatchObject({ raw: IMG, value: null, unit: null });
    expect(img.flags).toContain('not_a_number');
    expect(r.cells.find((c) => c.id === 'T3.r1_open.biz')!.raw).toBe(SCRIPT);
    // the <script> element inside a cell is not text: its code is nowhere
    for (const out of [long, wide, one, tsv, json, JSON.stringify(r)]) expect(out).not.toContain('PWNED-BY-CELL');
    expect(r.cells.find((c) => c.id === 'T2.s5_license.decisions')!.value).toBe(v('T2.s5_license.decisions'));
    // the texts reach every export as one field, unchanged or neutralised
    const rec = records(long).find((x) => x.cell_id === 'T3.new.np')!;
    expect([rec.raw, rec.value]).toEqual([IMG, '']);
    expect(records(long).find((x) => x.cell_id === 'T3.r1_open.biz')!.raw).toBe(SCRIPT);
    expect(records(long).find((x) => x.cell_id === 'T2.s1_regulation.made')!.raw).toBe(`'=HYPERLINK("http://x")`);
    expect(records(one)[0]!['T3.new.np']).toBe(IMG);
    expect(records(wide).find((x) => x.table === 'T3' && x.row_id === 'new')!['T3.np']).toBe(IMG);
    expect(tsv.split('\r\n').some((l) => l.split('\t').includes(IMG))).toBe(true);
    expect((JSON.parse(json) as Report[])[0]!.cells.find((c) => c.id === 'T3.new.np')!.raw).toBe(IMG);
    // and the one-line messages quote them as text
    const f = r.findings.find((x) => x.rule === 'STRUCT-NOT-A-NUMBER' && x.cells[0] === 'T3.new.np')!;
    expect(f.message.zh).toContain(`“${IMG}”`);
  });

  it('what each number that is not a number reads as', () => {
    const { report: r } = pipeline(withScript(page('cms', overrides)).source);
    const cell = (id: string) => r.cells.find((c) => c.id === id)!;
    for (const id of ['T3.r3_1.sci', 'T3.r4_1.ngo', 'T3.r5_1.law', 'T4.lit_after_review.pending']) {
      expect(cell(id).value, id).toBeNull();
      expect(cell(id).raw).toBe(overrides[id]!.text);
      expect(r.findings.some((f) => f.rule === 'STRUCT-NOT-A-NUMBER' && f.cells[0] === id && f.severity === 'warning'), id).toBe(true);
    }
    expect(cell('T3.carry_out.oth')).toMatchObject({ value: v('T3.carry_out.oth') + 0.5, unit: '件' });
    expect(r.findings.find((f) => f.rule === 'T3-NONNEG-INT')).toMatchObject({ severity: 'error', cells: ['T3.carry_out.oth'] });
    // full-width digits and separators, zero-width and direction marks: the figure as shown
    for (const id of ['T3.r2_partial.np', 'T4.review.upheld', 'T4.review.total', 'T4.lit_direct.other', 'T3.r6_3.total']) expect(cell(id).value, id).toBe(v(id));
  });
});

describe('huge spans', () => {
  it('rowspan 65534 and colspan 1000 in a table of their own: clamped, every cell kept', () => {
    const p = page('cms');
    const extra = '<p>附表</p><table><tr><td rowspan="65534" colspan="1000">跨</td><td>1</td></tr><tr><td>2</td></tr><tr><td colspan="1000">3</td><td rowspan="0">4</td></tr></table>';
    const { report: r, long } = pipeline(p.source.replace('</body>', `${extra}</body>`));
    expect(differences({ ...p }, { ...r, unrecognized: [] })).toEqual([]);
    expect(r.unrecognized).toHaveLength(1);
    const rows = r.unrecognized[0]!.rows;
    // the rowspan stops at the end of its row group (all 3 rows), so '3' starts at column 1000 and
    // '4' at 2000; the columns only spans cover are left out of the raw rows, every text is kept
    expect(rows).toEqual([
      ['跨', '1', ''],
      ['', '2', ''],
      ['', '3', '4'],
    ]);
    const g = extractPage(linkedom(p.source.replace('</body>', `${extra}</body>`))).grids.at(-1)!;
    expect(g.cells.map((c) => [c.raw, c.row, c.col, c.rowspan, c.colspan])).toEqual([
      ['跨', 0, 0, 3, 1000],
      ['1', 0, 1000, 1, 1],
      ['2', 1, 1000, 1, 1],
      ['3', 2, 1000, 1, 1000],
      ['4', 2, 2000, 1, 1],
    ]);
    const other = records(long).filter((x) => x.table === 'other-1').map((x) => x.raw);
    expect(other.sort()).toEqual(['1', '2', '3', '4', '跨']);
  });

  it('rowspan 65534 on 三、本年度办理结果 and colspan 1000 on 一、 inside table 3: the figures are still read', () => {
    const p = page('cms', {}, { t3Layout: 'nested' });
    const t3 = p.source.indexOf('申请人情况');
    const html =
      p.source.slice(0, t3) +
      p.source
        .slice(t3)
        .replace(/<td rowspan="2[02]">/, '<td rowspan="65534">')
        .replace('<td colspan="3">', '<td colspan="1000">');
    expect(html).toContain('rowspan="65534"');
    expect(html).toContain('colspan="1000"');
    const { report: r } = pipeline(html);
    expect(differences(p, r)).toEqual([]);
  });
});

describe('many and deep tables', () => {
  it('10,000 tables after the report: the report read, the rest kept raw up to the limit, and said so', () => {
    const p = page('cms');
    const many = Array.from({ length: 10_000 }, (_, i) => `<table><tr><td>附${i}</td></tr></table>`).join('');
    const { report: r, long } = pipeline(p.source.replace('</body>', `${many}</body>`));
    expect(differences(p, { ...r, unrecognized: [], notice: null })).toEqual([]);
    // 10,003 tables: the first 10,000 are read (the report's 3 and 9,997 others)
    expect(r.unrecognized).toHaveLength(9_997);
    expect(r.unrecognized.at(-1)!.rows).toEqual([['附9996']]);
    expect(r.notice?.en).toMatch(/10003 tables: only the first 10000 read/);
    expect(records(long).filter((x) => (x.table ?? '').startsWith('other-'))).toHaveLength(9_997);
  });

  it('a table nested 500 deep: read, the innermost text kept, nothing thrown', () => {
    const p = page('cms');
    const deep = `${'<table><tr><td>'.repeat(500)}最深处 42${'</td></tr></table>'.repeat(500)}`;
    const { report: r, long } = pipeline(p.source.replace('</body>', `${deep}</body>`));
    expect(differences(p, { ...r, unrecognized: [] })).toEqual([]);
    expect(r.notice).toBeNull();
    // only the innermost table has text of its own (a cell's text leaves out the tables inside it)
    expect(r.unrecognized.map((t) => t.rows)).toEqual([[['最深处 42']]]);
    expect(records(long).filter((x) => (x.table ?? '').startsWith('other-')).map((x) => x.raw)).toEqual(['最深处 42']);
  });

  it('nested 500 deep on jsdom too', () => {
    const deep = `${'<table><tr><td>'.repeat(500)}x${'</td></tr></table>'.repeat(500)}`;
    const { report: r } = pipeline(`<html><body>${deep}</body></html>`, jsdom);
    expect(r.isReport).toBe(false);
    expect(r.unrecognized.map((t) => t.rows)).toEqual([[['x']]]);
  });
});

describe('huge text', () => {
  it('a 5 MB text node in the page and in a cell: figures read, the cell cut with a reason', () => {
    const p = page('cms');
    const big = '长'.repeat(5 * 1024 * 1024);
    const extra = `<p>${big}</p><table><tr><td>备注</td><td>${big}</td></tr></table>`;
    const { report: r, long } = pipeline(p.source.replace('</body>', `${extra}</body>`));
    expect(differences(p, { ...r, unrecognized: [], notice: null })).toEqual([]);
    expect(r.unrecognized).toHaveLength(1);
    const cell = r.unrecognized[0]!.rows[0]![1]!;
    expect(cell.length).toBeGreaterThan(1000);
    expect(cell.length).toBeLessThanOrEqual(100_000);
    expect(r.notice?.en).toMatch(/cut/);
    expect(records(long).some((x) => x.raw === cell)).toBe(true);
  });
});

describe('every figure id of the format survives all of it at once', () => {
  it('hostile extras around a word page: same figures as the clean page', () => {
    const p = page('word');
    const junk = `${'<table><tr><td>'.repeat(50)}x${'</td></tr></table>'.repeat(50)}<table><tr><td rowspan="65534" colspan="1000">&lt;script&gt;</td></tr></table>`;
    const { report: r } = pipeline(p.source.replace('<body>', `<body>${junk}`));
    const clean = pipeline(p.source).report;
    const figures = (x: Report) => Object.fromEntries(x.cells.map((c) => [c.id, c.value]));
    expect(figures(r)).toEqual(figures(clean));
    expect(Object.keys(figures(r)).sort()).toEqual([...cellIds('F2021')].sort());
  });
});

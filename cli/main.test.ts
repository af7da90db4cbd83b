import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main, parseArgs, type Io } from './main';
import { decode } from './read-source';
import { Report } from '../lib/report';
import { toCsv, toJson } from '../lib/export';
import { analyzeExtract } from '../lib/analyze';
import { readSource } from './read-source';

const dir = mkdtempSync(join(tmpdir(), 'cli-'));
const page = join(dir, 'page.html');
writeFileSync(
  page,
  `<html><head><meta charset="utf-8"><title>某某镇人民政府2021年政府信息公开工作年度报告</title></head><body>
  <table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>12</td></tr></table>
  <table><tr><td>行政复议</td><td colspan="10">行政诉讼</td></tr>
  <tr><td>${Array(15).fill('1').join('</td><td>')}</td></tr></table></body></html>`,
);

const SEEDS = join(import.meta.dirname, '..', 'tests', 'fixtures', 'seeds');
const seedPages = readdirSync(SEEDS).filter((f) => f.endsWith('.html')).sort().map((f) => join(SEEDS, f));

/** A stream that keeps what is written to it. */
function sink(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(c: Buffer, _e, cb) {
      chunks.push(Buffer.from(c));
      cb();
    },
  });
  return Object.assign(w, { text: () => Buffer.concat(chunks).toString('utf8') });
}

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const io: Io = { stdout, stderr, stdin: () => Readable.from([stdin]) };
  const code = await main(argv, io);
  return { code, out: stdout.text(), err: stderr.text() };
}

/** Two consecutive years of one agency whose carried-over applications disagree. */
function yearPages(where: string): { a: string; b: string } {
  const carry = (year: number, t3: string) =>
    `<html><head><meta charset="utf-8"><title>某某镇人民政府${year}年政府信息公开工作年度报告</title></head><body>${t3}</body></html>`;
  const row = (label: string, v: number) => `<tr><td>${label}</td>${[v, 0, 0, 0, 0, 0, v].map((x) => `<td>${x}</td>`).join('')}</tr>`;
  const head = '<tr><td>申请人</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>';
  mkdirSync(where, { recursive: true });
  const a = join(where, 'y2021.html');
  const b = join(where, 'y2022.html');
  writeFileSync(a, carry(2021, `<table>${head}${row('一、本年新收政府信息公开申请数量', 1)}${row('四、结转下年度继续办理', 1)}</table>`));
  writeFileSync(b, carry(2022, `<table>${head}${row('一、本年新收政府信息公开申请数量', 0)}${row('二、上年结转政府信息公开申请数量', 3)}</table>`));
  return { a, b };
}

describe('cli', () => {
  it('prints JSON Reports that the schema accepts, exit 0 whatever the findings', async () => {
    const { code, out } = await run([page, '--format', 'json', '--jobs', '1']);
    expect(code).toBe(0);
    const reports = JSON.parse(out) as unknown[];
    expect(reports).toHaveLength(1);
    const r = Report.parse(reports[0]);
    expect(r.year).toBe(2021);
    expect(r.cells.find((c) => c.id === 'T2.s5_license.decisions')?.value).toBe(12);
    // 1+1+1+1 ≠ 1: the T4 sums fail and are reported as errors
    expect(r.findings.filter((f) => f.rule === 'T4-REV-SUM' && f.severity === 'error')).toHaveLength(1);
  });

  it('streams JSON and CSV byte for byte as the whole-list exports write them', async () => {
    const reports = await Promise.all(seedPages.map(async (p) => analyzeExtract(await readSource(p))));
    const strip = (s: string) => s.replace(/"readAt": ?"[^"]*"/g, '"readAt":""');
    const json = await run([...seedPages, '--format', 'json', '--jobs', '1']);
    expect(strip(json.out)).toBe(strip(toJson(reports) + '\n'));
    const jsonl = await run([...seedPages, '--format', 'jsonl', '--jobs', '1']);
    expect(jsonl.out.trimEnd().split('\n').map((l) => strip(l))).toEqual(reports.map((r) => strip(JSON.stringify(r))));
    for (const shape of ['long', 'wide'] as const) {
      const csv = await run([...seedPages, '--format', 'csv', '--shape', shape, '--bom', '--jobs', '1']);
      expect(csv.out).toBe(toCsv(reports, { shape, bom: true }));
    }
  });

  it('prints CSV in the shape asked for, one line per report with the cross-year columns at the end', async () => {
    const { code, out } = await run([page, '--format', 'csv', '--shape', 'report', '--bom', '--jobs', '1']);
    expect(code).toBe(0);
    expect(out.startsWith('\uFEFF')).toBe(true);
    const lines = out.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.endsWith(',record,cross_year_previous,cross_year_findings,cross_year_rules')).toBe(true);
    expect(lines[1]!.endsWith(',report,,,')).toBe(true);
    const lib = toCsv([analyzeExtract(await readSource(page))], { shape: 'report' }).split('\r\n');
    expect(lines[1]!.slice(0, -',report,,,'.length).replace(/,\d{4}-[^,]*Z,/, ',')).toBe(lib[1]!.replace(/,\d{4}-[^,]*Z,/, ','));
  });

  it('says which file it could not read and exits 1; a summary line ends stderr', async () => {
    const { code, out, err } = await run([join(dir, 'missing.html'), page, '--jobs', '1']);
    expect(code).toBe(1);
    expect(err).toContain('cannot read');
    expect(err).toContain('missing.html: no such file');
    expect(err.trimEnd().split('\n').pop()).toMatch(/^check: 2 files, 1 report, 1 with errors, 0 not reports, 1 unreadable; /);
    expect(out).toContain('某某镇人民政府');
    expect(out).not.toContain('check:');
  });

  it('checks two consecutive years of one agency given together (text)', async () => {
    const { a, b } = yearPages(join(dir, 'text-years'));
    const { code, out } = await run([b, a, '--jobs', '1']);
    expect(code).toBe(0);
    const cross = out.slice(out.indexOf('== 跨年度核对'));
    expect(cross).toContain('某某镇人民政府 2021 → 2022');
    expect(cross.match(/\[X-T3-CARRY\]/g)).toHaveLength(2);
    expect(cross).toContain('总计列：本年“二、上年结转” = 3，但 2021 年报告“四、结转下年度继续办理” = 1');
  });

  it('JSONL: the later year carries the cross-year findings when the earlier came first, a trailing record otherwise', async () => {
    const { a, b } = yearPages(join(dir, 'jsonl-years'));
    const inOrder = (await run([a, b, '--format', 'jsonl', '--jobs', '1'])).out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(inOrder).toHaveLength(2);
    const later = inOrder[1] as { year: number; findings: { rule: string; crossYear?: { year: number; source: string } }[] };
    expect(later.year).toBe(2022);
    const cross = later.findings.filter((f) => f.crossYear);
    expect(cross.map((f) => f.rule)).toEqual(['X-T3-CARRY', 'X-T3-CARRY']);
    expect(cross[0]!.crossYear).toEqual({ year: 2021, source: a });
    // the schema still reads the report (the mark is an extra key)
    expect(Report.parse(later).findings.length).toBe(later.findings.length);

    const reversed = (await run([b, a, '--format', 'jsonl', '--jobs', '1'])).out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(reversed).toHaveLength(3);
    expect((reversed[0] as { findings: { crossYear?: unknown }[] }).findings.some((f) => f.crossYear)).toBe(false);
    const trailing = reversed[2] as { record: string; year: number; source: string; previous: { year: number; source: string }; findings: unknown[] };
    expect(trailing).toMatchObject({ record: 'cross-year', year: 2022, source: b, previous: { year: 2021, source: a } });
    expect(trailing.findings).toHaveLength(2);

    const json = JSON.parse((await run([b, a, '--format', 'json', '--jobs', '1'])).out) as { record?: string }[];
    expect(json.map((r) => r.record ?? 'report')).toEqual(['report', 'report', 'cross-year']);
  });

  it('CSV report shape: cross-year columns on the later line, or a closing cross-year line', async () => {
    const { a, b } = yearPages(join(dir, 'csv-years'));
    const inOrder = (await run([a, b, '--format', 'csv', '--shape', 'report', '--jobs', '1'])).out.split('\r\n').filter(Boolean);
    expect(inOrder).toHaveLength(3);
    expect(inOrder[2]!.endsWith(`,report,${a},2,X-T3-CARRY(np); X-T3-CARRY(total)`)).toBe(true);
    const reversed = (await run([b, a, '--format', 'csv', '--shape', 'report', '--jobs', '1'])).out.split('\r\n').filter(Boolean);
    expect(reversed).toHaveLength(4);
    expect(reversed[3]!.startsWith(`${b},某某镇人民政府,2022,`)).toBe(true);
    expect(reversed[3]!.endsWith(`,cross-year,${a},2,X-T3-CARRY(np); X-T3-CARRY(total)`)).toBe(true);
    expect(reversed[3]!.split(',').length).toBe(reversed[0]!.split(',').length);
  });

  it('walks a directory: reports read, non-reports and unreadable files told on stderr, exit 1 only for the unreadable', async () => {
    const d = join(dir, 'walk');
    mkdirSync(join(d, 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(d, 'b.html'), readFileSync(page));
    writeFileSync(join(d, 'sub', 'deeper', 'a.htm'), readFileSync(page));
    writeFileSync(join(d, 'news.html'), '<html><head><title>县政府召开常务会议</title></head><body><p>会议研究了有关事项。</p></body></html>');
    writeFileSync(join(d, 'photo.jpg'), 'not a page');
    const clean = await run([d, '--format', 'jsonl', '--jobs', '1']);
    expect(clean.code).toBe(0);
    const sources = clean.out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { source: string }).source);
    // names sorted, recursively; the .jpg passed over
    expect(sources).toEqual([join(d, 'b.html'), join(d, 'news.html'), join(d, 'sub', 'deeper', 'a.htm')]);
    expect(clean.err).toContain(`${join(d, 'news.html')}: not a report`);
    expect(clean.err).toMatch(/2 reports, .*1 not a report, 0 unreadable, 1 other files skipped/);

    symlinkSync(join(d, 'gone.html'), join(d, 'dangling.html'));
    const broken = await run([d, '--format', 'jsonl', '--jobs', '1']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`cannot read ${join(d, 'dangling.html')}: no such file`);
    expect(broken.out.trimEnd().split('\n')).toHaveLength(3);
  });

  it('reads the paths to check from stdin with -, one a line or NUL-separated', async () => {
    const { out, code } = await run(['-', '--format', 'jsonl', '--jobs', '1'], `${seedPages[1]}\n\n${seedPages[0]}\0${page}\n`);
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { source: string }).source)).toEqual([seedPages[1], seedPages[0], page]);
  });

  it('keeps the order of the inputs with worker threads and with child processes', async () => {
    // big and small pages interleaved, so they finish out of order
    const inputs = [...seedPages, page, ...seedPages.slice().reverse(), page];
    for (const pool of ['threads', 'processes']) {
      process.env.GOV_REPORT_CHECK_POOL = pool;
      try {
        const { out, code } = await run([...inputs, '--format', 'jsonl', '--jobs', '3']);
        expect(code).toBe(0);
        expect(out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { source: string }).source)).toEqual(inputs);
      } finally {
        delete process.env.GOV_REPORT_CHECK_POOL;
      }
    }
  }, 60_000);

  it('rejects unknown options with usage', async () => {
    expect(parseArgs(['--format', 'xml', page])).toMatch(/unknown --format/);
    expect(parseArgs([])).toBe('no file given');
    expect(parseArgs(['--jobs', '0', page])).toMatch(/--jobs/);
    expect(parseArgs(['-', '-'])).toMatch(/twice/);
    const usage = await run(['--format', 'xml', page]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('usage:');
  });

  it('decodes GBK pages by their charset', () => {
    const gbk = new Uint8Array([0x3c, 0x6d, 0x65, 0x74, 0x61, 0x20, 0x63, 0x68, 0x61, 0x72, 0x73, 0x65, 0x74, 0x3d, 0x67, 0x62, 0x6b, 0x3e, 0xd5, 0xfe, 0xb8, 0xae]);
    expect(decode(gbk, true)).toBe('<meta charset=gbk>政府');
  });
});

describe('cli --format xlsx', () => {
  it('writes one workbook of the batch: a line per report, the cross-year findings, every cell as the long CSV has it', async () => {
    const { readWorkbook, sheetRows } = await import('../tests/unit/helpers/read-workbook');
    const where = join(dir, 'xlsx');
    const { a, b } = yearPages(where);
    const seed = seedPages.find((p) => p.includes('003_') && p.endsWith('.word.html'))!;
    const book = join(where, 'batch.xlsx');
    // the later year first: its cross-year findings come after it, and join it in the workbook
    const r = await run([b, seed, a, '--format', 'xlsx', '--out', book, '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain(`3 reports written to ${book}`);
    const wb = await readWorkbook(new Uint8Array(readFileSync(book)));
    expect(wb.sheets.map((s) => s.name).slice(0, 3)).toEqual(['报告', '核对结果', '数据']);
    expect(sheetRows(wb.sheet('报告'))).toHaveLength(4);
    const findings = sheetRows(wb.sheet('核对结果')).flat().map(String);
    expect(findings).toContain('X-T3-CARRY');
    expect(findings.filter((x) => x === 'T3-BALANCE')).toHaveLength(2);
    // the 数据 sheet holds the long CSV's figures, cell for cell
    const csv = await run([b, seed, a, '--format', 'csv', '--jobs', '1']);
    const { default: Papa } = await import('papaparse');
    const rows = Papa.parse<string[]>(csv.out.trim(), { skipEmptyLines: true }).data;
    const data = sheetRows(wb.sheet('数据'));
    expect(data.length).toBe(rows.length);
    const col = (header: string[], name: string) => header.indexOf(name);
    const [csvHead, sheetHead] = [rows[0]!, data[0]!.map(String)];
    const value = (row: (string | number | null)[], header: string[]) => [row[col(header, 'cell_id')], row[col(header, 'value')]].map((v) => (v === null || v === '' ? null : String(v))).join('=');
    expect(data.slice(1).map((r) => value(r, sheetHead))).toEqual(rows.slice(1).map((r) => value(r, csvHead)));
  });

  it('needs --out, and --out is for xlsx only', async () => {
    expect(parseArgs(['a.html', '--format', 'xlsx'])).toMatch(/--out FILE/);
    expect(parseArgs(['a.html', '--out', 'x.xlsx'])).toMatch(/only|xlsx/);
  });
});

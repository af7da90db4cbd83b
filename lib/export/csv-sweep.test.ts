// The sweep's exports, on a sweep of the fixture site (no file reader: the files are lines saying so).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runSweep } from '../sweep/sweep';
import { COLUMN_URL, fakeSite, listDoc } from '../../tests/unit/helpers/test-site';
import { SWEEP_BASE, sweepReports, toSweepCsv, toSweepJson, toSweepLongCsv } from './csv-sweep';
import { LONG_HEADER } from './csv-long';

const sweep = () => runSweep({ url: COLUMN_URL, doc: listDoc() }, fakeSite({ readFiles: false }).deps, { pauseMs: 0, readAt: 'T' });
const rows = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('sweep exports', () => {
  it('one line per listed report, unread ones with their status and why', async () => {
    const result = await sweep();
    const [head, ...lines] = rows(toSweepCsv(result, { lang: 'en' }));
    expect(head!.slice(0, SWEEP_BASE.length + 6)).toEqual([...SWEEP_BASE, 'source', 'agency', 'year', 'format', 'errors', 'warnings']);
    expect(lines).toHaveLength(result.items.length);
    const col = (name: string) => head!.indexOf(name);
    const byUrl = new Map(lines.map((l) => [l[col('url')], l]));
    const missing = byUrl.get(`${COLUMN_URL}202101/t20210125_1009.html`)!;
    expect([missing[col('status')], missing[col('why')], missing[col('year')], missing[col('errors')]]).toEqual(['http-error', 'The server answered HTTP 404', '2020', '']);
    const y2023 = lines.find((l) => l[col('year')] === '2023' && l[col('agency')] === '青石镇人民政府')!;
    expect([y2023[col('status')], y2023[col('cross_year_warnings')], y2023[col('errors')]]).toEqual(['report', '2', '0']);
    // the figures: 2023's carried-in applications as the page prints them
    const carry = result.items.find((i) => i.url === y2023[col('url')])!.report!.cells.find((c) => c.id === 'T3.carry_in.total')!;
    expect(y2023[col('T3.carry_in.total')]).toBe(String(carry.value));
    expect(toSweepCsv(result, { bom: true }).startsWith('\uFEFFstatus,why,')).toBe(true);
  });

  it('long CSV: every cell of the reports read; JSON: the whole result', async () => {
    const result = await sweep();
    const reports = sweepReports(result);
    expect(reports.length).toBe(result.items.filter((i) => i.status === 'report').length);
    const [head, ...lines] = rows(toSweepLongCsv(result));
    expect(head).toEqual([...LONG_HEADER]);
    expect(lines.length).toBeGreaterThanOrEqual(reports.reduce((n, r) => n + r.cells.length, 0));
    const json = JSON.parse(toSweepJson(result));
    expect(json.items).toHaveLength(10);
    expect(json.crossYear.flatMap((p: { findings: { rule: string }[] }) => p.findings.map((f) => f.rule))).toEqual(['X-T3-CARRY', 'X-T3-CARRY']);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, parseArgs } from './main';
import { decode } from './read-source';
import { Report } from '../lib/report';

const dir = mkdtempSync(join(tmpdir(), 'cli-'));
const page = join(dir, 'page.html');
writeFileSync(
  page,
  `<html><head><meta charset="utf-8"><title>某某镇人民政府2021年政府信息公开工作年度报告</title></head><body>
  <table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>12</td></tr></table>
  <table><tr><td>行政复议</td><td colspan="10">行政诉讼</td></tr>
  <tr><td>${Array(15).fill('1').join('</td><td>')}</td></tr></table></body></html>`,
);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}
afterEach(() => vi.restoreAllMocks());

describe('cli', () => {
  it('prints JSON Reports that the schema accepts, exit 0 whatever the findings', async () => {
    const io = capture();
    expect(await main([page, '--format', 'json'])).toBe(0);
    const reports = JSON.parse(io.out()) as unknown[];
    expect(reports).toHaveLength(1);
    const r = Report.parse(reports[0]);
    expect(r.year).toBe(2021);
    expect(r.cells.find((c) => c.id === 'T2.s5_license.decisions')?.value).toBe(12);
    // 1+1+1+1 ≠ 1: the T4 sums fail and are reported as errors
    expect(r.findings.filter((f) => f.rule === 'T4-REV-SUM' && f.severity === 'error')).toHaveLength(1);
  });
  it('prints CSV in the shape asked for', async () => {
    const io = capture();
    expect(await main([page, '--format', 'csv', '--shape', 'report', '--bom'])).toBe(0);
    expect(io.out().startsWith('\uFEFF')).toBe(true);
    expect(io.out().split('\r\n').filter(Boolean)).toHaveLength(2);
  });
  it('says which file it could not read and exits non-zero', async () => {
    const io = capture();
    expect(await main([join(dir, 'missing.html'), page])).toBe(1);
    expect(io.err()).toContain('cannot read');
    expect(io.err()).toContain('missing.html: no such file');
    expect(io.out()).toContain('某某镇人民政府');
  });
  it('checks two consecutive years of one agency given together', async () => {
    const carry = (year: number, t3: string) =>
      `<html><head><meta charset="utf-8"><title>某某镇人民政府${year}年政府信息公开工作年度报告</title></head><body>${t3}</body></html>`;
    const row = (label: string, v: number) => `<tr><td>${label}</td>${[v, 0, 0, 0, 0, 0, v].map((x) => `<td>${x}</td>`).join('')}</tr>`;
    const head = '<tr><td>申请人</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>';
    const a = join(dir, 'y2021.html');
    const b = join(dir, 'y2022.html');
    writeFileSync(a, carry(2021, `<table>${head}${row('一、本年新收政府信息公开申请数量', 1)}${row('四、结转下年度继续办理', 1)}</table>`));
    writeFileSync(b, carry(2022, `<table>${head}${row('一、本年新收政府信息公开申请数量', 0)}${row('二、上年结转政府信息公开申请数量', 3)}</table>`));
    const io = capture();
    expect(await main([b, a])).toBe(0);
    const cross = io.out().slice(io.out().indexOf('== 跨年度核对'));
    expect(cross).toContain('某某镇人民政府 2021 → 2022');
    expect(cross.match(/\[X-T3-CARRY\]/g)).toHaveLength(2);
    expect(cross).toContain('总计列：本年“二、上年结转” = 3，但 2021 年报告“四、结转下年度继续办理” = 1');
  });
  it('rejects unknown options with usage', () => {
    expect(parseArgs(['--format', 'xml', page])).toMatch(/unknown --format/);
    expect(parseArgs([])).toBe('no file given');
  });
  it('decodes GBK pages by their charset', () => {
    const gbk = new Uint8Array([0x3c, 0x6d, 0x65, 0x74, 0x61, 0x20, 0x63, 0x68, 0x61, 0x72, 0x73, 0x65, 0x74, 0x3d, 0x67, 0x62, 0x6b, 0x3e, 0xd5, 0xfe, 0xb8, 0xae]);
    expect(decode(gbk, true)).toBe('<meta charset=gbk>政府');
  });
});

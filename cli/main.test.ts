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
  it('rejects unknown options with usage', () => {
    expect(parseArgs(['--format', 'xml', page])).toMatch(/unknown --format/);
    expect(parseArgs([])).toBe('no file given');
  });
  it('decodes GBK pages by their charset', () => {
    const gbk = new Uint8Array([0x3c, 0x6d, 0x65, 0x74, 0x61, 0x20, 0x63, 0x68, 0x61, 0x72, 0x73, 0x65, 0x74, 0x3d, 0x67, 0x62, 0x6b, 0x3e, 0xd5, 0xfe, 0xb8, 0xae]);
    expect(decode(gbk, true)).toBe('<meta charset=gbk>政府');
  });
});

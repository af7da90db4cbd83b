// The readable summary the CLI prints per file: who, which year, which format, the three tables
// as they read, and the findings, errors first.
import type { YearPair } from '../lib/check/year-pairs';
import type { Report, ReportCell } from '../lib/report';
import { FORMATS, t3Columns, t3DataRows, type FormatKey } from '../lib/spec';

const MARK = { error: '✗', warning: '!', info: 'i' } as const;

function show(c: ReportCell | undefined): string {
  if (!c) return '·';
  if (c.value !== null) return String(c.value) + (c.unit && c.unit !== '件' ? c.unit : '');
  return c.raw.trim() === '' ? '空' : c.raw.trim();
}

function pad(s: string, n: number): string {
  const width = [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(1, n - width));
}

function short(label: string, n = 22): string {
  const chars = [...label];
  return chars.length > n / 2 ? chars.slice(0, n / 2 - 1).join('') + '…' : label;
}

export function summarize(r: Report): string {
  const lines: string[] = [];
  const byId = new Map(r.cells.map((c) => [c.id, c]));
  const fk: FormatKey = r.format === 'F2019' ? 'F2019' : 'F2021';
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.filter((f) => f.severity === 'warning').length;
  lines.push(`== ${r.source}`);
  lines.push(`机关 agency: ${r.agency ?? '未知'}   年度 year: ${r.year ?? '未知'}   格式 format: ${r.format ?? '未知'}   年报 report: ${r.isReport ? '是 yes' : '否 no'}`);
  if (r.notice) lines.push(`说明 note: ${r.notice.zh}`);

  if (r.tables.includes('T2')) {
    lines.push('', '表二 主动公开政府信息情况');
    for (const b of FORMATS[fk].tables.T2.blocks) {
      for (const row of b.rows) {
        const vals = b.columns.map((c) => byId.get(`T2.${row.id}.${c.id}`));
        if (vals.every((v) => !v)) continue;
        lines.push(`  ${pad(short(row.label), 24)}${vals.map((v) => pad(show(v), 12)).join('')}`);
      }
    }
  }
  if (r.tables.includes('T3')) {
    const cols = t3Columns(fk);
    lines.push('', '表三 收到和处理政府信息公开申请情况', `  ${pad('', 24)}${cols.map((c) => pad(short(c.label, 8), 8)).join('')}`);
    for (const row of t3DataRows(fk)) {
      const vals = cols.map((c) => byId.get(`T3.${row.id}.${c.id}`));
      if (vals.every((v) => !v)) continue;
      lines.push(`  ${pad(short(row.label), 24)}${vals.map((v) => pad(show(v), 8)).join('')}`);
    }
  }
  if (r.tables.includes('T4')) {
    const t4 = FORMATS[fk].tables.T4;
    lines.push('', '表四 政府信息公开行政复议、行政诉讼情况', `  ${pad('', 24)}${t4.columns.map((c) => pad(c.label, 10)).join('')}`);
    for (const g of t4.groups) lines.push(`  ${pad(g.label, 24)}${t4.columns.map((c) => pad(show(byId.get(`T4.${g.id}.${c.id}`)), 10)).join('')}`);
  }
  if (r.unrecognized.length) lines.push('', `其他表格 other tables: ${r.unrecognized.length}`);
  if (r.leftovers.length) lines.push(`未能对应的行 unplaced rows: ${r.leftovers.length}`);
  lines.push('', errors || warnings ? `发现 ${errors} 处错误、${warnings} 处警告 (${errors} errors, ${warnings} warnings)` : '未发现不一致 (no inconsistencies)');
  for (const f of r.findings) {
    lines.push(`  ${MARK[f.severity]} [${f.rule}] ${f.message.zh}`);
    if (f.cells.length && f.cells.length <= 8) lines.push(`      ${f.cells.join(', ')}`);
  }
  return lines.join('\n');
}

/** Cross-year findings of the files given together: two consecutive years of one agency. */
export function summarizePairs(pairs: YearPair[]): string {
  const lines = ['== 跨年度核对 cross-year checks'];
  for (const p of pairs) {
    lines.push(`${p.agency} ${p.previous.year} → ${p.current.year}: ${p.findings.length ? `${p.findings.length} 处 (findings)` : '一致 (consistent)'}`);
    for (const f of p.findings) lines.push(`  ${MARK[f.severity]} [${f.rule}] ${f.message.zh}`, `      ${p.previous.source} → ${p.current.source}`);
  }
  return lines.join('\n');
}

// A small table-3 page builder for tests of layout variants (extra or missing columns, spans).
import { t3DataRows, type FormatKey } from '../../../lib/spec';
import { htmlToExtract } from '../../../cli/read-source';
import { analyzeExtract } from '../../../lib/analyze';

export interface T3Page {
  format?: FormatKey;
  /** values per row id, in column order np … total (extra columns included where the header has them) */
  rows: Record<string, (string | number)[]>;
  /** rows printed after a row id, as [label, values] (category rows, extra rows) */
  after?: Record<string, [string, (string | number)[]][]>;
  /** header leaves under 法人或其他组织 (default: the five official ones) */
  legalColumns?: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function t3Html(p: T3Page): string {
  const format = p.format ?? 'F2021';
  const legal = p.legalColumns ?? ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
  const width = 2 + legal.length;
  const head =
    `<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="${width}">申请人情况</td></tr>` +
    `<tr><td rowspan="2">自然人</td><td colspan="${legal.length}">法人或其他组织</td><td rowspan="2">总计</td></tr>` +
    `<tr>${legal.map((l) => `<td>${esc(l)}</td>`).join('')}</tr>`;
  const row = (label: string, vals: (string | number)[]) => `<tr><td colspan="3">${esc(label)}</td>${vals.map((v) => `<td>${esc(String(v))}</td>`).join('')}</tr>`;
  const body = t3DataRows(format)
    .map((r) => (p.rows[r.id] ? row(r.label, p.rows[r.id]!) : '') + (p.after?.[r.id] ?? []).map(([l, v]) => row(l, v)).join(''))
    .join('');
  return `<html><head><title>某县某局2022年政府信息公开工作年度报告</title></head><body><p>三、收到和处理政府信息公开申请情况</p><table>${head}${body}</table></body></html>`;
}

export function analyzeT3(p: T3Page) {
  return analyzeExtract(htmlToExtract(t3Html(p), 'test.html'));
}

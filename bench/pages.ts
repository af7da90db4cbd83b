// Deterministic page generators for the bench: government pages that are not reports (news, a
// 栏目 list of report links, a long policy text, a page of 500 small tables), and synthetic
// report pages of a chosen number of cells (many reports compiled on one page, some tables split
// at a page break with their header repeated, blocks nested deep in divs and layout tables).
// The labels of the report tables come from the core's spec, so recognition does real work.
import { FORMATS } from '../lib/spec';

/** mulberry32: a small seeded PRNG, so every run generates the same bytes. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = [
  '深入贯彻落实党中央、国务院决策部署', '坚持以人民为中心的发展思想', '进一步优化营商环境', '推进基本公共服务均等化',
  '加强安全生产监督管理', '统筹推进乡村振兴', '持续深化“放管服”改革', '完善社会保障体系', '切实保障人民群众合法权益',
  '加快数字政府建设', '推动经济社会高质量发展', '强化生态环境保护', '做好防汛抗旱各项工作', '提升基层治理能力',
  '落实属地管理责任', '严格执行相关法律法规', '各乡镇人民政府、区直各有关单位', '按照有关规定执行', '确保各项任务落到实处',
  '建立健全长效工作机制', '加大财政资金支持力度', '开展专项整治行动', '组织召开专题会议', '积极回应社会关切',
];

function sentence(r: () => number): string {
  const n = 2 + Math.floor(r() * 3);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(PHRASES[Math.floor(r() * PHRASES.length)]!);
  return parts.join('，') + '。';
}

function paragraph(r: () => number, sentences: number): string {
  let s = '';
  for (let i = 0; i < sentences; i++) s += sentence(r);
  return s;
}

const SITE = '某某县人民政府';

/** Header and navigation as county portals have them: a logo, ~60 menu links, a breadcrumb. */
function chrome(r: () => number, crumb: string): { top: string; bottom: string } {
  const menu: string[] = [];
  const names = ['首页', '政务公开', '政务服务', '互动交流', '走进某某', '政府信息公开', '政策文件', '通知公告', '部门动态', '乡镇动态'];
  for (let i = 0; i < 60; i++) menu.push(`<li><a href="/col/col${1000 + i}/index.html">${names[i % names.length]}${i >= 10 ? i : ''}</a></li>`);
  const top = `<div class="header"><div class="logo"><img src="/images/logo.png" alt="${SITE}"></div>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<div class="nav"><ul>${menu.join('')}</ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; ${crumb}</div>`;
  const bottom = `<div class="footer"><p>主办单位：${SITE}办公室　地址：某某县人民路${Math.floor(r() * 200)}号</p>
<p>网站标识码：36${Math.floor(r() * 1e8)}　备案号：某ICP备${Math.floor(r() * 1e8)}号</p>
<script>var _hmt = _hmt || []; (function(){ /* site analytics */ })();</script></div>`;
  return { top, bottom };
}

function doc(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<meta name="SiteName" content="${SITE}"><link rel="stylesheet" href="/css/style.css">
<style>body{font:14px/1.8 sans-serif} .content p{text-indent:2em}</style></head><body>${body}</body></html>`;
}

export interface BenchPage {
  name: string;
  /** what the page is, for the table */
  about: string;
  html: string;
}

/** A news article with an <h1> headline, ~3 KB of text, and the portal's chrome. */
export function newsArticle(): BenchPage {
  const r = rng(11);
  const c = chrome(r, '<a href="/zwgk/bmdt/">部门动态</a>');
  const h = '某某县召开2024年安全生产工作会议';
  let paras = '';
  for (let i = 0; i < 12; i++) paras += `<p>${paragraph(r, 3)}</p>`;
  const body = `${c.top}<div class="main"><h1>${h}</h1><div class="info">发布时间：2024-03-12　来源：县应急管理局　浏览次数：<span id="hits">128</span></div>
<div class="content">${paras}<p><img src="/uploads/2024/03/meeting.jpg" alt="会议现场"></p></div>
<div class="related"><h3>相关新闻</h3><ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/art/2024/3/${i}.html">${sentence(r)}</a></li>`).join('')}</ul></div></div>${c.bottom}`;
  return { name: 'news-article', about: 'news article, <h1>, 3 KB text', html: doc(`${h}_${SITE}`, body) };
}

/**
 * The 栏目 page that lists the annual reports: 50 links, no <h1>. Its title is the column's name
 * and the site's, as CMSs print it — the same words a report's title has.
 */
export function reportList(): BenchPage {
  const r = rng(12);
  const c = chrome(r, '<a href="/zwgk/ndbg/">政府信息公开年报</a>');
  const items: string[] = [];
  const units = ['县人民政府', '县发展和改革局', '县教育局', '县公安局', '县财政局', '县自然资源局', '县住房和城乡建设局', '城关镇人民政府', '新华乡人民政府', '县卫生健康局'];
  for (let i = 0; i < 50; i++) {
    const year = 2024 - (i % 6);
    items.push(`<li><a href="/art/${year}/1/${20 + i}/art_${5000 + i}.html" title="某某${units[i % units.length]}${year}年政府信息公开工作年度报告">某某${units[i % units.length]}${year}年政府信息公开工作年度报告</a><span>${year + 1}-01-${String(10 + (i % 20)).padStart(2, '0')}</span></li>`);
  }
  const body = `${c.top}<div class="main"><div class="col-title">政府信息公开年报</div><ul class="list">${items.join('')}</ul>
<div class="pager">共50条　<a href="?page=1">首页</a> <a href="?page=2">下一页</a> <a href="?page=3">尾页</a></div></div>${c.bottom}`;
  return { name: 'report-list', about: '栏目 list of 50 report links, no <h1>', html: doc(`政府信息公开年报_${SITE}`, body) };
}

/** A long policy text (a planning document) of about `bytes` UTF-8 bytes, with or without an <h1>. */
export function policyText(bytes: number, withH1: boolean): BenchPage {
  const r = rng(withH1 ? 13 : 14);
  const c = chrome(r, '<a href="/zwgk/zcwj/">政策文件</a>');
  const t = '某某县人民政府关于印发《某某县国土空间总体规划（2021—2035年）》的通知';
  const head = withH1 ? `<h1>${t}</h1>` : `<div class="article-title">${t}</div>`;
  const parts: string[] = [];
  let size = 0;
  let ch = 0;
  while (size < bytes) {
    let p: string;
    if (size === 0 || r() < 0.03) p = `<h2>第${++ch}章　${sentence(r).slice(0, 12)}</h2>`;
    else p = `<p>${paragraph(r, 4 + Math.floor(r() * 5))}</p>`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  const body = `${c.top}<div class="main">${head}<table class="meta"><tr><td>索引号：</td><td>11361000MB1234567X/2024-00012</td><td>发文字号：</td><td>某府发〔2024〕3号</td></tr></table>
<div class="content">${parts.join('\n')}</div></div>${c.bottom}`;
  const mb = (bytes / 1e6).toFixed(1);
  return { name: withH1 ? 'policy-text-h1' : 'policy-text-no-h1', about: `policy text ${mb} MB, ${withH1 ? '<h1> at top' : 'no <h1>'}`, html: doc(`${t}_${SITE}`, body) };
}

/** A statistics page of `n` small tables (4 rows × 3 columns), no <h1>. */
export function manyTables(n: number): BenchPage {
  const r = rng(15);
  const c = chrome(r, '<a href="/zwgk/tjxx/">统计信息</a>');
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    let rows = '<tr><th>指标</th><th>本月</th><th>同比增长（%）</th></tr>';
    for (let k = 0; k < 3; k++) rows += `<tr><td>${PHRASES[(i + k) % PHRASES.length]!.slice(0, 6)}</td><td>${Math.floor(r() * 10000)}</td><td>${(r() * 20 - 5).toFixed(1)}</td></tr>`;
    parts.push(`<p class="tt">表${i + 1}　某某县主要经济指标（${1 + (i % 12)}月）</p><table border="1">${rows}</table>`);
  }
  const body = `${c.top}<div class="main"><div class="article-title">某某县2024年统计月报</div>${parts.join('\n')}</div>${c.bottom}`;
  return { name: `tables-${n}`, about: `${n} small tables, no <h1>`, html: doc(`某某县2024年统计月报_${SITE}`, body) };
}

/** The non-report pages of part 1. */
export function nonReportPages(): BenchPage[] {
  return [newsArticle(), reportList(), policyText(1_500_000, true), policyText(1_500_000, false), manyTables(500)];
}

// ---------------------------------------------------------------- synthetic report pages

const F = FORMATS.F2021.tables;

function td(text: string | number, attrs = ''): string {
  return `<td${attrs}>${text}</td>`;
}

function table2(r: () => number): string {
  let h = '';
  for (const b of F.T2.blocks) {
    const w = 4;
    h += `<tr>${td(b.label, ` colspan="${w}"`)}</tr>`;
    const one = b.columns.length === 1;
    h += `<tr>${td('信息内容')}${b.columns.map((c) => td(c.label, one ? ' colspan="3"' : '')).join('')}</tr>`;
    for (const row of b.rows) {
      // 制发, 废止, 现行有效 ≥ 制发; a township makes no 规章
      const made = row.label === '规章' ? 0 : Math.floor(r() * 30);
      const figures = one ? [made] : [made, row.label === '规章' ? 0 : Math.floor(r() * 5), made + (row.label === '规章' ? 0 : Math.floor(r() * 50))];
      h += `<tr>${td(row.label)}${figures.map((x) => td(x, one ? ' colspan="3"' : '')).join('')}</tr>`;
    }
  }
  return `<table border="1" cellspacing="0">${h}</table>`;
}

/** Table 3 as the official template lays it out, with consistent figures; split = a page break. */
function table3(r: () => number, split: boolean): string {
  const cols = F.T3.columns; // np biz sci ngo law oth total
  const rows = F.T3.rows;
  const head =
    `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>` +
    `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>` +
    `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((l) => td(l)).join('')}</tr>`;
  // figures: leaves of 三 random, （七）总计 their sum, 四 random, 二 ≤ 总计 + 四, 一 the rest
  const six = cols.length - 1;
  const val = new Map<string, number[]>();
  const total = new Array<number>(six).fill(0);
  for (const row of rows) {
    if (row.data_row === false || row.level < 2 || row.num === '（七）') continue;
    const v = Array.from({ length: six }, () => (r() < 0.7 ? 0 : Math.floor(r() * 5)));
    v.forEach((x, i) => (total[i]! += x));
    val.set(row.id, v);
  }
  const carryOut = Array.from({ length: six }, () => Math.floor(r() * 2));
  const carryIn = total.map((t, i) => Math.min(t + carryOut[i]!, Math.floor(r() * 2)));
  const fresh = total.map((t, i) => t + carryOut[i]! - carryIn[i]!);
  const byNum: Record<string, number[]> = { '一、': fresh, '二、': carryIn, '（七）': total, '四、': carryOut };
  const lines: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const v = val.get(row.id) ?? (row.level !== 3 ? byNum[row.num] : undefined);
    const figures = v ? [...v, v.reduce((a, b) => a + b, 0)].map((x) => td(x)).join('') : '';
    let label: string;
    if (row.level === 1 && row.data_row === false) {
      // 三、本年度办理结果 spans every row up to （七）总计
      let n = 0;
      for (let k = i + 1; k < rows.length && rows[k]!.level > 1; k++) if (rows[k]!.data_row !== false) n++;
      label = td(row.label, ` rowspan="${n}"`);
      lines.push(label); // joined with the next data row
      continue;
    }
    if (row.level === 2 && row.data_row === false) {
      let n = 0;
      for (let k = i + 1; k < rows.length && rows[k]!.level === 3; k++) n++;
      lines.push(td(row.label, ` rowspan="${n}"`));
      continue;
    }
    label = row.level === 1 ? td(row.label, ' colspan="3"') : row.level === 2 ? td(row.label, ' colspan="2"') : td(row.label);
    let pending = '';
    while (lines.length && !lines[lines.length - 1]!.startsWith('<tr>')) pending = lines.pop()! + pending;
    lines.push(`<tr>${pending}${label}${figures}</tr>`);
  }
  const style = ' border="1" cellspacing="0" style="width:100%"';
  if (!split) return `<table${style}>${head}${lines.join('')}</table>`;
  const at = 14;
  return `<table${style}>${head}${lines.slice(0, at).join('')}</table><p style="page-break-after:always"></p><table${style}>${head}${lines.slice(at).join('')}</table>`;
}

function table4(r: () => number): string {
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结'];
  const head =
    `<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>` +
    `<tr>${[...parts, '总计'].map((l) => td(l, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>` +
    `<tr>${[...parts, '总计', ...parts, '总计'].map((l) => td(l)).join('')}</tr>`;
  let figures = '';
  for (let g = 0; g < 3; g++) {
    const v: number[] = parts.map(() => (r() < 0.8 ? 0 : 1));
    figures += [...v, v.reduce((a, b) => a + b, 0)].map((x) => td(x)).join('');
  }
  return `<table border="1" cellspacing="0">${head}<tr>${figures}</tr></table>`;
}

/** A statistics table that is not part of the format (applications by month), 13 × 5. */
function extraTable(r: () => number): string {
  let h = `<tr>${['月份', '申请数', '已办结', '办理中', '备注'].map((l) => `<th>${l}</th>`).join('')}</tr>`;
  for (let m = 1; m <= 12; m++) h += `<tr>${td(`${m}月`)}${td(Math.floor(r() * 9))}${td(Math.floor(r() * 9))}${td(Math.floor(r() * 3))}${td('')}</tr>`;
  return `<table border="1">${h}</table>`;
}

const TOWNS = ['城关镇', '新华乡', '东山镇', '西河乡', '南岭镇', '北坡乡', '白石镇', '青山乡', '红旗镇', '大桥乡'];

function reportBlock(r: () => number, i: number): string {
  const agency = `某某县${TOWNS[i % TOWNS.length]}${i >= TOWNS.length ? `（第${Math.floor(i / TOWNS.length) + 1}片区）` : ''}人民政府`;
  return `<h3>${agency}2023年政府信息公开工作年度报告</h3>
<p>${paragraph(r, 3)}</p><p>一、总体情况</p><p>${paragraph(r, 4)}</p>
<p>二、主动公开政府信息情况</p>${table2(r)}
<p>三、收到和处理政府信息公开申请情况</p>${table3(r, i % 3 === 1)}
<p>四、政府信息公开行政复议、行政诉讼情况</p>${table4(r)}
<p>附表：依申请公开办理情况（按月）</p>${extraTable(r)}
<p>五、存在的主要问题及改进情况</p><p>${paragraph(r, 3)}</p>`;
}

/** Wraps a block `depth` divs deep; every 4th block also sits in a cell of a layout table. */
function nest(block: string, i: number): string {
  const depth = (i * 7) % 48;
  let s = i % 4 === 3 ? `<table class="layout" width="100%"><tr><td>${block}</td></tr></table>` : block;
  s = '<div class="w">'.repeat(depth) + s + '</div>'.repeat(depth);
  return `<div class="report-block">${s}</div>`;
}

export function countCells(html: string): number {
  return (html.match(/<t[dh][\s>]/g) ?? []).length;
}

export interface SyntheticReport extends BenchPage {
  cells: number;
  tables: number;
}

/** A compilation page of township reports with about `target` table cells (at least). */
export function syntheticReport(target: number): SyntheticReport {
  const r = rng(target);
  const blocks: string[] = [];
  let cells = 0;
  for (let i = 0; cells < target; i++) {
    const b = nest(reportBlock(r, i), i);
    cells += countCells(b);
    blocks.push(b);
  }
  const title = '某某县2023年各乡镇政府信息公开工作年度报告汇编';
  const c = chrome(r, '<a href="/zwgk/ndbg/">政府信息公开年报</a>');
  const html = doc(`${title}_${SITE}`, `${c.top}<div class="main"><h1>${title}</h1>${blocks.join('\n')}</div>${c.bottom}`);
  const tables = (html.match(/<table[\s>]/g) ?? []).length;
  return { name: `synthetic-${target >= 1000 ? `${target / 1000}k` : target}`, about: `${blocks.length} reports compiled, ${tables} tables`, html, cells: countCells(html), tables };
}

// ---------------------------------------------------------------- hostile report pages

/** A hostile page of the bench: what it is built to break, and the report it carries. */
export interface HostilePage extends BenchPage {
  /** characters of the page's HTML */
  chars: number;
}

const HOSTILE_TITLE = '某某镇2023年政府信息公开工作年度报告';

function hostile(name: string, about: string, body: string): HostilePage {
  const html = doc(HOSTILE_TITLE, `<h1>${HOSTILE_TITLE}</h1>${body}`);
  return { name, about, html, chars: html.length };
}

/** One township's report (tables 2, 3 and 4 with consistent figures, and the monthly table). */
function oneReport(seed: number): string {
  return reportBlock(rng(seed), 0);
}

/** Cells spanning 65534 rows and 1000 columns, 10 a row, 10 rows, after a normal report. */
function hostileSpans(): HostilePage {
  const cell = '<td rowspan="65534" colspan="1000">跨</td>';
  const rows = Array.from({ length: 10 }, (_, r) => `<tr>${cell.repeat(10)}<td>${r}</td></tr>`).join('');
  return hostile('rowspan-65534×colspan-1000', '10 × 10 cells rowspan=65534 colspan=1000, and a report', `${oneReport(21)}<table border="1">${rows}</table>`);
}

/** 10,000 small tables (1 row × 5 cells) after a normal report. */
function hostileTables(): HostilePage {
  const parts: string[] = [];
  for (let i = 0; i < 10_000; i++) parts.push(`<table><tr><td>${i}</td><td>${i + 1}</td><td>${i + 2}</td><td>${i + 3}</td><td>${i + 4}</td></tr></table>`);
  return hostile('tables-10000', '10,000 tables of 5 cells, and a report', oneReport(22) + parts.join(''));
}

/** The report 500 divs deep, then a chain of 120 tables each in a cell of the one before. */
function hostileNesting(): HostilePage {
  const deep = '<div>'.repeat(500) + oneReport(23) + '</div>'.repeat(500);
  const chain = '<table><tr><td>层'.repeat(120) + '底' + '</td></tr></table>'.repeat(120);
  return hostile('nesting-500', 'report 500 divs deep; 120 tables nested in cells', deep + chain);
}

/** One text node of 5,000,000 characters (10 MB in memory, 15 MB of UTF-8) in a table cell, after a normal report. */
function hostileText(): HostilePage {
  const big = '文'.repeat(5_000_000);
  return hostile('text-node-5M-chars', 'a text node of 5,000,000 characters (15 MB of UTF-8) in a cell, and a report', `${oneReport(24)}<p>附表</p><table><tr><td>说明</td><td>${big}</td></tr></table>`);
}

/** Cell texts that are markup (escaped, so text): <img onerror>, <script>, formulas; and real <script> in cells. */
function hostileMarkup(): HostilePage {
  const texts = [
    '&lt;img src=x onerror="window.__pwned=1;document.title=\'pwned\'"&gt;',
    '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
    '=HYPERLINK("http://evil.example","点我")',
    '&lt;svg onload=window.__pwned=1&gt;',
    '<script>window.__ranInCell = (window.__ranInCell || 0) + 1</script>脚本',
  ];
  const rows = Array.from({ length: 200 }, (_, i) => `<tr><td>${texts[i % texts.length]}</td><td>${i}</td></tr>`).join('');
  return hostile('markup-in-cells', '200 cells whose text is <img onerror>/<script>/formula markup, and a report', `${oneReport(25)}<table border="1">${rows}</table>`);
}

/** The report with zero-width and bidi marks inside its numbers ('1\u200b2', '\u202d3\u202c', …). */
function hostileMarks(): HostilePage {
  const marks = ['\u200b', '\u200d', '\ufeff', '\u200e', '\u200f', '\u2060'];
  let k = 0;
  const report = oneReport(26).replace(/<td>(\d+)<\/td>/g, (_m, n: string) => {
    const mark = marks[k++ % marks.length]!;
    const marked = n.length > 1 ? `${n[0]}${mark}${n.slice(1)}` : k % 2 ? `\u202d${n}\u202c` : `${mark}${n}`;
    return `<td>${marked}</td>`;
  });
  return hostile('marks-in-numbers', 'the report with zero-width and bidi marks inside its figures', report);
}

/** The hostile pages of part 4: each names a report, so the content script reads it on load. */
export function hostilePages(): HostilePage[] {
  return [hostileSpans(), hostileTables(), hostileNesting(), hostileText(), hostileMarkup(), hostileMarks()];
}

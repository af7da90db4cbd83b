// Writes tests/fixtures/site/: a township column of annual reports (栏目 政府信息公开年报) over two
// list pages, the way TRS-built government sites publish one, for the sweep's tests (lib/sweep)
// and the e2e tests that serve the folder on 127.0.0.1 (mounted at '/': links are root-relative
// or relative). Deterministic; run `npx tsx scripts/make-site-fixtures.ts` and commit what it writes.
//
// What the column lists (index.html, then index_1.html):
//   青石镇人民政府 2024, 2023, 2022, 2021 — generated F2021 reports (tests/fixtures/generate) with
//     consistent tables and consistent T2 roll-forwards, carried-over applications chained year to
//     year, except the one planted mismatch: 2023's 二、上年结转 (自然人, 总计) is 2 more than
//     2022's 四、结转下年度继续办理 (X-T3-CARRY). 2023's page is GBK-encoded.
//   德惠市布海镇人民政府 2020 — seed 002 (clean CMS page)
//   广州市增城区小楼镇人民政府 2020 — a page saying the report is attached, with seed 003 as .docx
//   重庆市涪陵区南沱镇人民政府 2020 — linked straight to a PDF (seed 004 printed by Chromium)
//   青石镇人民政府 2020 — a link to a page that does not exist (404)
//   青石镇人民政府 2019 — a link titled as the report, to a notice page (not a report)
//   青石县人民政府 2023 — on another site (never fetched)
// and, not listed as a report, a 解读 of 2023 (its link names a reading, not a report).
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { HTML_PAD, INVISIBLES, expectedFindings, htmlPage, validValues, type GenReport, type HtmlShape, type TextStyle } from '../tests/fixtures/generate';
import { esc } from '../tests/fixtures/seeds/render';

const ROOT = resolve(import.meta.dirname, '..');
const SITE = join(ROOT, 'tests/fixtures/site');
const COLUMN = '/zwgk/zfxxgknb/';
const AGENCY = '青石镇人民政府';
const T3_COLS = ['np', 'biz', 'sci', 'ngo', 'law', 'oth'];
export const OTHER_SITE = 'http://www.qingshixian.example/zwgk/zfxxgknb/202401/t20240126_5501.html';

const PLAIN: TextStyle = {
  alias: 0, halfWidth: 0, labelSpaces: 0, blank: 0, fullWidth: 0, thousands: 0, unit: 0, pad: 0, zeroWord: 0, invisible: 0, signWord: 0,
  feeYuan: false, t3Layout: 'nested', groupRows: false, padChars: HTML_PAD, invisibles: INVISIBLES, seed: 1,
};

/** Four years of one agency: each year carries in what the last carried out, and its T2 rolls forward. */
function townshipYears(): Map<number, Record<string, number>> {
  const years = new Map<number, Record<string, number>>();
  let before: Record<string, number> | null = null;
  for (const year of [2021, 2022, 2023, 2024]) {
    const v = { ...fc.sample(validValues('F2021'), { seed: 1200 + year, numRuns: 1 })[0]! };
    if (before) {
      for (const c of T3_COLS) v[`T3.carry_in.${c}`] = before[`T3.carry_out.${c}`]!;
      if (year === 2023) {
        // the plant: two applications carried in that 2022 did not carry over (kept balanced within 2023)
        v['T3.carry_in.np'] = v['T3.carry_in.np']! + 2;
        v['T3.carry_out.np'] = v['T3.carry_out.np']! + 2;
      }
      for (const c of T3_COLS) {
        const fresh = v[`T3.r7_total.${c}`]! + v[`T3.carry_out.${c}`]! - v[`T3.carry_in.${c}`]!;
        if (fresh < 0) v[`T3.carry_out.${c}`]! -= fresh;
        v[`T3.new.${c}`] = Math.max(0, fresh);
      }
      for (const r of ['new', 'carry_in', 'carry_out']) v[`T3.${r}.total`] = T3_COLS.reduce((a, c) => a + v[`T3.${r}.${c}`]!, 0);
      for (const r of ['s1_regulation', 's1_normative']) {
        v[`T2.${r}.repealed`] = Math.min(v[`T2.${r}.repealed`]!, before[`T2.${r}.valid`]!);
        v[`T2.${r}.valid`] = before[`T2.${r}.valid`]! + v[`T2.${r}.made`]! - v[`T2.${r}.repealed`]!;
      }
    }
    const wrong = expectedFindings('F2021', v);
    if (wrong.length) throw new Error(`${year}: the generated tables are not consistent: ${wrong.map((f) => f.rule).join(', ')}`);
    years.set(year, v);
    before = v;
  }
  return years;
}

function reportPage(year: number, values: Record<string, number>, shape: HtmlShape): string {
  const report: GenReport = { format: 'F2021', year, agency: AGENCY, values, plant: null, expected: [] };
  return htmlPage(report, { ...PLAIN, seed: year }, shape).source;
}

function write(path: string, text: string | Buffer): void {
  const file = join(SITE, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function copy(from: string, path: string): void {
  mkdirSync(dirname(join(SITE, path)), { recursive: true });
  copyFileSync(join(ROOT, from), join(SITE, path));
}

function articlePage(title: string, body: string, charset = 'utf-8'): string {
  return `<!doctype html><html><head><meta charset="${charset}"><title>${esc(title)}_青石镇人民政府</title></head><body>
<div class="header"><div class="site-name">青石镇人民政府</div></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="${COLUMN}">政府信息公开年报</a> &gt; 正文</div>
<div class="article">
<h1 class="article-title">${esc(title)}</h1>
<div class="article-meta"><span>来源：青石镇人民政府</span></div>
<div class="article-content">
${body}
</div></div>
<div class="footer"><p>主办单位：青石镇人民政府</p></div>
</body></html>
`;
}

interface Entry {
  title: string;
  href: string;
  date: string;
}

/** A list page as TRS sites write it: static links, a createPageHTML pager script, and a plain pager for browsers without scripts. */
function listPage(entries: Entry[], page: number, pages: number): string {
  const name = (k: number) => (k === 0 ? 'index.html' : `index_${k}.html`);
  const rows = entries
    .map((e) => `<li><a href="${esc(e.href)}" target="_blank" title="${esc(e.title)}">${esc(e.title)}</a><span class="date">${e.date}</span></li>`)
    .join('\n');
  const pager = [
    page > 0 ? `<a href="./${name(0)}">首页</a>` : '<span>首页</span>',
    page > 0 ? `<a href="./${name(page - 1)}">上一页</a>` : '<span>上一页</span>',
    ...Array.from({ length: pages }, (_, k) => (k === page ? `<span class="current">${k + 1}</span>` : `<a href="./${name(k)}">${k + 1}</a>`)),
    page < pages - 1 ? `<a href="./${name(page + 1)}">下一页</a>` : '<span>下一页</span>',
    page < pages - 1 ? `<a href="./${name(pages - 1)}">尾页</a>` : '<span>尾页</span>',
  ].join('&nbsp;');
  return `<!doctype html><html><head><meta charset="utf-8">
<meta name="ColumnName" content="政府信息公开年报">
<title>政府信息公开年报_青石镇人民政府</title></head><body>
<div class="header"><div class="site-name">青石镇人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="main">
<div class="side"><h3>政府信息公开</h3><ul>
<li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li>
<li><a href="/zwgk/zfxxgkzd/">政府信息公开制度</a></li>
<li class="on"><a href="${COLUMN}">政府信息公开年报</a></li>
</ul></div>
<div class="list">
<div class="list-title">政府信息公开年报</div>
<ul class="list-items">
${rows}
</ul>
<div class="pager" id="pager">${pager}</div>
<script>
var countPage = ${pages};//共多少页
createPageHTML(countPage, ${page}, "index", "html");
</script>
</div></div>
<div class="footer"><p>主办单位：青石镇人民政府　　承办单位：青石镇党政办</p></div>
</body></html>
`;
}

function main(): void {
  rmSync(SITE, { recursive: true, force: true });
  const years = townshipYears();
  const at = (path: string) => COLUMN.slice(1) + path;
  write(at('202501/t20250120_1001.html'), reportPage(2024, years.get(2024)!, 'cms'));
  // a GBK page, as many township sites still serve
  const gbk = reportPage(2023, years.get(2023)!, 'word').replace(/<meta charset="utf-8">/i, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
  write(at('202401/t20240118_1002.html'), iconv.encode(gbk, 'gbk'));
  write(at('202301/t20230116_1004.html'), reportPage(2022, years.get(2022)!, 'split'));
  write(at('202201/t20220124_1005.html'), reportPage(2021, years.get(2021)!, 'word-split'));
  write(
    at('202401/t20240119_1003.html'),
    articlePage('《青石镇人民政府2023年政府信息公开工作年度报告》解读', '<p>近日，青石镇人民政府发布了2023年政府信息公开工作年度报告。现就报告主要内容解读如下。</p><p>一、主动公开情况……</p>'),
  );
  copy('tests/fixtures/seeds/002_09235f57ffce7de4.cms.html', at('202101/t20210120_1006.html'));
  write(
    at('202101/t20210125_1007.html'),
    articlePage(
      '广州市增城区小楼镇人民政府2020年政府信息公开工作年度报告',
      `<p style="text-indent:2em;">根据《中华人民共和国政府信息公开条例》要求，现将《广州市增城区小楼镇人民政府2020年政府信息公开工作年度报告》予以公布，全文详见附件。</p>
<p>附件：<a href="./P020210125_1007.docx" title="广州市增城区小楼镇人民政府2020年政府信息公开工作年度报告.docx">广州市增城区小楼镇人民政府2020年政府信息公开工作年度报告.docx</a></p>`,
    ),
  );
  copy('tests/fixtures/files/word/seed-003.docx', at('202101/P020210125_1007.docx'));
  copy('tests/fixtures/files/pdf/004_ae40354b57ac477a.word.chromium.pdf', at('202101/P020210122_1008.pdf'));
  write(
    at('202001/t20200120_1010.html'),
    articlePage(
      '关于印发青石镇人民政府2019年政府信息公开工作年度报告的通知',
      '<p>各村（社区）、镇属各单位：</p><p>现将《青石镇人民政府2019年政府信息公开工作年度报告》印发给你们，请认真组织学习。</p><p style="text-align:right">青石镇党政办<br>2020年1月20日</p>',
    ),
  );
  const first: Entry[] = [
    { title: '青石镇人民政府2024年政府信息公开工作年度报告', href: './202501/t20250120_1001.html', date: '2025-01-20' },
    { title: '《青石镇人民政府2023年政府信息公开工作年度报告》解读', href: './202401/t20240119_1003.html', date: '2024-01-19' },
    { title: '青石镇人民政府2023年政府信息公开工作年度报告', href: `${COLUMN}202401/t20240118_1002.html`, date: '2024-01-18' },
    { title: '青石镇人民政府2022年政府信息公开工作年度报告', href: '../zfxxgknb/202301/t20230116_1004.html', date: '2023-01-16' },
    { title: '青石镇人民政府2021年政府信息公开工作年度报告', href: './202201/t20220124_1005.html', date: '2022-01-24' },
    { title: '德惠市布海镇人民政府2020年政府信息公开工作年度报告', href: './202101/t20210120_1006.html', date: '2021-01-28' },
  ];
  const second: Entry[] = [
    { title: '广州市增城区小楼镇人民政府2020年政府信息公开工作年度报告', href: './202101/t20210125_1007.html', date: '2021-01-25' },
    { title: '重庆市涪陵区南沱镇人民政府2020年政府信息公开工作年度报告', href: `${COLUMN}202101/P020210122_1008.pdf`, date: '2021-01-22' },
    { title: '青石镇人民政府2020年政府信息公开工作年度报告', href: './202101/t20210125_1009.html', date: '2021-01-25' },
    { title: '青石镇人民政府2019年政府信息公开工作年度报告', href: './202001/t20200120_1010.html', date: '2020-01-20' },
    { title: '青石县人民政府2023年政府信息公开工作年度报告', href: OTHER_SITE, date: '2024-01-26' },
  ];
  write(
    'README.md',
    `# A column of annual reports, served whole

Made by \`npx tsx scripts/make-site-fixtures.ts\` (deterministic; the script's head comment lists
every page and what it is). Serve this folder at \`/\` (links are relative, \`../\`, or root-relative
\`${COLUMN}…\`); the column's list is \`${COLUMN}\` (\`index.html\`, then \`index_1.html\`).
The one absolute link, \`${OTHER_SITE}\`, is the other site: it must never be asked.
Planted: 2023's 二、上年结转 (自然人 and 总计) is 2 more than 2022's 四、结转下年度继续办理 (X-T3-CARRY).
`,
  );
  write(at('index.html'), listPage(first, 0, 2));
  write(at('index_1.html'), listPage(second, 1, 2));
  console.log(`wrote ${SITE}`);
}

main();

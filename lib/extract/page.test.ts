// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://www.pingtan.gov.cn/zwgk/ndbg/2020/t1.html"}
// On jsdom (closest to a browser: a real URL, <base>, implied <tbody>) and on linkedom (the CLI:
// no URL, no location).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractPage } from './page';

const URL_ = 'http://www.pingtan.gov.cn/zwgk/ndbg/2020/t1.html';
const DOMS: [string, (html: string) => Document, string][] = [
  // DOMParser documents take the address of the environment's page (the options line above)
  ['jsdom', (html) => new DOMParser().parseFromString(html, 'text/html'), URL_],
  ['linkedom', (html) => parseHTML(html).document as unknown as Document, ''],
];

const CORPUS = resolve(__dirname, '../../../shared/corpus/html');
const HAS_CORPUS = existsSync(CORPUS);
if (!HAS_CORPUS) console.warn(`[page.test] ${CORPUS} not found: tests marked "(needs ../shared)" are skipped.`);

const page = (title: string, body: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

describe.each(DOMS)('extractPage on %s', (_name, parse, url) => {
  it('takes source from the argument, else the document URL (none in linkedom)', () => {
    const doc = parse(page('t', ''));
    expect(extractPage(doc, 'saved/a.html').source).toBe('saved/a.html');
    expect(extractPage(doc).source).toBe(url);
  });

  it('normalises the title and collects h1–h3 then the first short lines', () => {
    const doc = parse(
      page(
        ' 平潭综合实验区2019年度\u3000政府信息公开工作年度报告 ',
        `<script>var t = "not a heading";</script>
         <div class=nav><a href="/">首页</a></div>
         <p align=center><b>平潭综合实验区2019年</b></p><p>政府信息公开工作<br>年度报告</p>
         <p>&nbsp;</p><p>0</p><p>${'长'.repeat(81)}</p>
         <h2>一、总体情况</h2><p>一、总体情况</p>`,
      ),
    );
    const p = extractPage(doc, 'x');
    expect(p.title).toBe('平潭综合实验区2019年度 政府信息公开工作年度报告');
    expect(p.headings).toEqual(['一、总体情况', '首页', '平潭综合实验区2019年', '政府信息公开工作 年度报告']);
  });

  it('stops at 40 headings', () => {
    const doc = parse(page('t', Array.from({ length: 100 }, (_, i) => `<p>第${i}行</p>`).join('')));
    const headings = extractPage(doc, 'x').headings;
    expect(headings.length).toBe(40);
    expect(headings[39]).toBe('第39行');
  });

  it('finds attachment links of every kind, absolute when the address is known, at most 50', () => {
    const doc = parse(
      page(
        't',
        `<a href="/files/2020年报.pdf">报告全文 (PDF)</a>
         <a href="a.DOCX?v=2#p1">Word</a>
         <a href="http://other.gov.cn/b.wps">WPS</a>
         <a href="c.xls"></a><a href="d.ofd" title="版式文件">&nbsp;</a>
         <iframe src="e.pdf"></iframe><embed src="f.png"><object data="g.zip"></object>
         <a href="page.html">not a file</a><a href="h.pdf.html">not a file</a><a href="javascript:open('x.pdf')">js</a>
         <a href="/files/2020年报.pdf">same again</a>`,
      ),
    );
    const p = extractPage(doc, url || undefined);
    const base = url ? 'http://www.pingtan.gov.cn/zwgk/ndbg/2020/' : '';
    expect(p.attachments).toEqual([
      { text: '报告全文 (PDF)', href: url ? 'http://www.pingtan.gov.cn/files/2020%E5%B9%B4%E6%8A%A5.pdf' : '/files/2020年报.pdf', kind: 'pdf' },
      { text: 'Word', href: `${base}a.DOCX?v=2#p1`, kind: 'docx' },
      { text: 'WPS', href: 'http://other.gov.cn/b.wps', kind: 'wps' },
      { text: 'c.xls', href: `${base}c.xls`, kind: 'xls' },
      { text: '版式文件', href: `${base}d.ofd`, kind: 'ofd' },
      { text: 'e.pdf', href: `${base}e.pdf`, kind: 'pdf' },
      { text: 'f.png', href: `${base}f.png`, kind: 'png' },
      { text: 'g.zip', href: `${base}g.zip`, kind: 'zip' },
    ]);
    const many = parse(page('t', Array.from({ length: 80 }, (_, i) => `<a href="f${i}.jpg">${i}</a>`).join('')));
    expect(extractPage(many, 'x').attachments.length).toBe(50);
  });

  it('resolves links against <base href> and a URL source', () => {
    const doc = parse('<html><head><base href="http://files.gov.cn/dir/"></head><body><a href="r.pdf">r</a></body></html>');
    expect(extractPage(doc, 'http://www.gov.cn/x/y.html').attachments[0]!.href).toBe('http://files.gov.cn/dir/r.pdf');
    const plain = parse(page('t', '<a href="r.pdf">r</a>'));
    expect(extractPage(plain, 'https://www.gov.cn/x/y.html').attachments[0]!.href).toBe(url ? `${url.replace(/t1\.html$/, '')}r.pdf` : 'https://www.gov.cn/x/r.pdf');
  });

  it('finds the tables, h1–h3 and links querySelectorAll finds, in document order, in one walk', () => {
    const doc = parse(
      page(
        't',
        `<h2>a</h2><div><table id=t0><tr><td><table id=t1><tr><td><h1>b</h1></td></tr></table></td></tr></table></div>
         <template><table id=hidden><tr><td>x</td></tr></table><h1>hidden</h1><a href="hidden.pdf">h</a></template>
         <h3>c</h3><table id=t2><tr><td><a href="x.pdf">x</a></td><td><a name=n>no href</a></td></tr></table>
         <object><a href="inner.doc">inner</a></object>`,
      ),
    );
    const p = extractPage(doc, 'x');
    const tables = Array.from(doc.querySelectorAll('table')).map((t) => t.id);
    expect(tables).toEqual(['t0', 't1', 't2']);
    expect(p.grids.map((g) => g.index)).toEqual([0, 1, 2]);
    expect(p.grids[1]!.cells[0]!.text).toBe('b');
    expect(p.headings.slice(0, 3)).toEqual(['a', 'b', 'c']);
    expect(p.attachments.map((a) => a.href.slice(a.href.lastIndexOf('/') + 1))).toEqual(['x.pdf', 'inner.doc']);
  });

  it('takes the first <base> that has an href', () => {
    const doc = parse('<html><head><base target="_blank"><base href="http://files.gov.cn/dir/"></head><body><a href="r.pdf">r</a></body></html>');
    expect(extractPage(doc, 'http://www.gov.cn/x/y.html').attachments[0]!.href).toBe('http://files.gov.cn/dir/r.pdf');
  });

  it('gives the visible text, one line per block, without scripts or styles', () => {
    const doc = parse(page('t', '<style>p{color:red}</style><p>本年度共收到申请&nbsp;２３件。</p><script>track()</script><table><tr><td>规章</td><td>0</td></tr></table><div>结束<br>尾</div>'));
    expect(extractPage(doc, 'x').text).toBe('本年度共收到申请 23件。\n规章\n0\n结束\n尾');
  });

  it('caps the text at 300,000 characters', () => {
    const doc = parse(page('t', '<p id=big></p>'));
    doc.querySelector('#big')!.textContent = '文'.repeat(1_000_000);
    const p = extractPage(doc, 'x');
    expect(p.text.length).toBe(300_000);
  });

  it('carries the grids and their truncation reason over', () => {
    const doc = parse(page('t', '<table><tr><td id=big>1</td><td rowspan=2>2</td></tr><tr><td>3</td></tr></table>'));
    doc.querySelector('#big')!.textContent = '九'.repeat(200_000);
    const p = extractPage(doc, 'x');
    expect(p.grids.length).toBe(1);
    expect(p.grids[0]!.cells.map((c) => c.rowspan)).toEqual([1, 2, 1]);
    expect(p.truncated).toMatch(/100000 characters/);
  });

  it.skipIf(!HAS_CORPUS)('reads the corpus page 01-shanghai 2019 (needs ../shared)', () => {
    const doc = parse(readFileSync(resolve(CORPUS, '01-shanghai-shizhengfubangongting-2019.html'), 'utf8'));
    const p = extractPage(doc, 'corpus/01.html');
    expect(p.title).toBe('2019年上海市人民政府办公厅政府信息公开工作年度报告');
    expect(p.headings[0]).toBe('2019年上海市人民政府办公厅政府信息公开工作年度报告');
    expect(p.grids.length).toBe(3);
    expect(p.truncated).toBeNull();
    expect(p.text).toContain('一、总体情况');
  });
});

describe('extractPage never throws', () => {
  it('returns what it could read when the DOM fails, saying what failed', () => {
    const { document } = parseHTML(page('标题', '<p>第一行</p><table><tr><td>1</td></tr></table>'));
    const broken = new Proxy(document, {
      get(target, prop) {
        if (prop === 'documentElement') throw new Error('boom');
        if (prop === 'body') throw new Error('no body');
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as unknown as Document;
    const p = extractPage(broken, 'x');
    expect(p.title).toBe('标题');
    expect(p.grids).toEqual([]);
    expect(p.truncated).toMatch(/document not read \(boom\)/);
    expect(p.truncated).toMatch(/headings not read \(no body\)/);
    expect(p.truncated).toMatch(/text not read/);
  });
});

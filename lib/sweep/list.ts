// A column's list page (栏目页) → the reports it lists and the column's other pages. One walk of
// the document, reading only what lib/extract reads of a DOM (names, attributes, text, the
// first/next/parent links), so it runs on the browser's DOMParser Document and on the CLI's small
// DOM (cli/lite-dom.ts) alike. Scripts are read as text, never run: TRS sites write their pager
// with createPageHTML(total, current, "index", "html") in an inline script.
import { YEAR, looksLikeOneReportTitle, looksLikeReportTitle } from '../detect';
import { normalizeText } from '../extract/normalize';
import { nextAfter, nodeText, tagOf } from '../extract/dom-text';
import { readMeta } from '../recognize/meta';
import { absoluteUrl, sameSite } from './site';

export type LinkKind = 'page' | 'attachment';

export interface ListedReport {
  /** absolute address, without its #fragment */
  url: string;
  /** the link's text, or its title attribute where that names the report better (text cut with …) */
  linkText: string;
  /** year and agency as the link's text says them (a guess until the report is read) */
  year: number | null;
  agency: string | null;
  /** a web page, or a file (.pdf, .doc, .docx, .wps …) linked directly */
  kind: LinkKind;
  /** the file's extension for an attachment ('pdf', 'docx' …), '' for a page */
  ext: string;
  /** on the list's site (site.ts): only these are ever fetched */
  sameSite: boolean;
}

/** A link about one year's report that is not the report (解读, 通知, 一图读懂): shown, not read. */
export interface AsideLink {
  url: string;
  linkText: string;
}

export interface Pagination {
  /** the column's list pages whose address is known, in page order, this page included */
  pages: string[];
  /** this page's number (1-based) when the pager says it */
  current: number | null;
  /** how many pages the column has, as the page states it (script, 共N页, pager links); null: not said */
  total: number | null;
  /** the 下一页 link */
  next: string | null;
  /** where the pages were read from */
  from: ('script' | 'text' | 'links')[];
}

export interface ReportList {
  /** the list page's address (the base links were resolved against) */
  url: string;
  reports: ListedReport[];
  aside: AsideLink[];
  pagination: Pagination;
}

/** Files a report is published as (the path's end; a query after it is allowed). */
const FILE_EXT = /\.(pdf|docx?|wps|ofd|xlsx?|zip|rar)$/i;
/** Words of a pager link, and page numbers ([2], 2). */
const PAGER_WORD = /^(?:首页|第一页|上一?页|前一?页|下一?页|后一?页|尾页|末页|最后一?页|\d{1,4}|\[\d{1,4}\])$/;
const NEXT_WORD = /^(?:下一?页|后一?页)$/;
const LAST_WORD = /^(?:尾页|末页|最后一?页)$/;
/** Stated totals: 共 3 页, 1/3页, 当前第 1/3 页. */
const TOTAL_TEXT = /共\s*(\d{1,4})\s*页|(?<!\d)\d{1,4}\s*\/\s*(\d{1,4})\s*页/;
/** TRS: createPageHTML(total, current, "index", "html"), or with the pager element's id first. */
const CREATE_PAGE_HTML = /createPageHTML\s*\(\s*(?:(["'])[^"']*\1\s*,\s*)?([\w$.]+)\s*,\s*([\w$.]+)\s*,\s*["']([\w-]*)["']\s*,\s*["']([\w]+)["']/;
/** TRS list2.trsapi: pagebar { prepage: 10, recordCount: '7' } */
const PAGEBAR_PREPAGE = /\bprepage\s*:\s*["']?(\d{1,4})/;
const PAGEBAR_RECORDS = /\brecordCount\s*:\s*["']?(\d{1,6})/;
/** Page addresses by their number: index_2.html (TRS: page 3), column-index-2.shtml, ?page=2 */
const UNDERSCORE_PAGE = /^(.*\/)([A-Za-z][\w-]*?)_(\d{1,4})\.(s?html?|jsp|aspx?|php)$/;
const DASH_PAGE = /^(.*\/)([A-Za-z][\w]*-index-)(\d{1,4})\.(s?html?)$/;
const QUERY_PAGE = /([?&](?:page|pageNo|pageNum|pageIndex|currPage|curpage|pn|p)=)(\d{1,4})(?=&|$)/i;
/** more pages than any column of annual reports has: a stated total past it is not believed */
const MAX_PAGES = 500;
const MAX_LINK_TEXT = 300;

interface PagerLink {
  url: string;
  text: string;
}

/** The list's reports and pagination. Never throws on a strange page: what it cannot read is left out. */
export function readReportList(doc: Document, base: string): ReportList {
  return collectList(doc, base, guess);
}

/**
 * What the badge needs, in the content script: how many reports the page lists and how many
 * pages the column has. The links' names are not read for agency and year, so the content script
 * does not carry that reader.
 */
export function countReportList(doc: Document, base: string): { count: number; pages: number | null } {
  const list = collectList(doc, base, () => ({ year: null, agency: null }));
  return { count: list.reports.length, pages: list.pagination.total };
}

function collectList(doc: Document, base: string, guess: (name: string) => { year: number | null; agency: string | null }): ReportList {
  const walk = walkList(doc, base);
  const pageBase = walk.base;
  const reports: ListedReport[] = [];
  const aside: AsideLink[] = [];
  const seen = new Map<string, ListedReport>();
  const pagerLinks: PagerLink[] = [];
  for (const a of walk.links) {
    const href = a.getAttribute('href')?.trim();
    if (!href || href.startsWith('#') || /^(?:javascript|mailto|tel):/i.test(href)) continue;
    const url = absoluteUrl(href, pageBase);
    if (url === null) continue;
    const text = normalizeText(nodeText(a, { cap: MAX_LINK_TEXT }));
    const title = normalizeText(a.getAttribute('title') ?? '');
    const name = reportName(text, title);
    if (name !== null) {
      const prior = seen.get(url);
      if (prior) {
        if (name.length > prior.linkText.length) Object.assign(prior, { linkText: name }, guess(name));
        continue;
      }
      const path = url.split(/[?#]/, 1)[0]!;
      const ext = FILE_EXT.exec(path)?.[1]?.toLowerCase() ?? '';
      const item: ListedReport = { url, linkText: name, ...guess(name), kind: ext ? 'attachment' : 'page', ext, sameSite: sameSite(url, base) };
      seen.set(url, item);
      reports.push(item);
    } else if (looksLikeReportTitle(text || title) && YEAR.test(text || title) && !aside.some((x) => x.url === url)) {
      // a reading or a notice of one year's report (the column's own name, without a year, is not)
      aside.push({ url, linkText: text || title });
    } else if (PAGER_WORD.test(text.replace(/[\s<>«»‹›]/g, ''))) {
      pagerLinks.push({ url, text: text.replace(/[\s<>«»‹›[\]]/g, '') });
    }
  }
  const listUrl = absoluteUrl(base, base) ?? base;
  return { url: listUrl, reports, aside, pagination: pagination(listUrl, pageBase, walk, pagerLinks) };
}

/** The line that names one report: the text, or the title attribute when it says more (a text cut with …). */
function reportName(text: string, title: string): string | null {
  const t = looksLikeOneReportTitle(text) ? text : null;
  const a = title !== '' && looksLikeOneReportTitle(title) ? title : null;
  if (t && a) return a.length > t.replace(/(?:\.{3}|…+)$/, '').length ? a : t;
  return t ?? a;
}

function guess(name: string): { year: number | null; agency: string | null } {
  const meta = readMeta(name, [], '');
  return { year: meta.year, agency: meta.agency };
}

interface Walk {
  links: Element[];
  scripts: string[];
  totals: number[];
  base: string;
}

/** One walk: the <a href>s, the inline scripts that write a pager, short texts stating a total, <base href>. */
function walkList(doc: Document, listUrl: string): Walk {
  const out: Walk = { links: [], scripts: [], totals: [], base: listUrl };
  const root = doc.documentElement;
  if (!root) return out;
  let baseSet = false;
  let node: Node | null = root;
  while (node !== null) {
    let down: Node | null = null;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = tagOf(el);
      if (tag === 'a') {
        if (el.hasAttribute('href')) out.links.push(el);
        down = el.firstChild;
      } else if (tag === 'script') {
        const code = el.textContent ?? '';
        if (code.includes('createPageHTML') || code.includes('recordCount')) out.scripts.push(code);
      } else if (tag === 'base') {
        const href = el.getAttribute('href');
        if (!baseSet && href) {
          out.base = absoluteUrl(href, listUrl) ?? listUrl;
          baseSet = true;
        }
      } else if (tag !== 'style' && tag !== 'template' && tag !== 'noscript') {
        down = el.firstChild;
      }
    } else if (node.nodeType === 3) {
      const data = (node as CharacterData).data;
      if (data.length < 200 && data.includes('页')) {
        const m = TOTAL_TEXT.exec(normalizeText(data));
        if (m) out.totals.push(Number(m[1] ?? m[2]));
      }
    }
    node = down ?? nextAfter(node, root);
  }
  return out;
}

/** createPageHTML's total and page names, and the pagebar's total, from the inline scripts. */
function fromScripts(scripts: string[], dir: string): { total: number | null; pages: string[] } {
  for (const code of scripts) {
    const m = CREATE_PAGE_HTML.exec(code);
    if (m) {
      const total = numberOf(m[2]!, code);
      const prefix = m[4]!;
      const suffix = m[5]!;
      if (total !== null && total >= 1 && total <= MAX_PAGES) {
        const pages: string[] = [];
        for (let k = 0; k < total; k++) {
          const url = absoluteUrl(k === 0 ? `${prefix}.${suffix}` : `${prefix}_${k}.${suffix}`, dir);
          if (url) pages.push(url);
        }
        return { total, pages };
      }
    }
  }
  for (const code of scripts) {
    const per = PAGEBAR_PREPAGE.exec(code);
    const records = PAGEBAR_RECORDS.exec(code);
    if (per && records && Number(per[1]) > 0) {
      const total = Math.max(1, Math.ceil(Number(records[1]) / Number(per[1])));
      if (total <= MAX_PAGES) return { total, pages: [] };
    }
  }
  return { total: null, pages: [] };
}

/** A number, or a variable assigned a number in the same script (var countPage = 3). */
function numberOf(arg: string, code: string): number | null {
  if (/^\d+$/.test(arg)) return Number(arg);
  const name = arg.replace(/[$.]/g, (c) => `\\${c}`);
  const m = new RegExp(`(?:^|[^\\w$])${name}\\s*=\\s*["']?(\\d{1,4})`).exec(code);
  return m ? Number(m[1]) : null;
}

/** A pager address with its page number read from the address: how to write page n. */
interface PageTemplate {
  make(n: number): string;
  numberOf(url: string): number | null;
}

function templateOf(url: string): PageTemplate | null {
  const path = url.split(/[?#]/, 1)[0]!;
  const query = url.slice(path.length);
  const u = UNDERSCORE_PAGE.exec(path);
  if (u && !QUERY_PAGE.test(url)) {
    // TRS and most CMSs: index.html is page 1, index_1.html page 2
    const [, dir, prefix, , ext] = u;
    const re = new RegExp(`^${escape(dir! + prefix!)}(?:_(\\d{1,4}))?\\.${escape(ext!)}$`);
    return {
      make: (n) => (n <= 1 ? `${dir}${prefix}.${ext}` : `${dir}${prefix}_${n - 1}.${ext}`) + query,
      numberOf: (x) => {
        const m = re.exec(x.split(/[?#]/, 1)[0]!);
        return m ? (m[1] === undefined ? 1 : Number(m[1]) + 1) : null;
      },
    };
  }
  const d = DASH_PAGE.exec(path);
  if (d) {
    const [, dir, prefix, , ext] = d;
    const re = new RegExp(`^${escape(dir! + prefix!)}(\\d{1,4})\\.${escape(ext!)}$`);
    return { make: (n) => `${dir}${prefix}${n}.${ext}${query}`, numberOf: (x) => Number(re.exec(x.split(/[?#]/, 1)[0]!)?.[1] ?? NaN) || null };
  }
  const q = QUERY_PAGE.exec(url);
  if (q) {
    const head = url.slice(0, q.index);
    const key = q[1]!;
    return {
      make: (n) => url.replace(QUERY_PAGE, `${key}${n}`),
      numberOf: (x) => (x.startsWith(head) ? Number(QUERY_PAGE.exec(x)?.[2] ?? NaN) || null : null),
    };
  }
  return null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The directory of an address (what a relative page name resolves against). */
function dirOf(url: string): string {
  return absoluteUrl('./', url) ?? url;
}

function pagination(listUrl: string, base: string, walk: Walk, links: PagerLink[]): Pagination {
  const from: Pagination['from'] = [];
  const script = fromScripts(walk.scripts, dirOf(base));
  if (script.total !== null) from.push('script');
  if (walk.totals.length) from.push('text');
  // a pager link belongs to this column when it stays in the list's directory, on its site
  const dir = dirOf(listUrl);
  const pager = links.filter((l) => sameSite(l.url, listUrl) && (dirOf(l.url) === dir || l.url.split('?')[0] === listUrl.split('?')[0]));
  if (pager.length) from.push('links');
  const next = pager.find((l) => NEXT_WORD.test(l.text))?.url ?? null;

  let pages = script.pages;
  let total = script.total ?? (walk.totals.length ? Math.max(...walk.totals) : null);
  if (pages.length === 0) {
    const tpl = pager.map((l) => templateOf(l.url)).find((t) => t !== null) ?? null;
    const known = new Map<number, string>();
    if (tpl) {
      for (const l of pager) {
        const n = tpl.numberOf(l.url);
        if (n !== null) known.set(n, l.url);
      }
      const self = tpl.numberOf(listUrl);
      known.set(self ?? 1, listUrl);
      const last = pager.find((l) => LAST_WORD.test(l.text));
      const lastN = last ? tpl.numberOf(last.url) : null;
      total ??= lastN ?? Math.max(...known.keys());
      if (total !== null && total <= MAX_PAGES) for (let n = 1; n <= total; n++) if (!known.has(n)) known.set(n, absoluteUrl(tpl.make(n), listUrl) ?? '');
      pages = [...known].filter(([, u]) => u !== '').sort((a, b) => a[0] - b[0]).map(([, u]) => u);
    } else {
      pages = [listUrl, ...pager.map((l) => l.url).filter((u) => u !== listUrl)];
    }
  }
  pages = [...new Set(pages)];
  // a directory address (…/zfxxgknb/) is its index page
  let current = pages.indexOf(listUrl);
  if (current < 0 && listUrl.endsWith('/')) current = pages.findIndex((p) => dirOf(p) === listUrl && /\/index\.\w+$/.test(p));
  if (pages.length === 0) {
    pages = [listUrl];
    current = 0;
  }
  if (total === null && pages.length > 1) total = pages.length;
  return { pages, current: current >= 0 ? current + 1 : null, total, next, from };
}

// A whole page → PageExtract: its tables as grids, plus what names the report (title, the first
// short lines) and where else it may be (attachment links), and its text for narrative reading.
// Runs in the content script on the live page and in Node on a linkedom Document, so it only
// reads the DOM, and never throws: a failing step leaves its part empty and says why.
import type { Attachment } from '../report';
import type { PageExtract } from './types';
import { normalizeText } from './normalize';
import { readTables } from './grid';
import { isValueLike } from './number';
import { BLOCK, NEVER_TEXT, nextAfter, nodeText, tagOf, visibleText } from './dom-text';

const MAX_HEADINGS = 40;
const HEADING_CHARS = 80;
/** elements looked at for the first lines of the page: the top of the body, not all of it */
const HEADING_VISITS = 3000;
const MAX_ATTACHMENTS = 50;
const TEXT_CHARS = 300_000;

/** File kinds a report is published as, when it is not on the page itself (path end; query and hash allowed). */
const ATTACHMENT = /\.(pdf|docx?|wps|xlsx?|ofd|zip|rar|jpe?g|png|gif)$/i;

export function extractPage(doc: Document, source?: string): PageExtract {
  const page: PageExtract = { source: source ?? '', title: '', headings: [], grids: [], attachments: [], text: '', truncated: null };
  const problems: string[] = [];
  const step = (what: string, run: () => void): void => {
    try {
      run();
    } catch (e) {
      problems.push(`${what} not read (${String(e instanceof Error ? e.message : e).slice(0, 80)})`);
    }
  };
  step('address', () => {
    // location is absent on a linkedom Document, URL too
    if (source === undefined) page.source = doc.URL ?? doc.location?.href ?? '';
  });
  step('title', () => {
    page.title = normalizeText(doc.title ?? '');
  });
  // one walk finds the tables, h1–h3, links and <base> (four querySelectorAll calls cost as much in
  // a browser, and several times more in linkedom, whose selectors are matched in JavaScript)
  let marks: Landmarks = { tables: [], headings: [], links: [], base: null };
  step('document', () => {
    marks = landmarks(doc);
  });
  step('headings', () => {
    page.headings = headings(doc, marks.headings);
  });
  step('tables', () => {
    const { grids, truncated } = readTables(marks.tables);
    page.grids = grids;
    if (truncated !== null) problems.push(truncated);
  });
  step('attachments', () => {
    page.attachments = attachments(doc, page.source, marks);
  });
  step('text', () => {
    const body = doc.body ?? doc.documentElement;
    if (body) page.text = visibleText(body, TEXT_CHARS, normalizeText);
  });
  page.truncated = problems.length > 0 ? problems.join('; ') : null;
  return page;
}

/** Elements of the document extraction starts from, each list in document order. */
interface Landmarks {
  /** every <table>, nested ones included (grid i is tables[i], as locate-cell counts them) */
  tables: Element[];
  /** h1, h2, h3 */
  headings: Element[];
  /** <a>, <iframe>, <embed>, <object>: the links attachments may be, with or without their address */
  links: Element[];
  /** the first <base href> */
  base: Element | null;
}

/**
 * What querySelectorAll('table'), ('h1,h2,h3'), ('a[href],iframe[src],embed[src],object[data]')
 * and querySelector('base[href]') find, in one walk of the document (without recursion: a hostile
 * page nests thousands of elements deep). Template contents are not the document's, as in browsers.
 */
function landmarks(doc: Document): Landmarks {
  const out: Landmarks = { tables: [], headings: [], links: [], base: null };
  const root = doc.documentElement;
  if (!root) return out;
  let node: Node | null = root;
  while (node !== null) {
    let down: Node | null = null;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = tagOf(el);
      switch (tag) {
        case 'table':
          out.tables.push(el);
          break;
        case 'h1':
        case 'h2':
        case 'h3':
          out.headings.push(el);
          break;
        case 'a':
        case 'iframe':
        case 'embed':
        case 'object':
          out.links.push(el);
          break;
        case 'base':
          if (out.base === null && el.hasAttribute('href')) out.base = el;
          break;
      }
      if (tag !== 'template') down = el.firstChild;
    }
    node = down ?? nextAfter(node, root);
  }
  return out;
}

/** h1–h3, then the first short lines of the body (paragraphs, and divs or cells without blocks in them). */
function headings(doc: Document, hs: Element[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (el: Element): void => {
    const t = normalizeText(nodeText(el, { cap: 4 * HEADING_CHARS, skipTables: true }));
    if (t === '' || t.length > HEADING_CHARS || seen.has(t) || isValueLike(t)) return;
    seen.add(t);
    out.push(t);
  };
  for (let i = 0; i < hs.length && i < MAX_HEADINGS; i++) add(hs[i]!);

  const body = doc.body;
  if (!body) return out;
  let visits = 0;
  let node: Node | null = body.firstChild;
  while (node !== null && out.length < MAX_HEADINGS && visits < HEADING_VISITS) {
    let down: Node | null = null;
    if (node.nodeType === 1) {
      visits++;
      const el = node as Element;
      const tag = tagOf(el);
      if (NEVER_TEXT.has(tag) || tag === 'h1' || tag === 'h2' || tag === 'h3') {
        // not text, or already taken
      } else if (tag === 'p' || ((tag === 'div' || tag === 'td' || tag === 'th' || tag === 'li' || tag === 'center') && !hasBlockChild(el))) {
        add(el);
      } else {
        down = el.firstChild;
      }
    }
    node = down ?? nextAfter(node, body);
  }
  return out;
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c !== null; c = c.nextElementSibling) if (BLOCK.has(tagOf(c))) return true;
  return false;
}

function attachments(doc: Document, source: string, marks: Landmarks): Attachment[] {
  const base = baseUrl(doc, source, marks.base);
  const out: Attachment[] = [];
  const seen = new Set<string>();
  const links = marks.links;
  for (let i = 0; i < links.length && out.length < MAX_ATTACHMENTS; i++) {
    const el = links[i]!;
    const tag = tagOf(el);
    const value = el.getAttribute(tag === 'a' ? 'href' : tag === 'object' ? 'data' : 'src')?.trim();
    if (!value) continue;
    const path = value.split(/[?#]/, 1)[0]!;
    const ext = ATTACHMENT.exec(path);
    if (ext === null) continue;
    const href = absolute(value, base);
    if (seen.has(href)) continue;
    seen.add(href);
    const text = tag === 'a' ? normalizeText(nodeText(el, { cap: 400, skipTables: true })).slice(0, 200) : '';
    out.push({ text: text || normalizeText(el.getAttribute('title') ?? '') || fileName(path), href, kind: ext[1]!.toLowerCase() });
  }
  return out;
}

const WEB_URL = /^(https?|file):/i;

/** The page's address as a URL, moved by <base href>; null when neither is a URL (a file path). */
function baseUrl(doc: Document, source: string, baseEl: Element | null): string | null {
  // a live page knows its base; a linkedom Document has no URL, and its baseURI may echo the host's
  if (doc.URL && WEB_URL.test(doc.URL)) return doc.baseURI && WEB_URL.test(doc.baseURI) ? doc.baseURI : doc.URL;
  const page = WEB_URL.test(source) ? parseUrl(source, undefined) : null;
  const baseHref = baseEl?.getAttribute('href');
  if (baseHref) return parseUrl(baseHref, page ?? undefined) ?? page;
  return page;
}

function parseUrl(href: string, base: string | undefined): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function absolute(href: string, base: string | null): string {
  return (base !== null && parseUrl(href, base)) || href;
}

function fileName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

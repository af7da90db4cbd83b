// pdfjs text items → lines of chunks, in one vertical coordinate for the whole document.
//
// What pdfjs gives is not words or cells: a run of text in one font at one position. Chinese
// PDFs bend that in three ways this file undoes:
// - runs closer than about 0.6 em are joined into one item with a space (a whole header row
//   `商业企业 科研机构 …`, or two numbers `12 3`): split again at the spaces, each part placed by
//   its characters' widths with the gaps shared out evenly (cells of one row are evenly padded);
// - a font switch splits a word (自|然|人): items that touch are joined into one chunk;
// - glyphs stored as CJK radicals (⼈ ⺠): folded by normalizeText.
// Page numbers and running heads are dropped, and the pages are stacked into one strip (each
// page's first line a line below the last line of the page before), so that a table, a row or a
// wrapped label that crosses a page break reads as if it did not.
import { normalizeText } from '../normalize';

/** One pdfjs text item as this reader needs it (TextItem of pdfjs's getTextContent). */
export interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface PageItems {
  /** 1-based */
  page: number;
  height: number;
  items: RawItem[];
}

/** A run of text placed on the strip (y grows upwards, as in PDF). */
export interface Chunk {
  text: string;
  /** the runs it was joined from (a table may cut it again where a label column starts) */
  parts?: { text: string; x0: number; x1: number }[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
}

export interface Line {
  y: number;
  page: number;
  size: number;
  /** left to right */
  chunks: Chunk[];
  x0: number;
  x1: number;
}

interface Frag extends Chunk {
  /** the pdfjs item a split part came from: parts of one item are not joined again */
  item: number;
  /** letter-spaced text, justified across its cell: two of them side by side are two cells */
  spaced?: boolean;
  /** the space between the characters of a letter-spaced item */
  letterGap?: number;
}

/** Gap (in em) under which two touching runs are one word. */
const JOIN_EM = 0.3;
/** Lines: fragments whose baselines differ by less than this (in em) share a line. */
const LINE_EM = 0.4;

/** Natural width of a character in em: CJK and full-width forms 1, the rest about half. */
function charEm(c: number): number {
  return c >= 0x2e80 ? 1 : 0.55;
}

function textEm(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += charEm(s.charCodeAt(i));
  return w;
}

/** An item as fragments: itself, or its space-separated parts placed across its width. */
function fragmentsOf(it: RawItem, page: number, id: number): Frag[] {
  const t = it.transform;
  const size = Math.abs(t[3]!) || Math.hypot(t[2]!, t[3]!) || it.height || 1;
  const x = t[4]!;
  const y = t[5]!;
  const width = it.width > 0 ? it.width : textEm(it.str) * size;
  const text = normalizeText(it.str);
  if (text === '') return [];
  if (!/\s/.test(it.str.trim())) return [{ text, x0: x, x1: x + width, y, size, page, item: id }];
  const rawParts = it.str.trim().split(/\s+/).filter((p) => normalizeText(p) !== '');
  const parts = rawParts.map((p) => normalizeText(p));
  // letter-spaced text (处 理 的 , 只 计 这): one character between every space is one word, not
  // cells; figures are never letter-spaced (1 2 3 are three cells)
  // cells; figures are never letter-spaced (1 2 3 are three cells). Its characters are kept
  // apart until the line is built: there they may turn out to be the ends of two cells.
  // (its first part may be the row's number: 1. 属 于 国 家 秘, justified in a narrow cell)
  if (parts.every((p, i) => (p.length === 1 && !/[0-9]/.test(p)) || (i === 0 && /^(?:[0-9]{1,2}[.．、]|[(（][一二三四五六七八九十]{1,3}[)）])$/.test(p)))) {
    // widths from the printed characters (a full-width ， is folded to , but printed 1 em wide)
    const ems = rawParts.map((p) => textEm(p) * size);
    const sum = ems.reduce((a, b) => a + b, 0);
    const gap = Math.max(0, width - sum) / (parts.length - 1);
    let at = x;
    return parts.map((p, i) => {
      const f: Frag = { text: p, x0: at, x1: at + ems[i]!, y, size, page, item: id, spaced: true, letterGap: gap };
      at += ems[i]! + gap;
      return f;
    });
  }
  const natural = parts.map((p) => textEm(p) * size);
  const sum = natural.reduce((a, b) => a + b, 0);
  // leading spaces shift the first part: place the parts within the item's inked width
  const lead = (it.str.length - it.str.trimStart().length) * 0.5 * size;
  const span = Math.max(width - lead, sum * 0.5);
  const scale = sum > span ? span / sum : 1;
  const gap = parts.length > 1 ? Math.max(0, span - sum * scale) / (parts.length - 1) : 0;
  const out: Frag[] = [];
  let at = x + lead;
  parts.forEach((p, i) => {
    const w = natural[i]! * scale;
    out.push({ text: p, x0: at, x1: at + w, y, size, page, item: id });
    at += w + gap;
  });
  return out;
}

const PAGE_NUMBER = /^(?:[-—–－_~·.\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–－_~·.\s]*|[-—–－]\s*[一二三四五六七八九十百]+\s*[-—–－]|page\s*\d+(?:\s*of\s*\d+)?)$/i;
/** Distance (in em) between the last line of a page and the first of the next on the strip. */
const PAGE_GAP_EM = 3;
/** The top and bottom bands of a page where page numbers and running heads sit. */
const MARGIN_SHARE = 0.09;

/** Lines of one page, top to bottom, fragments joined into chunks. */
function pageLines(frags: Frag[]): Line[] {
  frags.sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const groups: Frag[][] = [];
  let cur: Frag[] = [];
  let y = 0;
  let size = 0;
  for (const f of frags) {
    if (cur.length && Math.abs(f.y - y) <= LINE_EM * Math.min(size, f.size)) {
      cur.push(f);
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [f];
    y = f.y;
    size = f.size;
  }
  if (cur.length) groups.push(cur);
  return groups.map(toLine);
}

/**
 * The characters of each letter-spaced item, joined back into one word unless a run of another
 * item touches its first or last character closer than its own spacing: then its spaces are the
 * borders of cells whose justified texts pdfjs ran together (结 果 维 持 | 结 果 纠 正, in pairs
 * like `持 结` across a border).
 */
function joinSpaced(frags: Frag[]): Frag[] {
  const out: Frag[] = [];
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i]!;
    if (f.letterGap === undefined) {
      out.push(f);
      continue;
    }
    let j = i;
    while (j + 1 < frags.length && frags[j + 1]!.item === f.item) j++;
    const before = frags[i - 1];
    const after = frags[j + 1];
    const touches = (gap: number) => gap <= JOIN_EM * f.size && gap < 0.75 * f.letterGap!;
    const last = frags[j]!;
    // a figure flush against a label (情|8) is a cell of its own, not a sign of one
    if ((before && !/[0-9]$/.test(before.text) && touches(f.x0 - before.x1)) || (after && !/^[0-9]/.test(after.text) && touches(after.x0 - last.x1))) {
      for (let k = i; k <= j; k++) out.push({ ...frags[k]!, spaced: false, letterGap: undefined });
    } else {
      out.push({ ...f, text: frags.slice(i, j + 1).map((g) => g.text).join(''), x1: last.x1, letterGap: undefined });
    }
    i = j;
  }
  return out;
}

function toLine(unjoined: Frag[]): Line {
  unjoined.sort((a, b) => a.x0 - b.x0);
  const frags = joinSpaced(unjoined);
  const chunks: Chunk[] = [];
  let last: Frag | null = null;
  for (const f of frags) {
    const c = chunks[chunks.length - 1];
    const gap = c ? f.x0 - c.x1 : Infinity;
    // two figures side by side are two cells unless they touch (one number split by a font switch)
    const figures = c !== undefined && /[0-9]$/.test(c.text) && /^[0-9]/.test(f.text);
    if (c && last && f.item !== last.item && !(f.spaced && last.spaced) && gap <= (figures ? 0.05 : JOIN_EM) * Math.min(c.size, f.size) && !startsFigure(c.text, f.text)) {
      c.text += f.text;
      c.parts!.push({ text: f.text, x0: f.x0, x1: f.x1 });
      c.x1 = Math.max(c.x1, f.x1);
      c.y = Math.max(c.y, f.y);
    } else {
      chunks.push({ text: f.text, parts: [{ text: f.text, x0: f.x0, x1: f.x1 }], x0: f.x0, x1: f.x1, y: f.y, size: f.size, page: f.page });
    }
    last = f;
  }
  const sizes = chunks.map((c) => c.size).sort((a, b) => a - b);
  const ys = chunks.map((c) => c.y).sort((a, b) => a - b);
  return {
    y: ys[Math.floor(ys.length / 2)]!,
    page: chunks[0]!.page,
    size: sizes[Math.floor(sizes.length / 2)]!,
    chunks,
    x0: chunks[0]!.x0,
    x1: Math.max(...chunks.map((c) => c.x1)),
  };
}

/**
 * A figure touching the end of a text (情|8): a number cell printed flush against its label cell,
 * as Chromium does when a label fills its cell. '1.' + '属于…' and '2024' + '年' still join.
 */
function startsFigure(before: string, next: string): boolean {
  return /^[0-9][0-9.,]*$/.test(next) && before.charCodeAt(before.length - 1) >= 0x2000;
}

function lineText(l: Line): string {
  return l.chunks.map((c) => c.text).join(' ');
}

/** Page numbers and running heads: furniture in the top or bottom band of a page. */
function dropFurniture(pages: { height: number; lines: Line[] }[]): void {
  const inMargin = (l: Line, h: number) => l.y > h * (1 - MARGIN_SHARE) || l.y < h * MARGIN_SHARE;
  // a running head or foot: the same words (numbers aside) in the margin of several pages
  const seen = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(p.lines.filter((l) => inMargin(l, p.height)).map((l) => lineText(l).replace(/\d+/g, '#')));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeated = pages.length >= 3 ? Math.max(3, Math.ceil(pages.length / 2)) : Infinity;
  for (const p of pages) {
    p.lines = p.lines.filter((l) => {
      if (!inMargin(l, p.height)) return true;
      const text = lineText(l);
      if (PAGE_NUMBER.test(text)) return false;
      // a row of figures only (0 0 0 0) is a table's, however often such rows meet a page's edge
      if (/^[\d\s.,]*$/.test(text)) return true;
      return (seen.get(text.replace(/\d+/g, '#')) ?? 0) < repeated;
    });
  }
}

export interface Layout {
  /** every line of every page, top to bottom, pages stacked on one strip */
  lines: Line[];
  /** left and right edges of the text body (most lines lie within) */
  left: number;
  right: number;
}

export function layoutOf(pages: PageItems[]): Layout {
  let id = 0;
  const laid = pages.map((p) => {
    const frags: Frag[] = [];
    for (const it of p.items) {
      if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue;
      // rotated text (a stamp, a watermark) is not part of a table
      if (Math.abs(it.transform[1]!) > 0.01 || Math.abs(it.transform[2]!) > 0.01) continue;
      frags.push(...fragmentsOf(it, p.page, id++));
    }
    return { height: p.height, lines: pageLines(frags) };
  });
  dropFurniture(laid);
  const lines: Line[] = [];
  let bottom: number | null = null;
  for (const p of laid) {
    if (!p.lines.length) continue;
    const first = p.lines[0]!;
    // this page's first line PAGE_GAP_EM below the last line of the page before: a table goes on,
    // but a label does not wrap over the break (a page's first line is more often a new row or title)
    const shift = bottom === null ? 0 : bottom - PAGE_GAP_EM * first.size - first.y;
    for (const l of p.lines) {
      l.y += shift;
      for (const c of l.chunks) c.y += shift;
      lines.push(l);
    }
    bottom = p.lines[p.lines.length - 1]!.y;
  }
  const x0s = lines.map((l) => l.x0).sort((a, b) => a - b);
  const x1s = lines.map((l) => l.x1).sort((a, b) => a - b);
  const left = x0s.length ? x0s[Math.floor(x0s.length * 0.05)]! : 0;
  const right = x1s.length ? x1s[Math.floor(x1s.length * 0.95)]! : 0;
  return { lines, left, right };
}

/**
 * A line of running text: it fills the body's width, to the right margin, in long runs at most a
 * space apart. A header row as wide (结果 维持 | 结果 纠正 | … of table 4) is many short runs.
 */
export function isProseLine(l: Line, layout: Layout): boolean {
  const width = layout.right - layout.left;
  if (width <= 0 || l.x1 - l.x0 < 0.6 * width || l.x1 < layout.right - 1.5 * l.size) return false;
  // running text starts at the left margin, or a paragraph's indent (2 em) from it
  if (l.x0 > layout.left + 3.5 * l.size) return false;
  let chars = 0;
  for (const c of l.chunks) chars += c.text.length;
  if (l.chunks.length > 3 && chars / l.chunks.length < 6) return false;
  for (let i = 1; i < l.chunks.length; i++) if (l.chunks[i]!.x0 - l.chunks[i - 1]!.x1 > 0.7 * l.size) return false;
  return true;
}

/** The document's text in reading order: a wrapped paragraph line runs on into the next. */
export function readingText(layout: Layout, maxChars: number): string {
  let out = '';
  const width = layout.right - layout.left;
  let prev: Line | null = null;
  for (const l of layout.lines) {
    if (prev) {
      const full = prev.x1 >= layout.right - 2 * prev.size && prev.x1 - prev.x0 > 0.6 * width;
      out += full && isProseLine(prev, layout) ? '' : '\n';
    }
    let text = '';
    let last: Chunk | null = null;
    for (const c of l.chunks) {
      if (last) text += c.x0 - last.x1 < 0.8 * c.size && (isCjk(last.text, true) || isCjk(c.text, false)) ? '' : ' ';
      text += c.text;
      last = c;
    }
    out += text;
    prev = l;
    if (out.length > maxChars) return out.slice(0, maxChars);
  }
  return out;
}

function isCjk(s: string, atEnd: boolean): boolean {
  const c = s.charCodeAt(atEnd ? s.length - 1 : 0);
  return c >= 0x2e80;
}

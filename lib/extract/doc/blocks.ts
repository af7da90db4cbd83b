// What the Word readers (.docx and .doc) make of a document before it becomes a PageExtract:
// paragraphs and tables in document order. Both go through HTML and the page's own extraction
// (lib/extract/page.ts), so a Word file's tables, captions, headings and text are read by exactly
// the code that reads a web page.
import { looksLikeOneReportTitle } from '../../detect';

export interface WordParagraph {
  kind: 'p';
  text: string;
  /** centred, or a title/heading style: a title line */
  title: boolean;
  bold: boolean;
}

export interface WordCell {
  /** the cell's paragraphs */
  lines: string[];
  colspan: number;
  rowspan: number;
  bold: boolean;
}

export interface WordTable {
  kind: 'table';
  /** rows of origin cells; cells covered by a span from above are left out, as in HTML */
  rows: WordCell[][];
}

export type WordBlock = WordParagraph | WordTable;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

function lines(ls: string[], bold: boolean): string {
  const html = ls.map(escapeHtml).join('<br>');
  return bold && html !== '' ? `<b>${html}</b>` : html;
}

/** The document as an HTML page; the title lines come first, as <p> like the rest (page.ts reads them as headings). */
export function blocksToHtml(title: string, blocks: WordBlock[]): string {
  const out: string[] = [`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>`];
  for (const b of blocks) {
    if (b.kind === 'p') {
      if (b.text.trim() === '') continue;
      out.push(b.title ? `<p style="text-align:center">${lines([b.text], b.bold)}</p>` : `<p>${lines([b.text], b.bold)}</p>`);
      continue;
    }
    out.push('<table>');
    for (const row of b.rows) {
      out.push('<tr>');
      for (const c of row) {
        const span = (c.colspan > 1 ? ` colspan="${c.colspan}"` : '') + (c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '');
        out.push(`<td${span}>${lines(c.lines, c.bold)}</td>`);
      }
      out.push('</tr>');
    }
    out.push('</table>');
  }
  out.push('</body></html>');
  return out.join('');
}

/** paragraphs looked at for the document's own title line */
const TITLE_PARAGRAPHS = 15;

/**
 * The document's title: its own title line (a paragraph before the first table that names one
 * report), else the title in its properties. The properties come second because a draft made from
 * last year's file keeps last year's title there.
 */
export function documentTitle(blocks: WordBlock[], propertiesTitle: string): string {
  let seen = 0;
  for (const b of blocks) {
    if (b.kind === 'table' || seen++ >= TITLE_PARAGRAPHS) break;
    const line = b.text.replace(/\s+/g, ' ').trim();
    if (line.length <= 80 && looksLikeOneReportTitle(line)) return line;
  }
  return propertiesTitle;
}

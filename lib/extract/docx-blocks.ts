// WordprocessingML (word/document.xml) → paragraphs and tables, walked straight from the XML:
// w:p → a paragraph (its w:t runs; w:tab, w:br as white space and line breaks), w:tbl/w:tr/w:tc →
// rows of cells, w:gridSpan → colspan, w:vMerge restart/continue → rowspan, w:gridBefore → an empty
// leading cell so later cells keep their columns. A table inside a cell is read as the cell's lines.
// Deleted text (w:delText), field codes (w:instrText) and the fallback copy of alternate content
// (mc:Fallback, which repeats mc:Choice) are not text.
import type { WordBlock, WordCell, WordParagraph } from './doc/blocks';
import { attr, scanXml } from './docx-xml';

const W_MAIN = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const TITLE_STYLE = /^(title|heading ?[1-3]|标题 ?[1-3]?|[123])$/i;

interface CellBuild extends WordCell {
  span: number;
  vmerge: 'restart' | 'continue' | null;
}

interface TableBuild {
  rows: CellBuild[][];
  row: CellBuild[] | null;
  gridBefore: number;
  cell: CellBuild | null;
}

interface ParaBuild {
  text: string;
  center: boolean;
  style: string;
  /** every run with text is bold */
  bold: boolean;
  hasText: boolean;
}

function isOn(attrs: string, w: string): boolean {
  const v = attr(attrs, `${w}val`);
  return v === null || !/^(0|false|off|none)$/i.test(v);
}

/** The prefix (with its colon) the part binds to WordprocessingML's namespace, from the root's declarations. */
function mainPrefix(rootAttrs: string): string {
  for (const m of rootAttrs.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) {
    if (W_MAIN.includes(m[2]!)) return m[1] ? `${m[1]}:` : '';
  }
  return 'w:';
}

export function documentBlocks(xml: string): WordBlock[] {
  const blocks: WordBlock[] = [];
  let w = 'w:';
  let root = true;
  let skip = 0; // inside mc:Fallback
  let tblDepth = 0;
  const tables: TableBuild[] = [];
  const paras: ParaBuild[] = [];
  let inText = false;
  let inPPr = false;
  let inRPr = false;
  let runBold = false;

  const table = (): TableBuild | undefined => tables[tables.length - 1];
  const finishRow = (t: TableBuild): void => {
    if (!t.row) return;
    if (t.gridBefore > 0) t.row.unshift({ lines: [], colspan: t.gridBefore, rowspan: 1, bold: false, span: t.gridBefore, vmerge: null });
    t.rows.push(t.row);
    t.row = null;
  };

  scanXml(xml, {
    open(name, attrs, selfClosing) {
      if (root) {
        root = false;
        w = mainPrefix(attrs);
      }
      if (name.endsWith(':Fallback') || name === 'Fallback') {
        if (!selfClosing) skip++;
        return;
      }
      if (skip > 0 || !name.startsWith(w)) return;
      const local = name.slice(w.length);
      const p = paras[paras.length - 1];
      switch (local) {
        case 'p':
          paras.push({ text: '', center: false, style: '', bold: true, hasText: false });
          break;
        case 'pPr':
          inPPr = true;
          break;
        case 'rPr':
          inRPr = true;
          break;
        case 'jc':
          if (inPPr && !inRPr && p) p.center = attr(attrs, `${w}val`) === 'center';
          break;
        case 'pStyle':
          if (inPPr && p) p.style = attr(attrs, `${w}val`) ?? '';
          break;
        case 'r':
          runBold = false;
          break;
        case 'b':
          if (inRPr && !inPPr) runBold = isOn(attrs, w);
          break;
        case 't':
          inText = !selfClosing;
          break;
        case 'tab':
          if (!inPPr && p) p.text += '\t';
          break;
        case 'br':
        case 'cr':
          if (p) p.text += '\n';
          break;
        case 'noBreakHyphen':
          if (p) p.text += '-';
          break;
        case 'tbl':
          tblDepth++;
          if (tblDepth === 1) tables.push({ rows: [], row: null, gridBefore: 0, cell: null });
          break;
        case 'tr':
          if (tblDepth === 1) {
            const t = table()!;
            finishRow(t);
            t.row = [];
            t.gridBefore = 0;
          }
          break;
        case 'gridBefore':
          if (tblDepth === 1) table()!.gridBefore = Math.min(1000, Math.max(0, Number(attr(attrs, `${w}val`)) || 0));
          break;
        case 'tc':
          if (tblDepth === 1) table()!.cell = { lines: [], colspan: 1, rowspan: 1, bold: true, span: 1, vmerge: null };
          break;
        case 'gridSpan': {
          const c = tblDepth === 1 ? table()!.cell : null;
          if (c) c.span = Math.min(1000, Math.max(1, Number(attr(attrs, `${w}val`)) || 1));
          break;
        }
        case 'vMerge': {
          const c = tblDepth === 1 ? table()!.cell : null;
          if (c) c.vmerge = attr(attrs, `${w}val`) === 'restart' ? 'restart' : 'continue';
          break;
        }
      }
    },
    close(name) {
      if (name.endsWith(':Fallback') || name === 'Fallback') {
        if (skip > 0) skip--;
        return;
      }
      if (skip > 0 || !name.startsWith(w)) return;
      switch (name.slice(w.length)) {
        case 't':
          inText = false;
          break;
        case 'pPr':
          inPPr = false;
          break;
        case 'rPr':
          inRPr = false;
          break;
        case 'p': {
          const p = paras.pop();
          if (!p) break;
          const parent = paras[paras.length - 1];
          if (parent) {
            // a text box's paragraph inside a paragraph: its text joins the outer one
            parent.text += (parent.text ? '\n' : '') + p.text;
            break;
          }
          const cell = tables[0]?.cell;
          if (tblDepth > 0 && cell) {
            if (p.text.trim() !== '') {
              cell.lines.push(p.text);
              cell.bold &&= p.bold && p.hasText;
            }
            break;
          }
          const para: WordParagraph = { kind: 'p', text: p.text, title: p.center || TITLE_STYLE.test(p.style), bold: p.bold && p.hasText };
          blocks.push(para);
          break;
        }
        case 'tc':
          if (tblDepth === 1) {
            const t = table()!;
            if (t.cell && t.row) {
              if (t.cell.lines.length === 0) t.cell.bold = false;
              t.row.push(t.cell);
            }
            t.cell = null;
          }
          break;
        case 'tr':
          if (tblDepth === 1) finishRow(table()!);
          break;
        case 'tbl':
          if (tblDepth === 1) {
            const t = tables.pop()!;
            finishRow(t);
            blocks.push({ kind: 'table', rows: mergeRows(t.rows) });
          }
          tblDepth = Math.max(0, tblDepth - 1);
          break;
      }
    },
    text(s) {
      if (!inText || skip > 0) return;
      const p = paras[paras.length - 1];
      if (!p) return;
      p.text += s;
      if (s.trim() !== '') {
        p.hasText = true;
        p.bold &&= runBold;
      }
    },
  });
  return blocks;
}

/**
 * Grid columns → HTML spans: a w:vMerge="continue" cell is dropped and the cell that started the
 * merge in its column grows by a row; w:gridBefore becomes an empty leading cell.
 */
function mergeRows(rows: CellBuild[][]): WordCell[][] {
  const out: WordCell[][] = [];
  /** grid column → the cell whose vertical merge is open there */
  const open = new Map<number, CellBuild>();
  for (const row of rows) {
    const cells: WordCell[] = [];
    let col = 0;
    for (const c of row) {
      const start = col;
      col += c.span;
      if (c.vmerge === 'continue') {
        const origin = open.get(start);
        if (origin && origin.span === c.span) {
          origin.rowspan++;
          continue;
        }
      }
      for (let k = start; k < col; k++) open.delete(k);
      if (c.vmerge === 'restart') open.set(start, c);
      c.colspan = c.span;
      cells.push(c);
    }
    out.push(cells);
  }
  return out.map((cells) => cells.map(({ lines, colspan, rowspan, bold }) => ({ lines, colspan, rowspan, bold })));
}

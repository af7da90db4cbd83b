// Text mode: a page's text (or a saved .txt such as the seeds) to one grid whose rows are the
// table rows we can find in it. Exports flatten tables in several ways, all seen in the data:
// - tab-separated rows, one line a row (seed 003);
// - one cell a line with a leading tab, rows separated by blank lines (seeds 000–002, 004);
// - `|`-separated rows, one line a row (corpus text 01, 02, 06, 12; markdown tables in 16, 17);
// - one cell a line, cells ended by `|` and no row breaks at all (corpus text 03, 05, 09);
// - one cell a paragraph, nothing else (corpus text 10).
// Where rows are not marked, a row is taken to end where a label follows values, or where the
// caller's `isRowStart` says a label opens a row (spec-driven, supplied by the recogniser).
import type { Grid, GridCell, PageExtract } from './types';
import { normalizeText } from './normalize';
import { isValueLike } from './number';

export interface TextOptions {
  /** true for a cell text that always starts a table row (a known row label, 信息内容 …) */
  isRowStart?: (text: string) => boolean;
}

interface Tok {
  raw: string;
  offset: number;
}
type Line =
  | { kind: 'blank' }
  | { kind: 'cell'; tok: Tok } // seed style: a tab-prefixed single cell
  | { kind: 'row'; toks: Tok[] } // tab- or pipe-separated row
  | { kind: 'pipes'; parts: Tok[]; seps: number } // stream style: text and `|` separators
  | { kind: 'plain'; tok: Tok };

const MD_RULE = /^\s*\|?\s*:?-{3,}/;
/** `行政许可 97` / `规章 0 0 0`: a label followed by numbers on one line (PDF text). */
const LABEL_THEN_NUMBERS = /^(.*?[^\d\s.,，、])((?:[ \u3000]+[+-]?\d[\d,，]*(?:\.\d+)?(?:万元|元|件)?)+)\s*$/;

function splitLine(line: string, offset: number, sep: string): Tok[] {
  const toks: Tok[] = [];
  let start = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i === line.length || line[i] === sep) {
      toks.push({ raw: line.slice(start, i), offset: offset + start });
      start = i + 1;
    }
  }
  return toks;
}

function classify(line: string, offset: number): Line {
  if (line.trim() === '') return line.includes('\t') ? { kind: 'cell', tok: { raw: '', offset } } : { kind: 'blank' };
  if (MD_RULE.test(line)) return { kind: 'blank' };
  if (line.includes('|')) {
    const parts = splitLine(line, offset, '|');
    return { kind: 'pipes', parts, seps: parts.length - 1 };
  }
  const lead = /^[ \u3000]*\t/.exec(line);
  const body = lead ? line.slice(lead[0].length) : line;
  if (body.includes('\t')) {
    // a leading tab stands for an empty first cell (a rowspan placeholder), as in seed 003
    return { kind: 'row', toks: splitLine(line, offset, '\t') };
  }
  if (lead) return { kind: 'cell', tok: { raw: body, offset: offset + lead[0].length } };
  const m = LABEL_THEN_NUMBERS.exec(line);
  if (m && m[1] && m[2] && m[1].trim().length <= 40) {
    const toks: Tok[] = [{ raw: m[1], offset }];
    let at = offset + m[1].length;
    for (const part of m[2].split(/([ \u3000]+)/)) {
      if (part.trim()) toks.push({ raw: part, offset: at });
      at += part.length;
    }
    return { kind: 'row', toks };
  }
  return { kind: 'plain', tok: { raw: line, offset } };
}

/** Pipe rows: `| a | b |` and `a | b |` — the outer empty parts are not cells. */
function pipeRowCells(parts: Tok[]): Tok[] {
  let cells = parts;
  if (cells.length > 1 && cells[0]!.raw.trim() === '') cells = cells.slice(1);
  if (cells.length > 1 && cells[cells.length - 1]!.raw.trim() === '') cells = cells.slice(0, -1);
  return cells;
}

/** Whether `|` lines carry whole rows (most have two or more filled cells) or single cells. */
function pipesAreRows(lines: Line[]): boolean {
  let rows = 0;
  let singles = 0;
  for (const l of lines) {
    if (l.kind !== 'pipes') continue;
    const filled = l.parts.filter((p) => p.raw.trim() !== '').length;
    if (filled >= 2) rows++;
    else singles++;
  }
  return rows > 0 && rows >= singles;
}

/** Groups a stream of cells without row marks into rows: a label after values opens a row. */
function streamRows(toks: Tok[], isRowStart: (t: string) => boolean): Tok[][] {
  const rows: Tok[][] = [];
  let cur: Tok[] = [];
  let sawValue = false;
  for (const t of toks) {
    const text = normalizeText(t.raw);
    const value = isValueLike(text);
    if (!value && cur.length > 0 && (sawValue || isRowStart(text))) {
      rows.push(cur);
      cur = [];
      sawValue = false;
    }
    cur.push(t);
    if (value) sawValue = true;
  }
  if (cur.length) rows.push(cur);
  return rows;
}

export function textToRows(text: string, opts: TextOptions = {}): Tok[][] {
  const isRowStart = opts.isRowStart ?? (() => false);
  const lines: Line[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lines.push(classify(line.replace(/\r$/, ''), offset));
    offset += line.length + 1;
  }
  const pipeRows = pipesAreRows(lines);
  const rows: Tok[][] = [];
  let block: Tok[] = []; // seed-style block of cells
  let stream: Tok[] = []; // cells without row marks
  let pending: Tok | null = null; // stream text waiting for its `|`

  const flushBlock = () => {
    // a block may hold more than one row when the export lost a line break (seed 000: 三、本年度办理结果 0 四、…)
    if (block.length) rows.push(...streamRows(block, isRowStart));
    block = [];
  };
  const flushStream = () => {
    if (pending) stream.push(pending);
    pending = null;
    if (stream.length) rows.push(...streamRows(stream, isRowStart));
    stream = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    switch (l.kind) {
      case 'blank':
        flushBlock();
        if (!pipeRows) break;
        flushStream();
        break;
      case 'cell':
        flushStream();
        block.push(l.tok);
        break;
      case 'row':
        flushBlock();
        flushStream();
        rows.push(l.toks);
        break;
      case 'pipes':
        flushBlock();
        if (pipeRows) {
          flushStream();
          const cells = pipeRowCells(l.parts);
          if (cells.some((c) => c.raw.trim() !== '')) rows.push(cells);
          break;
        }
        // stream style: every `|` ends a cell (an empty one when nothing came since the last)
        for (let p = 0; p < l.parts.length; p++) {
          const part = l.parts[p]!;
          const isLast = p === l.parts.length - 1;
          if (part.raw.trim() !== '') {
            if (pending) stream.push(pending);
            pending = part;
          }
          if (!isLast) {
            stream.push(pending ?? { raw: '', offset: part.offset });
            pending = null;
          }
        }
        break;
      case 'plain': {
        // a line without a tab right after a seed-style cell continues that cell ("商业\n企业")
        const prev = block[block.length - 1];
        if (prev && !isValueLike(normalizeText(prev.raw)) && !isRowStart(normalizeText(l.tok.raw))) {
          block[block.length - 1] = { raw: prev.raw + '\n' + l.tok.raw, offset: prev.offset };
          break;
        }
        flushBlock();
        if (pipeRows) {
          rows.push([l.tok]);
        } else {
          if (pending) stream.push(pending);
          pending = l.tok;
        }
        break;
      }
    }
  }
  flushBlock();
  flushStream();
  return rows;
}

/** The whole text as one grid (index 0), one grid row per row found. */
export function textToGrid(text: string, opts: TextOptions = {}): Grid {
  const rows = textToRows(text, opts);
  const cells: GridCell[] = [];
  let ncols = 0;
  rows.forEach((row, r) => {
    ncols = Math.max(ncols, row.length);
    row.forEach((t, c) => {
      cells.push({ text: normalizeText(t.raw), raw: t.raw, row: r, col: c, rowspan: 1, colspan: 1, header: false, offset: t.offset });
    });
  });
  return { index: 0, caption: '', nrows: rows.length, ncols, cells, source: 'text' };
}

const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/;

/** A text file or a page's text as a PageExtract: the first lines are its headings. */
export function textToExtract(text: string, source: string, opts: TextOptions = {}): PageExtract {
  const clean = text.replace(/^\uFEFF/, '');
  const headings: string[] = [];
  let url: string | null = null;
  for (const line of clean.split('\n')) {
    const t = normalizeText(line.replace(/[#*]/g, ''));
    if (!t) continue;
    if (URL_LINE.test(t) && url === null && headings.length === 0) {
      url = t;
      continue;
    }
    if (t.length <= 80) headings.push(t);
    if (headings.length >= 12) break;
  }
  return {
    source,
    title: headings[0] ?? '',
    headings,
    grids: [textToGrid(clean, opts)],
    attachments: [],
    text: clean.length > 300_000 ? clean.slice(0, 300_000) : clean,
    truncated: null,
  };
}

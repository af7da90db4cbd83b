// What extraction hands to recognition: the page's tables as grids of cells, plus the little
// context that names the report (title, the first headings, attachment links). Everything here is
// plain data: it crosses the message boundary from the content script to the background.
import type { Attachment, Message } from '../report';

/** One cell as published (the top-left "origin" of its span). */
export interface GridCell {
  /** normalizeText(raw): NFKC, white space folded, trimmed */
  text: string;
  /** the cell's text as published (textContent with <br> as '\n'), untrimmed */
  raw: string;
  /** top-left position in the expanded grid */
  row: number;
  col: number;
  /** spans after clamping (rowspan 0 = to the end of the row group; colspan ≤ 1000, rowspan ≤ 65534) */
  rowspan: number;
  colspan: number;
  /** <th>, or a cell whose only content is bold text */
  header: boolean;
  /** text mode: character offset of the cell's text in the source */
  offset?: number;
  /** files with pages (PDF): 1-based page the cell's text is on */
  page?: number;
}

export interface Grid {
  /** 0-based position among the document's <table> elements (text mode: the block number) */
  index: number;
  /** <caption>, else the text of the nearest element before the table (≤ 200 chars) */
  caption: string;
  nrows: number;
  ncols: number;
  /** origin cells in row-major order; every position of nrows × ncols is covered by at most one */
  cells: GridCell[];
  /** where the grid was read from: a page's DOM, text, or a file's own layout */
  source: 'dom' | 'text' | 'pdf' | 'docx' | 'doc';
}

export interface PageExtract {
  /** url or file path */
  source: string;
  title: string;
  /** short title-like lines from the top of the page (h1–h3, centred or bold paragraphs, the first lines of text) */
  headings: string[];
  grids: Grid[];
  /** links to .pdf/.doc/.docx/.wps/.xls/.xlsx/.ofd/images that may hold the report */
  attachments: Attachment[];
  /** the page's text (text mode, or the visible text of an HTML page, capped) for narrative reading */
  text: string;
  /** set when extraction stopped at a bound (too many tables or cells) */
  truncated: string | null;
  /** a file reader's word for the user (a scanned PDF, an encrypted file, a kind not read): shown as the report's notice */
  notice?: Message | null;
}

/** A row of a grid as the recogniser reads it: the cells covering it, left to right. */
export interface GridRowView {
  grid: number;
  row: number;
  /** distinct cells covering this row, in column order */
  cells: GridCell[];
  /** own[i]: cells[i] starts in this row (false: it is a rowspan from above) */
  own: boolean[];
}

// One worksheet being laid out: cells by position, merged ranges, frozen panes, column widths,
// print setup; and its XML (the sheet, its comments and the VML drawing Excel needs to show them).
import type { Mark, StyleKind, Styles } from './styles';
import { cellRef, colName, xmlAttr, xmlText } from './xml';

export interface XCell {
  /** a number is written as a number; a text as a text (never a formula); null leaves it empty */
  value: string | number | null;
  kind: StyleKind;
  mark?: Mark;
  /** the cell's comment (note): the messages of the findings that involve it */
  note?: string;
  /** unit shown after the number through the number format (251000元) */
  unit?: string;
}

/** Excel's limit on the text of one cell. */
const MAX_TEXT = 32767;
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export class Sheet {
  readonly cells = new Map<number, Map<number, XCell>>();
  readonly merges: string[] = [];
  readonly widths = new Map<number, number>();
  /** rows above and columns left of the frozen panes */
  freeze = { rows: 0, cols: 0 };
  /** rows repeated at the top of every printed page */
  printTitleRows = 0;
  landscape = false;
  /** row count so far (one past the last row written) */
  height = 0;

  constructor(readonly name: string) {}

  set(row: number, col: number, cell: XCell): void {
    if (row >= MAX_ROWS || col >= MAX_COLS) throw new Error(`xlsx: cell ${row + 1}:${col + 1} of sheet ${this.name} is beyond Excel's ${MAX_ROWS} rows × ${MAX_COLS} columns`);
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    r.set(col, cell);
    this.height = Math.max(this.height, row + 1);
  }

  /** Merge a range, giving its covered cells the same look (borders are drawn cell by cell). */
  merge(r1: number, c1: number, r2: number, c2: number, kind: StyleKind): void {
    if (r1 === r2 && c1 === c2) return;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (!this.cells.get(r)?.has(c)) this.set(r, c, { value: null, kind });
    this.merges.push(`${cellRef(r1, c1)}:${cellRef(r2, c2)}`);
  }

  /** Append a row of cells at the bottom. */
  addRow(cells: readonly XCell[]): number {
    const row = this.height;
    cells.forEach((c, i) => this.set(row, i, c));
    this.height = row + 1;
    return row;
  }

  /** Cells that carry a note, in row then column order. */
  notes(): { ref: string; row: number; col: number; text: string }[] {
    const out: { ref: string; row: number; col: number; text: string }[] = [];
    for (const row of [...this.cells.keys()].sort((a, b) => a - b)) {
      const cells = this.cells.get(row)!;
      for (const col of [...cells.keys()].sort((a, b) => a - b)) {
        const note = cells.get(col)!.note;
        if (note) out.push({ ref: cellRef(row, col), row, col, text: note });
      }
    }
    return out;
  }
}

/** Shared strings: each distinct text written once (xl/sharedStrings.xml). */
export class SharedStrings {
  private index = new Map<string, number>();
  private list: string[] = [];
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`
    );
  }
}

function clip(s: string): string {
  return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT - 1) + '…' : s;
}

function cellXml(ref: string, c: XCell, styles: Styles, strings: SharedStrings): string {
  const s = styles.id(c.kind, c.mark, typeof c.value === 'number' ? c.unit : undefined);
  const style = s ? ` s="${s}"` : '';
  if (c.value === null || c.value === '') return style ? `<c r="${ref}"${style}/>` : '';
  if (typeof c.value === 'number' && Number.isFinite(c.value)) return `<c r="${ref}"${style}><v>${c.value}</v></c>`;
  return `<c r="${ref}"${style} t="s"><v>${strings.id(clip(String(c.value)))}</v></c>`;
}

function paneXml(rows: number, cols: number): string {
  if (!rows && !cols) return '<sheetView workbookViewId="0"/>';
  const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const split = `${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''}`;
  return `<sheetView workbookViewId="0"><pane${split} topLeftCell="${cellRef(rows, cols)}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${cellRef(rows, cols)}" sqref="${cellRef(rows, cols)}"/></sheetView>`;
}

/** The worksheet XML; `hasNotes` adds the legacyDrawing that shows the comments (relationship rId1). */
export function sheetXml(sheet: Sheet, styles: Styles, strings: SharedStrings, hasNotes: boolean): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<sheetViews>${paneXml(sheet.freeze.rows, sheet.freeze.cols)}</sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];
  if (sheet.widths.size) {
    const cols = [...sheet.widths].sort((a, b) => a[0] - b[0]).map(([c, w]) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`);
    parts.push(`<cols>${cols.join('')}</cols>`);
  }
  parts.push('<sheetData>');
  for (const row of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const cells = sheet.cells.get(row)!;
    const xml = [...cells.keys()].sort((a, b) => a - b).map((col) => cellXml(cellRef(row, col), cells.get(col)!, styles, strings)).join('');
    if (xml) parts.push(`<row r="${row + 1}">${xml}</row>`);
  }
  parts.push('</sheetData>');
  if (sheet.merges.length) parts.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  parts.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  // A4, one page wide, as many pages tall as it takes
  parts.push(`<pageSetup paperSize="9" orientation="${sheet.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`);
  if (hasNotes) parts.push('<legacyDrawing r:id="rId1"/>');
  parts.push('</worksheet>');
  return parts.join('');
}

/** xl/commentsN.xml: the notes' texts. */
export function commentsXml(notes: ReturnType<Sheet['notes']>): string {
  const list = notes.map((n) => `<comment ref="${n.ref}" authorId="0"><text><r><t xml:space="preserve">${xmlText(clip(n.text))}</t></r></text></comment>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>核对 check</author></authors>' +
    `<commentList>${list.join('')}</commentList></comments>`
  );
}

/**
 * xl/drawings/vmlDrawingN.vml: Excel shows a comment only through a hidden VML note shape
 * anchored at its cell. Shape ids come in blocks of 1024 that must not overlap between sheets:
 * this sheet's shapes start at block `firstBlock` and use `vmlBlocks(notes.length)` blocks.
 */
export function vmlXml(notes: ReturnType<Sheet['notes']>, firstBlock: number): string {
  const shapes = notes.map((n, i) => {
    const lines = n.text.split('\n').length;
    // anchor: left col, dx, top row, dy, right col, dx, bottom row, dy (the box when shown)
    const anchor = `${n.col + 1}, 15, ${Math.max(0, n.row - 1)}, 10, ${n.col + 5}, 15, ${n.row + 2 + Math.min(lines * 2, 20)}, 4`;
    return (
      `<v:shape id="_x0000_s${firstBlock * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:${40 + 26 * Math.min(lines, 10)}pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
    );
  });
  const blocks = Array.from({ length: vmlBlocks(notes.length) }, (_, i) => firstBlock + i);
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join('') +
    '</xml>'
  );
}

/** Blocks of 1024 shape ids a sheet's notes take (ids start at 1 within the first block). */
export function vmlBlocks(notes: number): number {
  return Math.max(1, Math.ceil((notes + 1) / 1024));
}

/** 'Sheet'!$1:$5 for the print titles of a sheet. */
export function printTitles(sheet: Sheet): string | null {
  if (!sheet.printTitleRows) return null;
  return `'${xmlAttr(sheet.name.replace(/'/g, "''"))}'!$1:$${sheet.printTitleRows}`;
}

export { colName };

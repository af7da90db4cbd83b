// A .doc's paragraphs → paragraphs and tables. In Word's binary format a table is a run of
// paragraphs marked "in table": each cell's last paragraph ends with a cell mark (0x07), and each
// row ends with one more paragraph, the row end, whose properties (sprmTDefTable) give the row's
// cell boundaries and merges. Columns are the distinct boundaries of all rows of a table: a cell
// spans the columns between its left and right boundary (Word's merged cells are cells of another
// width). Vertically merged cells become a rowspan of the first; a tables nested in a cell is read
// as lines of that cell.
import type { WordBlock, WordCell } from './blocks';
import type { ParaProps } from './papx';

export interface DocParagraph {
  text: string;
  mark: number;
  props: ParaProps;
}

interface RowBuild {
  cells: { lines: string[] }[];
  props: ParaProps | null;
}

/**
 * Boundaries this close (twips, 1/20 pt; 180 ≈ 3 mm, narrower than any column of figures) are one
 * column edge: Word keeps each row's own widths, and rows of one table drift by a few millimetres.
 */
const SNAP = 180;

export function docBlocks(paras: DocParagraph[]): WordBlock[] {
  const blocks: WordBlock[] = [];
  let rows: RowBuild[] = [];
  let cells: { lines: string[] }[] = [];
  let lines: string[] = [];

  const flushTable = (): void => {
    if (lines.length || cells.length) rows.push({ cells: [...cells, ...(lines.length ? [{ lines }] : [])], props: null });
    if (rows.length) blocks.push({ kind: 'table', rows: layout(rows) });
    rows = [];
    cells = [];
    lines = [];
  };

  for (const p of paras) {
    const { props } = p;
    const depth = props.inTable ? Math.max(1, props.depth) : props.depth;
    if (depth === 0) {
      if (rows.length || cells.length || lines.length) flushTable();
      blocks.push({ kind: 'p', text: p.text, title: props.centered, bold: false });
      continue;
    }
    if (depth > 1) {
      // a nested table: its cells' text, not its row ends, is the outer cell's
      if (!props.innerRowEnd && p.text.trim() !== '') lines.push(p.text);
      continue;
    }
    if (props.rowEnd) {
      if (lines.length) cells.push({ lines }), (lines = []);
      rows.push({ cells, props });
      cells = [];
      continue;
    }
    if (p.text.trim() !== '') lines.push(p.text);
    if (p.mark === 0x07) {
      cells.push({ lines });
      lines = [];
    }
  }
  flushTable();
  return blocks;
}

/** Rows of cells with their boundaries → rows of WordCells with colspans and rowspans. */
function layout(rows: RowBuild[]): WordCell[][] {
  const edges = columnEdges(rows);
  type Placed = WordCell & { start: number; end: number; v: number };
  const placed: Placed[][] = rows.map((row) => {
    const b = row.props?.bounds;
    const out: Placed[] = [];
    row.cells.forEach((c, i) => {
      let start: number;
      let end: number;
      if (b && i + 1 < b.length) {
        start = edgeIndex(edges, b[i]!);
        end = Math.max(start + 1, edgeIndex(edges, b[i + 1]!));
      } else {
        start = out.length ? out[out.length - 1]!.end : 0;
        end = start + 1;
      }
      const h = row.props?.hmerge[i] ?? 0;
      const prev = out[out.length - 1];
      if (h === 2 && prev) {
        // merged into the previous cell (Word 97's horizontal merge): widen it
        prev.end = end;
        prev.colspan = prev.end - prev.start;
        if (c.lines.length) prev.lines.push(...c.lines);
        return;
      }
      out.push({ lines: c.lines, colspan: end - start, rowspan: 1, bold: false, start, end, v: row.props?.vmerge[i] ?? 0 });
    });
    return out;
  });

  // vertical merges: a "merged" cell (1) joins the open merge that starts at its column
  const open = new Map<number, Placed>();
  const result: WordCell[][] = [];
  for (const row of placed) {
    const cells: WordCell[] = [];
    for (const c of row) {
      if (c.v === 1) {
        const origin = open.get(c.start);
        if (origin && origin.end === c.end) {
          origin.rowspan++;
          if (c.lines.length) origin.lines.push(...c.lines);
          continue;
        }
      }
      for (const [k, o] of open) if (o.start < c.end && c.start < o.end) open.delete(k);
      if (c.v >= 2) open.set(c.start, c);
      cells.push(c);
    }
    result.push(cells);
  }
  // the objects are final only now (rowspans grew while later rows were read)
  return result.map((r) => r.map(({ lines, colspan, rowspan, bold }) => ({ lines, colspan, rowspan, bold })));
}

/** The distinct cell boundaries of all rows, snapped together, sorted. */
function columnEdges(rows: RowBuild[]): number[] {
  const all = rows.flatMap((r) => r.props?.bounds ?? []).sort((a, b) => a - b);
  const edges: number[] = [];
  let clusterStart = Number.NEGATIVE_INFINITY;
  for (const x of all) {
    // measured from the cluster's first edge, so a run of close edges does not chain into one
    if (x - clusterStart > SNAP) {
      edges.push(x);
      clusterStart = x;
    }
  }
  return edges;
}

function edgeIndex(edges: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i]! - x) < Math.abs(edges[best]! - x)) best = i;
  return best;
}

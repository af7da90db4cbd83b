// Lines of a PDF → grids shaped like the grids of HTML tables: row labels in the first columns,
// one header row naming the value columns, then one row per table row with a cell for every value
// column (blank where the cell is blank).
//
// The table is rebuilt from positions only (no ruling lines are read), in the way that holds for
// Chromium prints, Word/WPS/LibreOffice exports alike:
// - a value line is a line ending in figures; the lines before the first value line of a table
//   that reach into the figures' side are its header band;
// - the value columns are the header's leaves (the header texts with no other header text below
//   them), each number going to the leaf whose range holds it, ranges cut at the midpoints between
//   leaf centres: never by counting cells, so a blank cell shifts nothing. Without a usable header
//   (a table whose header is an image, or was left on an earlier page) the columns are the
//   clusters of the figures' own x ranges;
// - label text that is not on a value line (wrapped labels above and below their figures, group
//   labels centred between their sub-rows) is gathered into blocks per label column and joined to
//   the value line it touches; a block far from every value line is a row of its own (a row left
//   blank, a group label);
// - a table goes on over page breaks (the pages are one strip), until running text or a new header;
//   rows whose figures no longer line up with its columns (a table continued without its header
//   and laid out afresh with other widths) start a table of their own, with the columns of their
//   own figures, which the recogniser places as it places such a table's HTML;
// - every distance is in em of the text's size, so small prints, large ones and landscape pages
//   are read alike; what pdfjs runs together is cut again where the columns say (touching header
//   cells, zeros of squeezed cells, letter-spaced cells, a group label touching its sub-row's).
import type { Grid, GridCell } from '../types';
import { isValueLike } from '../number';
import { isProseLine, type Chunk, type Layout, type Line } from './layout';

/** Vertical reach (in em) within which a label block belongs to a value line. */
const ATTACH_EM = 2;
/** Reach (in em) below a table's last value line of the wrapped end of its label, before a new header. */
const TAIL_EM = 1.2;
/** Vertical gap (in em) within which label pieces of one column are one wrapped label. */
const WRAP_EM = 2;

/** A figure chunk: value-like text that is not the slash of 增/减 standing alone. */
function isFigure(c: Chunk): boolean {
  return c.text !== '/' && c.text !== '／' && isValueLike(c.text);
}

interface ValueLine {
  line: Line;
  labels: Chunk[];
  values: Chunk[];
}

/** The line's figures: the run of figure chunks at its right end, if the line is a table row. */
function valueRun(line: Line, layout: Layout): ValueLine | null {
  const cs = line.chunks;
  let start = cs.length;
  while (start > 0 && isFigure(cs[start - 1]!)) start--;
  if (start === cs.length) return null;
  const values = cs.slice(start).flatMap(splitZeroRun);
  const labels = cs.slice(0, start);
  const width = layout.right - layout.left;
  // a lone figure is a cell only away from the left margin, after a gap (not '第 3' of a sentence)
  if (values.length === 1) {
    const v = values[0]!;
    const prev = labels[labels.length - 1];
    if (v.x0 < layout.left + 0.15 * width) return null;
    if (prev && v.x0 - prev.x1 < 0.8 * v.size) return null;
  }
  return { line, labels, values };
}

/**
 * A run of digits with a leading zero ("0000000") is no number: it is the figures of cells so
 * narrow that pdfjs joined them (a table squeezed into its page), one digit a cell. Digits are of
 * one width, so each is placed at its share of the run.
 */
function splitZeroRun(c: Chunk): Chunk[] {
  if (!/^0[0-9]+$/.test(c.text)) return [c];
  const w = (c.x1 - c.x0) / c.text.length;
  return [...c.text].map((d, i) => ({ ...c, text: d, parts: undefined, x0: c.x0 + i * w, x1: c.x0 + (i + 1) * w }));
}

interface Column {
  /** x range that holds the column's figures */
  from: number;
  to: number;
  centre: number;
  name: Chunk[];
}

interface Section {
  band: Line[];
  body: (Line | ValueLine)[];
}

function isValueLine(x: Line | ValueLine): x is ValueLine {
  return 'values' in x;
}

function lineOf(x: Line | ValueLine): Line {
  return isValueLine(x) ? x.line : x;
}

function overlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** Clusters of x ranges that overlap one another (union of intervals, sorted by x). */
function clusters(ranges: { x0: number; x1: number }[]): { x0: number; x1: number }[] {
  const sorted = [...ranges].sort((a, b) => a.x0 - b.x0);
  const out: { x0: number; x1: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.x0 < last.x1 - 0.5) last.x1 = Math.max(last.x1, r.x1);
    else out.push({ x0: r.x0, x1: r.x1 });
  }
  return out;
}

/** The left edge of the figures: what lies left of it is label. */
function labelEdge(body: (Line | ValueLine)[]): number {
  let edge = Infinity;
  for (const x of body) if (isValueLine(x)) for (const v of x.values) edge = Math.min(edge, v.x0);
  return edge;
}

function inValueArea(c: Chunk, edge: number): boolean {
  return (c.x0 + c.x1) / 2 >= edge - 0.5 * c.size;
}

/** The value columns of a section: the header's leaves where they account for every figure, else the figures' clusters. */
function columnsOf(sec: Section): { cols: Column[]; byLeaves: boolean } {
  const edge = labelEdge(sec.body);
  const figures: Chunk[] = [];
  for (const x of sec.body) if (isValueLine(x)) figures.push(...x.values);
  const figureRanges = clusters(figures);
  const head: Chunk[] = [];
  // the right end of the row labels: header text that starts beyond it heads figures
  let labelRight = -Infinity;
  for (const x of sec.body) if (isValueLine(x) && x.labels.length) labelRight = Math.max(labelRight, x.labels[x.labels.length - 1]!.x1);
  if (labelRight === -Infinity) labelRight = Infinity;
  const bandLines = sec.band.map((l) => cutAtColumns(l.chunks, figureRanges));
  bandLines.forEach((cs, i) => {
    // a header over a column of figures, though it starts left of them (上一年项 | 目数量 over a
    // centred 7, in a Word table's wide cell)
    const over = (c: Chunk) => figureRanges.some((r) => overlap(r, c) >= 0.5 * (r.x1 - r.x0)) || c.x0 >= labelRight - 0.2 * c.size;
    for (const c of joinCellWords(cs, bandLines.slice(i + 1, i + 4).flat(), figureRanges)) if (inValueArea(c, edge) || over(c)) head.push(c);
  });
  // leaves: header texts with no header text below them over the same x
  const leaves = head.filter((c) => !head.some((d) => d.y < c.y - 0.3 * c.size && overlap(c, d) > 0.3 * Math.min(c.x1 - c.x0, d.x1 - d.x0)));
  const leafRanges = clusters(leaves);
  let cols: Column[] | null = null;
  let byLeaves = false;
  // figures well left of the header's first column are outside it (a row printed with a cell
  // more than the header has, as a merged or shifted row is): sectionGrid keeps them apart
  const mids = leafRanges.map((r) => (r.x0 + r.x1) / 2);
  const strayLimit = mids.length >= 2 ? strayEdge(mids[0]!, mids[1]!) : -Infinity;
  const inHeader = (r: { x0: number; x1: number }) => (r.x0 + r.x1) / 2 >= strayLimit;
  const headed = figureRanges.filter(inHeader);
  // rows printed with their cells shifted (a malformed table) make more clusters of figures than
  // the header has columns: the header still holds when it has a column for every figure of a
  // usual row, and each column has figures under it
  const shifted = leafRanges.length < headed.length && leafRanges.length >= usualFigures(sec.body, inHeader);
  if ((leafRanges.length >= headed.length || shifted) && leafRanges.length > 0) {
    cols = leafRanges.map((r) => ({ from: 0, to: 0, centre: (r.x0 + r.x1) / 2, name: [] }));
    cutAtMidpoints(cols, edge);
    // every figure cluster must fall in one leaf's range, else the header is not this table's
    const fits = headed.every((r) => cols!.some((c) => (r.x0 + r.x1) / 2 >= c.from && (r.x0 + r.x1) / 2 < c.to));
    const used = new Set(headed.map((r) => cols!.findIndex((c) => (r.x0 + r.x1) / 2 >= c.from && (r.x0 + r.x1) / 2 < c.to)));
    if (!fits || used.size !== (shifted ? cols.length : headed.length)) cols = null;
    else byLeaves = true;
  }
  if (!cols) {
    const ranges = clusters([...figures, ...leaves]);
    const usual = usualFigures(sec.body);
    // figures of narrow, touching columns: one row a little off the others chains their ranges
    // together; the columns are then where a usual row has its figures
    const row = ranges.length < usual ? sec.body.find((x): x is ValueLine => isValueLine(x) && x.values.length === usual) : undefined;
    cols = (row ? row.values : ranges).map((r) => ({ from: 0, to: 0, centre: (r.x0 + r.x1) / 2, name: [] }));
    cutAtMidpoints(cols, edge);
  }
  // names: header texts that sit within one column (stacked lines of one header cell)
  for (const c of head) {
    const mid = (c.x0 + c.x1) / 2;
    const col = cols.find((k) => mid >= k.from && mid < k.to);
    if (!col) continue;
    // a parent header (申请人情况 over 自然人 and 商业企业) reaches out of the column
    const inside = Math.min(c.x1, col.to) - Math.max(c.x0, col.from);
    // a header cell's first lines may be wider than its last (本年新制作数 | 量, at large print):
    // they lie over its leaf and no other
    // they lie over its leaf and no other, starting where it starts or centred on it (a parent
    // header is centred over several)
    const under = byLeaves ? leafRanges.filter((r) => overlap(r, c) > 0) : [];
    const leaf = under[0];
    const oneLeaf = under.length === 1 && leaf !== undefined && (Math.abs(leaf.x0 - c.x0) <= 0.5 * c.size || Math.abs(leaf.x0 + leaf.x1 - c.x0 - c.x1) <= c.size);
    if (inside >= 0.9 * (c.x1 - c.x0) || oneLeaf) col.name.push(c);
  }
  return { cols, byLeaves };
}

/**
 * Words of one header cell a space apart, in a cell that wraps (结果 维 | 持): chunks of a line
 * less than 0.6 em apart are joined when the next line goes on under the first of them and
 * together they lie over one column of figures at most (two cells side by side lie over two).
 */
function joinCellWords(chunks: Chunk[], below: Chunk[], figureRanges: { x0: number; x1: number }[]): Chunk[] {
  if (figureRanges.length < 2 || !below.length) return chunks;
  const out: Chunk[] = [];
  for (const c of chunks) {
    const last = out[out.length - 1];
    const wraps = last !== undefined && below.some((b) => Math.abs(b.x0 - last.x0) <= 0.3 * b.size && b.y < last.y && last.y - b.y <= 1.6 * b.size && b.x1 < c.x0);
    if (last && wraps && c.x0 - last.x1 >= 0 && c.x0 - last.x1 <= 0.6 * Math.min(c.size, last.size) && figureRanges.filter((r) => r.x1 > last.x0 && r.x0 < c.x1).length <= 1) {
      out[out.length - 1] = { ...last, text: last.text + c.text, parts: [...(last.parts ?? [{ text: last.text, x0: last.x0, x1: last.x1 }]), ...(c.parts ?? [{ text: c.text, x0: c.x0, x1: c.x1 }])], x1: Math.max(last.x1, c.x1) };
    } else out.push(c);
  }
  return out;
}

/**
 * Where a row's figures start: its first figure, unless that one stands far left of the others
 * (more than 2.5 times their spacing: a stray cell in a label column, as a merged row prints it).
 */
function rowEdge(values: Chunk[]): number {
  if (values.length < 4) return values[0]?.x0 ?? Infinity;
  const gaps = values.slice(2).map((v, i) => v.x0 - values[i + 1]!.x0).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)]!;
  return values[1]!.x0 - values[0]!.x0 > 2.5 * usual ? values[1]!.x0 : values[0]!.x0;
}

/** Where figures stop being under a header whose first two columns are centred at a and b. */
function strayEdge(a: number, b: number): number {
  return a - 0.75 * (b - a);
}

/** The number of figures (those kept) most value lines of a body have: the table's width in figures. */
function usualFigures(body: (Line | ValueLine)[], keep: (v: Chunk) => boolean = () => true): number {
  const counts = new Map<number, number>();
  for (const x of body) {
    if (!isValueLine(x)) continue;
    const n = x.values.filter(keep).length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best = 0;
  let seen = 0;
  for (const [n, k] of counts) if (k > seen || (k === seen && n > best)) (best = n), (seen = k);
  return best;
}

/** The cluster a run lies over (x ranges overlapping), -1 for none. */
function over(ranges: { x0: number; x1: number }[], r: { x0: number; x1: number }): number {
  return ranges.findIndex((k) => overlap(k, r) > 0);
}

/**
 * Header chunks cut where their runs lie over different columns of figures: header cells printed
 * nearly touching (社会公|法律服|其, a header scaled to fill narrow cells) join into one chunk.
 */
function cutAtColumns(chunks: Chunk[], figureRanges: { x0: number; x1: number }[]): Chunk[] {
  if (figureRanges.length < 2) return chunks;
  const out: Chunk[] = [];
  for (const c0 of chunks) {
    const c = cutTouchingCells(c0, figureRanges);
    const parts = c.parts;
    if (!parts || parts.length < 2) {
      out.push(c);
      continue;
    }
    let run = [parts[0]!];
    const flush = (): void => void out.push({ ...c, text: run.map((p) => p.text).join(''), parts: run, x0: run[0]!.x0, x1: Math.max(...run.map((p) => p.x1)) });
    for (let i = 1; i < parts.length; i++) {
      const a = run[run.length - 1]!;
      const b = parts[i]!;
      // runs over two different columns of figures are two cells, however close (a header
      // scaled to fill its narrow cells); a word split by a font switch lies over one column
      const ia = over(figureRanges, a);
      const ib = over(figureRanges, b);
      // (not a word of two ideographs printed as one: 总计 over a merged cell's two columns)
      const word = a.text.length === 1 && b.text.length === 1 && run.length === 1 && i === parts.length - 1 && b.x0 - a.x1 < 0.1 * c.size;
      if (ia >= 0 && ib >= 0 && ia !== ib && !word) {
        flush();
        run = [b];
      } else run.push(b);
    }
    flush();
  }
  return out;
}

/**
 * Header cells so narrow that their texts touch come as one pdfjs item (商业企业科研机构社会公益组织…):
 * ideographs are one em each, so the character boundaries are known, and a cell's text starts at
 * its left edge, where the figures under it start too. The run is cut at the boundaries that meet
 * the left edge of a column of figures.
 */
function cutTouchingCells(c: Chunk, figureRanges: { x0: number; x1: number }[]): Chunk {
  const parts = c.parts ?? [{ text: c.text, x0: c.x0, x1: c.x1 }];
  if (!parts.some((p) => p.text.length > 1 && figureRanges.filter((r) => overlap(r, p) > 0).length > 1)) return c;
  const out: { text: string; x0: number; x1: number }[] = [];
  for (const p of parts) {
    const n = p.text.length;
    const w = (p.x1 - p.x0) / n;
    if (n < 2 || [...p.text].some((ch) => ch.charCodeAt(0) < 0x2e80) || figureRanges.filter((r) => overlap(r, p) > 0).length < 2) {
      out.push(p);
      continue;
    }
    // touching cells start where their figures start: the run's own start, and every start of a
    // column inside it on a character boundary (a parent header centred over its columns is not)
    const near = (x: number) => Math.abs(x - p.x0 - Math.round((x - p.x0) / w) * w) <= 0.25 * w;
    const inside = figureRanges.filter((r) => r.x0 > p.x0 + 0.5 * w && r.x0 < p.x1 - 0.5 * w);
    if (!figureRanges.some((r) => Math.abs(r.x0 - p.x0) <= 0.25 * w) || !inside.every((r) => near(r.x0))) {
      out.push(p);
      continue;
    }
    let from = 0;
    for (let i = 1; i <= n; i++) {
      const b = p.x0 + i * w;
      if (i === n || figureRanges.some((r) => Math.abs(r.x0 - b) <= 0.25 * w)) {
        out.push({ text: p.text.slice(from, i), x0: p.x0 + from * w, x1: b });
        from = i;
      }
    }
  }
  return out.length === parts.length ? c : { ...c, parts: out };
}

function cutAtMidpoints(cols: Column[], edge: number): void {
  cols.sort((a, b) => a.centre - b.centre);
  cols.forEach((c, i) => {
    const prev = cols[i - 1];
    const next = cols[i + 1];
    c.from = prev ? (prev.centre + c.centre) / 2 : Math.min(edge, c.centre) - 1e-6 - (next ? (next.centre - c.centre) / 2 : 0);
    c.to = next ? (c.centre + next.centre) / 2 : c.centre + (prev ? (c.centre - prev.centre) / 2 : Infinity) + 1e6;
  });
}

/** A run of label pieces of one column read as one label. */
interface Block {
  pieces: Chunk[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** the value line a piece of it is on, if any */
  anchor: ValueLine | null;
  size: number;
}

function nearestAnchor(anchors: ValueLine[], y: number): ValueLine | null {
  let best: ValueLine | null = null;
  for (const a of anchors) if (!best || Math.abs(a.line.y - y) < Math.abs(best.line.y - y)) best = a;
  return best;
}

/** The value lines nearest to y: two when y lies halfway between them (a label's first line, small prints). */
function nearestAnchors(anchors: ValueLine[], y: number): ValueLine[] {
  const best = nearestAnchor(anchors, y);
  if (!best) return [];
  const d = Math.abs(best.line.y - y);
  return anchors.filter((a) => Math.abs(Math.abs(a.line.y - y) - d) <= 0.1 * a.line.size);
}

/**
 * A label that opens a row: "1." or "（六）" at its start. It never continues the label above it
 * (a wrapped label goes on with words, not with the next item's number).
 */
const ROW_START = /^(?:[0-9]{1,2}[.．、](?![0-9])|[(（][一二三四五六七八九十]{1,3}[)）])/;

/**
 * Label columns start where many label lines start. A chunk running over such a start (a group
 * label's last character touching the sub-row's '1.', as Chromium prints narrow cells) is two
 * labels: it is cut there.
 */
function cutAtLabelStarts(pieces: { c: Chunk; anchor: ValueLine | null }[]): void {
  const counts = new Map<number, number>();
  for (const { c } of pieces) counts.set(Math.round(c.x0), (counts.get(Math.round(c.x0)) ?? 0) + 1);
  const starts = [...counts].filter(([, n]) => n >= 3).map(([x]) => x);
  if (!starts.length) return;
  for (let i = 0; i < pieces.length; i++) {
    const { c, anchor } = pieces[i]!;
    const parts = charParts(c);
    if (parts.length < 2) continue;
    const at = parts.findIndex((p, k) => k > 0 && starts.some((x) => Math.abs(p.x0 - x) <= 0.15 * c.size));
    if (at < 0) continue;
    const left = parts.slice(0, at);
    const right = parts.slice(at);
    const make = (ps: typeof parts): Chunk => ({ ...c, text: ps.map((p) => p.text).join(''), parts: runsOf(c, ps), x0: ps[0]!.x0, x1: Math.max(...ps.map((p) => p.x1)) });
    pieces.splice(i, 1, { c: make(left), anchor }, { c: make(right), anchor });
    i--; // the right part may hold another start
  }
}

/**
 * A chunk's runs, and the characters of a run of ideographs and full-width forms (each 1 em, so
 * their borders are known): pdfjs runs two label cells into one item when they nearly touch
 * (三、本年度办理结果（一）予以公开).
 */
function charParts(c: Chunk): { text: string; x0: number; x1: number }[] {
  const parts = c.parts ?? [{ text: c.text, x0: c.x0, x1: c.x1 }];
  const out: { text: string; x0: number; x1: number }[] = [];
  for (const p of parts) {
    const n = p.text.length;
    const w = c.size;
    // only where every character is wide, and the run is a little wider than its characters: a
    // gap inside it, where one cell's text ends and the next one's starts (a wrapped label that
    // runs over the next label column has none)
    const extra = p.x1 - p.x0 - n * w;
    if (n < 2 || extra < 0.05 * w || extra > w || [...p.text].some((ch) => ch.charCodeAt(0) < 0x2e80 && !/[(),:;]/.test(ch))) {
      out.push(p);
      continue;
    }
    // placed from the run's end: a cut leaves the right part exactly as wide as its characters
    for (let i = 0; i < n; i++) out.push({ text: p.text[i]!, x0: i === 0 ? p.x0 : p.x1 - (n - i) * w, x1: p.x1 - (n - i - 1) * w });
  }
  return out;
}

/**
 * The runs of chunk c that a piece of it (pieces from charParts) covers, cut to the piece: a
 * run's characters were only candidates for a cut, the piece keeps runs as its parts.
 */
function runsOf(c: Chunk, piece: { text: string; x0: number; x1: number }[]): { text: string; x0: number; x1: number }[] {
  const from = piece[0]!.x0;
  const to = piece[piece.length - 1]!.x1;
  const runs = c.parts ?? [{ text: c.text, x0: c.x0, x1: c.x1 }];
  return runs
    .filter((r) => r.x0 < to && r.x1 > from)
    .map((r) => ({ text: piece.filter((q) => q.x0 >= r.x0 - 0.01 && q.x1 <= r.x1 + 0.01).map((q) => q.text).join(''), x0: Math.max(r.x0, from), x1: Math.min(r.x1, to) }));
}

function anchorsBetween(anchors: ValueLine[], low: number, high: number): number {
  let n = 0;
  for (const a of anchors) if (a.line.y >= low - 0.3 * a.line.size && a.line.y <= high + 0.3 * a.line.size) n++;
  return n;
}

interface Row {
  y: number;
  anchor: ValueLine | null;
  blocks: Block[];
}

function bodyRows(body: (Line | ValueLine)[]): Row[] {
  const anchors = body.filter(isValueLine);
  const pieces: { c: Chunk; anchor: ValueLine | null }[] = [];
  for (const x of body) {
    if (isValueLine(x)) for (const c of x.labels) pieces.push({ c, anchor: x });
    else for (const c of x.chunks) pieces.push({ c, anchor: null });
  }
  cutAtLabelStarts(pieces);
  pieces.sort((a, b) => b.c.y - a.c.y || a.c.x0 - b.c.x0);
  const blocks: Block[] = [];
  for (const { c, anchor } of pieces) {
    const near = nearestAnchors(anchors, c.y);
    const opens = ROW_START.test(c.text);
    const b = blocks.find(
      (k) =>
        !opens &&
        k.bottom - c.y > 0.3 * c.size &&
        k.bottom - c.y <= WRAP_EM * Math.max(c.size, k.size) &&
        overlap(k, c) > 0.3 * Math.min(k.x1 - k.x0, c.x1 - c.x0) &&
        !(k.anchor && anchor && k.anchor !== anchor) &&
        // a label is wrapped around one value line: a block reaching over two holds two labels
        anchorsBetween(anchors, c.y, k.top) < 2 &&
        // nor over to the next one: a line nearer another value line than the block's is that one's
        // (halfway between two, either will do)
        (near.length === 0 || (k.anchor ? near.includes(k.anchor) : nearestAnchors(anchors, (k.top + k.bottom) / 2).some((a) => near.includes(a)))),
    );
    if (b) {
      b.pieces.push(c);
      b.x0 = Math.min(b.x0, c.x0);
      b.x1 = Math.max(b.x1, c.x1);
      b.bottom = c.y;
      b.anchor ??= anchor;
    } else {
      blocks.push({ pieces: [c], x0: c.x0, x1: c.x1, top: c.y, bottom: c.y, anchor, size: c.size });
    }
  }
  const rows = new Map<ValueLine, Row>(anchors.map((a) => [a, { y: a.line.y, anchor: a, blocks: [] }]));
  const own: Row[] = [];
  for (const b of blocks) {
    let to = b.anchor;
    if (!to) {
      let best = Infinity;
      for (const a of anchors) {
        const y = a.line.y;
        const d = y <= b.top + 0.5 * b.size && y >= b.bottom - 0.5 * b.size ? 0 : Math.min(Math.abs(y - b.top), Math.abs(y - b.bottom));
        if (d < best) (best = d), (to = a);
      }
      if (best > ATTACH_EM * b.size) to = null;
    }
    if (to) rows.get(to)!.blocks.push(b);
    else {
      const near = own.find((r) => Math.abs(r.y - b.top) <= 0.5 * b.size);
      if (near) near.blocks.push(b);
      else own.push({ y: b.top, anchor: null, blocks: [b] });
    }
  }
  return [...rows.values(), ...own].sort((a, b) => b.y - a.y);
}

/** Label columns: blocks' left edges clustered (an em apart or more), left to right. */
function labelColumns(rows: Row[]): (b: Block) => number {
  const blocks = rows.flatMap((r) => r.blocks);
  const xs = blocks.map((b) => b.x0).sort((a, b) => a - b);
  const sizes = blocks.map((b) => b.size).sort((a, b) => a - b);
  const em = sizes[Math.floor(sizes.length / 2)] ?? 12;
  const starts: number[] = [];
  for (const x of xs) if (!starts.length || x - starts[starts.length - 1]! > em) starts.push(x);
  return (b) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= b.x0 + 1e-6) i++;
    return i;
  };
}

function joinTexts(chunks: Chunk[]): string {
  let s = '';
  for (const c of chunks) {
    if (s && /[\x21-\x7e]$/.test(s) && /^[\x21-\x7e]/.test(c.text)) s += ' ';
    s += c.text;
  }
  return s;
}

function cell(text: string, row: number, col: number, page: number, header = false): GridCell {
  return { text, raw: text, row, col, rowspan: 1, colspan: 1, header, page };
}

function sectionGrid(sec: Section, index: number): Grid | null {
  if (!sec.body.some(isValueLine)) return null;
  const { cols, byLeaves } = columnsOf(sec);
  const rows = bodyRows(sec.body);
  const labelCol = labelColumns(rows);
  const nLabels = Math.max(1, ...rows.flatMap((r) => r.blocks.map((b) => labelCol(b) + 1)));
  const cells: GridCell[] = [];
  let r = 0;

  // the header band: lines above the column names as rows of their own (titles, parent headers),
  // then one header row: the band's label text, and each column's name
  const named = new Set(cols.flatMap((c) => c.name));
  const edge = labelEdge(sec.body);
  const nameTop = Math.max(-Infinity, ...[...named].map((c) => c.y));
  const headLabels: Chunk[] = [];
  for (const l of sec.band) {
    const loose = l.chunks.filter((c) => !named.has(c));
    if (!loose.length) continue;
    if (l.y > nameTop + 0.3 * l.size || !named.size) {
      loose.forEach((c, i) => cells.push(cell(c.text, r, Math.min(i, nLabels + cols.length - 1), c.page, true)));
      r++;
    } else {
      headLabels.push(...loose.filter((c) => !inValueArea(c, edge)));
    }
  }
  if (named.size) {
    const page = [...named][0]!.page;
    if (headLabels.length) cells.push(cell(joinTexts(headLabels), r, 0, headLabels[0]!.page, true));
    cols.forEach((c, j) => {
      if (c.name.length) cells.push(cell(joinTexts([...c.name].sort((a, b) => b.y - a.y || a.x0 - b.x0)), r, nLabels + j, page, true));
    });
    r++;
  }

  for (const row of rows) {
    const byCol = new Map<number, Block[]>();
    for (const b of row.blocks) {
      const k = labelCol(b);
      byCol.set(k, [...(byCol.get(k) ?? []), b]);
    }
    const page = row.anchor?.line.page ?? row.blocks[0]?.pieces[0]?.page ?? 1;
    for (const [k, bs] of [...byCol].sort((a, b) => a[0] - b[0])) {
      const pieces = bs.flatMap((b) => b.pieces).sort((a, b) => b.y - a.y || a.x0 - b.x0);
      cells.push(cell(joinTexts(pieces), r, k, pieces[0]!.page));
    }
    const texts: Chunk[][] = cols.map(() => []);
    let values = row.anchor?.values ?? [];
    // a figure well left of the header's first column (a row printed with its cells shifted, one
    // cell more than the header has) is outside the header: it stays apart, in the last label
    // column, as the row's HTML puts it
    if (byLeaves && cols.length >= 2 && nLabels >= 2) {
      const limit = strayEdge(cols[0]!.centre, cols[1]!.centre);
      const strays = values.filter((v) => (v.x0 + v.x1) / 2 < limit);
      if (strays.length && !cells.some((c) => c.row === r && c.col === nLabels - 1)) {
        cells.push(cell(strays.map((v) => v.text).join(' '), r, nLabels - 1, strays[0]!.page));
        values = values.filter((v) => !strays.includes(v));
      }
    }
    for (const v of values) {
      const mid = (v.x0 + v.x1) / 2;
      let j = cols.findIndex((c) => mid >= c.from && mid < c.to);
      if (j < 0) j = mid < cols[0]!.from ? 0 : cols.length - 1;
      texts[j]!.push(v);
    }
    // two figures in one column: the row does not follow the header (its cells shifted, as a
    // malformed table prints them); it is read as such a table's HTML is, from the right end
    if (texts.some((t) => t.length > 1) && values.length <= cols.length) {
      texts.forEach((t) => (t.length = 0));
      values.forEach((v, i) => texts[cols.length - values.length + i]!.push(v));
    }
    texts.forEach((vs, j) => cells.push(cell(vs.map((v) => v.text).join(' '), r, nLabels + j, vs[0]?.page ?? page)));
    r++;
  }
  return { index, caption: '', nrows: r, ncols: nLabels + cols.length, cells, source: 'pdf' };
}

/** The tables of a document laid out on one strip. */
export function tablesOf(layout: Layout): Grid[] {
  const sections: Section[] = [];
  let cur: Section | null = null;
  let pending: Line[] = [];
  const items: (Line | ValueLine | 'prose')[] = layout.lines.map((l) => (isProseLine(l, layout) ? 'prose' : (valueRun(l, layout) ?? l)));

  const flush = (next: number): void => {
    // the non-value lines before a value line: a new header band if they reach into the figures'
    // side of the table that follows, else label rows of the current table
    const ahead: ValueLine[] = [];
    // the value lines that follow at once (the rows of the table this band would head)
    for (let i = next; i < items.length && ahead.length < 8; i++) {
      const x = items[i]!;
      if (x === 'prose' || !isValueLine(x)) break;
      ahead.push(x);
    }
    // the figures' side: where the table that follows has its figures and, when they line up with
    // the current table's columns, where the current table has them too (a stray figure in a
    // label cell, as a merged row prints it, does not widen it)
    const goesOn = cur !== null && ahead.length > 0 && cur.body.some(isValueLine) && !misfits(cur, ahead[0]!, true);
    const aheadEdge = Math.min(Infinity, ...ahead.map((a) => rowEdge(a.values)));
    const edge = goesOn ? Math.max(aheadEdge, labelEdge(cur!.body)) : aheadEdge;
    const isBand = !cur || pending.some((l) => l.chunks.some((c) => inValueArea(c, edge) && c.x1 > edge + 0.5 * c.size));
    if (isBand) {
      // the first lines may still be the wrapped end of the current table's last label
      let k = 0;
      if (cur) {
        const curEdge = labelEdge(cur.body);
        let lastY = lineOf(cur.body[cur.body.length - 1]!).y;
        while (k < pending.length && pending[k]!.chunks.every((c) => !inValueArea(c, curEdge)) && lastY - pending[k]!.y <= TAIL_EM * pending[k]!.size) {
          cur.body.push(pending[k]!);
          lastY = pending[k]!.y;
          k++;
        }
      }
      // and the last lines may be the first row's label, wrapped above its figures
      let end = pending.length;
      const first = ahead[0];
      while (
        first && end > k + 1 &&
        pending[end - 1]!.chunks.every((c) => !inValueArea(c, edge)) &&
        pending[end - 1]!.y - first.line.y <= ATTACH_EM * pending[end - 1]!.size &&
        !pending.slice(k, end - 1).every((l) => l.chunks.every((c) => !inValueArea(c, edge)))
      ) end--;
      cur = { band: pending.slice(k, end), body: pending.slice(end) };
      sections.push(cur);
    } else {
      cur!.body.push(...pending);
    }
    pending = [];
  };

  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (x === 'prose') {
      if (cur && pending.length) flushTail(cur, pending);
      cur = null;
      pending = [];
      continue;
    }
    if (isValueLine(x)) {
      if (pending.length || !cur) flush(i);
      // figures that line up with none of the table's columns: a new table without a header (a
      // table cut at a page break and laid out afresh, table 4 printed without its header)
      if (misfits(cur!, x)) {
        cur = { band: [], body: [] };
        sections.push(cur);
      }
      cur!.body.push(x);
    } else pending.push(x);
  }
  if (cur && pending.length) flushTail(cur, pending);

  const grids: Grid[] = [];
  for (const sec of sections) {
    const g = sectionGrid(sec, grids.length);
    if (g) grids.push(g);
  }
  return grids;
}

/**
 * Whether a value line's figures (three or more) do not line up with the columns of the section's
 * figures so far: each figure must fall in a column of its own (within a third of an em). A table
 * continued on the next page without its header, laid out afresh with other widths, is a table of
 * its own (as its HTML is), though some of its narrow columns may lie over the wider ones above.
 * Strict: also a line of fewer figures, or a section with too few to tell, does not line up (the
 * question is then whether the line surely goes on with the section).
 */
function misfits(sec: Section, x: ValueLine, strict = false): boolean {
  if (x.values.length < (strict ? 1 : 3)) return strict;
  const ranges: Chunk[] = [];
  for (const b of sec.body) if (isValueLine(b)) ranges.push(...b.values);
  if (ranges.length < 3) return strict;
  const cols = clusters(ranges);
  const used = new Set<number>();
  for (const v of x.values) {
    const mid = (v.x0 + v.x1) / 2;
    const k = cols.findIndex((r) => mid >= r.x0 - 0.3 * v.size && mid <= r.x1 + 0.3 * v.size);
    if (k >= 0) used.add(k);
  }
  return used.size < (2 / 3) * x.values.length;
}

/** Lines after a table's last value line: its wrapped last label and blank last rows, up to a line that reaches into the figures. */
function flushTail(cur: Section, pending: Line[]): void {
  const edge = labelEdge(cur.body);
  let lastY = lineOf(cur.body[cur.body.length - 1]!).y;
  for (const l of pending) {
    if (l.chunks.some((c) => inValueArea(c, edge)) || lastY - l.y > TAIL_EM * l.size) break;
    cur.body.push(l);
    lastY = l.y;
  }
}

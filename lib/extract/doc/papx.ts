// Paragraph properties of a .doc ([MS-DOC] 2.8.25 PlcBtePapx, 2.9.175 PapxFkp, 2.6 sprms): which
// paragraphs are in a table, which end a table row, and — in the row end's properties — the row's
// cell boundaries and merge flags (sprmTDefTable). Only the few sprms the table reader needs are
// decoded; the others are stepped over by their size class.

export interface ParaProps {
  inTable: boolean;
  /** the row-end paragraph (its mark closes a table row) */
  rowEnd: boolean;
  /** table depth: 1 for a table in the body, more for tables in cells */
  depth: number;
  innerCell: boolean;
  innerRowEnd: boolean;
  centered: boolean;
  /** from sprmTDefTable: cell boundaries in twips (cells + 1 of them) */
  bounds: number[] | null;
  /** per cell: 0 none, 1 merged into the cell above, 2 or 3 the first of a vertical merge */
  vmerge: number[];
  /** per cell: 0 none, 1 first of a horizontal merge, 2 merged into the previous cell */
  hmerge: number[];
}

interface PapxRun {
  fcStart: number;
  fcEnd: number;
  grpprl: Uint8Array;
}

const SPRM_P_JC80 = 0x2403;
const SPRM_P_JC = 0x2461;
const SPRM_P_IN_TABLE = 0x2416;
const SPRM_P_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_DTAP = 0x664a;
const SPRM_P_INNER_CELL = 0x244b;
const SPRM_P_INNER_TTP = 0x244c;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_VERT_MERGE = 0xd62b;
const SPRM_P_CHG_TABS = 0xc615;
const TC80_SIZE = 20;
/** a grpprl longer than this is not a paragraph's */
const MAX_GRPPRL = 65536;

export function emptyProps(): ParaProps {
  return { inTable: false, rowEnd: false, depth: 0, innerCell: false, innerRowEnd: false, centered: false, bounds: null, vmerge: [], hmerge: [] };
}

/** The PAPX runs of the WordDocument stream, sorted by file offset. */
export function readPapxRuns(wd: Uint8Array, table: Uint8Array, fc: number, lcb: number, data: Uint8Array | null): PapxRun[] {
  if (lcb < 4 || fc + lcb > table.length) return [];
  const tv = new DataView(table.buffer, table.byteOffset + fc, lcb);
  const n = Math.floor((lcb - 4) / 8);
  const runs: PapxRun[] = [];
  for (let i = 0; i < n; i++) {
    const pn = tv.getUint32(4 * (n + 1) + 4 * i, true) & 0x3fffff;
    const at = pn * 512;
    if (at + 512 > wd.length) continue;
    const fkp = wd.subarray(at, at + 512);
    const fv = new DataView(fkp.buffer, fkp.byteOffset, 512);
    const crun = fkp[511]!;
    if (crun === 0 || 4 * (crun + 1) + 13 * crun > 511) continue;
    for (let k = 0; k < crun; k++) {
      const fcStart = fv.getUint32(4 * k, true);
      const fcEnd = fv.getUint32(4 * (k + 1), true);
      const bOffset = fkp[4 * (crun + 1) + 13 * k]! * 2;
      let grpprl: Uint8Array = new Uint8Array(0);
      if (bOffset > 0 && bOffset < 511) {
        const cb = fkp[bOffset]!;
        const [start, len] = cb === 0 ? [bOffset + 2, 2 * fkp[bOffset + 1]!] : [bOffset + 1, 2 * cb - 1];
        // the first two bytes are the style (istd)
        grpprl = fkp.subarray(Math.min(511, start + 2), Math.min(511, start + len));
        grpprl = hugePapx(grpprl, data) ?? grpprl;
      }
      runs.push({ fcStart, fcEnd, grpprl });
    }
  }
  runs.sort((a, b) => a.fcStart - b.fcStart);
  return runs;
}

/** A PAPX too large for its FKP keeps its sprms in the Data stream (sprmPHugePapx). */
function hugePapx(grpprl: Uint8Array, data: Uint8Array | null): Uint8Array | null {
  let found: Uint8Array | null = null;
  eachSprm(grpprl, (sprm, op) => {
    if (sprm !== SPRM_P_HUGE_PAPX || !data || op.length < 4) return;
    const at = new DataView(op.buffer, op.byteOffset, 4).getUint32(0, true);
    if (at + 2 > data.length) return;
    const cb = data[at]! | (data[at + 1]! << 8);
    if (cb <= MAX_GRPPRL && at + 2 + cb <= data.length) found = data.subarray(at + 2, at + 2 + cb);
  });
  return found;
}

export function findRun(runs: PapxRun[], fc: number): PapxRun | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return null;
}

/** Each sprm of a grpprl with its operand; a sprm whose operand runs past the end stops the walk. */
function eachSprm(grpprl: Uint8Array, visit: (sprm: number, operand: Uint8Array) => void): void {
  let p = 0;
  while (p + 2 <= grpprl.length) {
    const sprm = grpprl[p]! | (grpprl[p + 1]! << 8);
    p += 2;
    let size: number;
    switch (sprm >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (sprm === SPRM_T_DEF_TABLE) {
          // a 2-byte length, counting itself less one
          const cb = grpprl[p]! | ((grpprl[p + 1] ?? 0) << 8);
          visit(sprm, grpprl.subarray(p + 2, Math.min(grpprl.length, p + 1 + cb)));
          p += 1 + cb;
          continue;
        }
        if (sprm === SPRM_P_CHG_TABS && grpprl[p] === 255) {
          const del = grpprl[p + 1] ?? 0;
          const add = grpprl[p + 2 + del * 4] ?? 0;
          size = 1 + 1 + del * 4 + 1 + add * 3;
          visit(sprm, grpprl.subarray(p, p + size));
          p += size;
          continue;
        }
        size = grpprl[p] ?? 0;
        p += 1;
    }
    if (p + size > grpprl.length) return;
    visit(sprm, grpprl.subarray(p, p + size));
    p += size;
  }
}

export function paraProps(run: PapxRun | null): ParaProps {
  const props = emptyProps();
  if (!run) return props;
  eachSprm(run.grpprl, (sprm, op) => {
    const dv = new DataView(op.buffer, op.byteOffset, op.byteLength);
    switch (sprm) {
      case SPRM_P_IN_TABLE:
        props.inTable = op[0] === 1;
        if (props.inTable && props.depth === 0) props.depth = 1;
        break;
      case SPRM_P_TTP:
        props.rowEnd = op[0] === 1;
        break;
      case SPRM_P_ITAP:
        if (op.length >= 4) props.depth = dv.getInt32(0, true);
        break;
      case SPRM_P_DTAP:
        if (op.length >= 4) props.depth = Math.max(0, props.depth + dv.getInt32(0, true));
        break;
      case SPRM_P_INNER_CELL:
        props.innerCell = op[0] === 1;
        break;
      case SPRM_P_INNER_TTP:
        props.innerRowEnd = op[0] === 1;
        break;
      case SPRM_P_JC80:
      case SPRM_P_JC:
        props.centered = op[0] === 1;
        break;
      case SPRM_T_DEF_TABLE:
        defTable(op, props);
        break;
      case SPRM_T_VERT_MERGE:
        // cb (=2), the cell, its merge
        if (op.length >= 3 && op[1]! < props.vmerge.length) props.vmerge[op[1]!] = op[2]!;
        break;
    }
  });
  return props;
}

/** sprmTDefTable: itcMac, the cell boundaries, then a TC80 per cell (fewer may be stored). */
function defTable(op: Uint8Array, props: ParaProps): void {
  const itcMac = op[0] ?? 0;
  if (itcMac === 0 || 1 + 2 * (itcMac + 1) > op.length) return;
  const dv = new DataView(op.buffer, op.byteOffset, op.byteLength);
  props.bounds = [];
  for (let i = 0; i <= itcMac; i++) props.bounds.push(dv.getInt16(1 + 2 * i, true));
  props.vmerge = new Array<number>(itcMac).fill(0);
  props.hmerge = new Array<number>(itcMac).fill(0);
  const tcs = 1 + 2 * (itcMac + 1);
  for (let i = 0; i < itcMac && tcs + TC80_SIZE * (i + 1) <= op.length; i++) {
    const grf = dv.getUint16(tcs + TC80_SIZE * i, true);
    props.hmerge[i] = grf & 0x3;
    props.vmerge[i] = (grf >> 5) & 0x3;
  }
}

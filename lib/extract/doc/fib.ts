// Word 97–2003's File Information Block and piece table ([MS-DOC] 2.5, 2.9.177): where the main
// text is (ccpText characters, in pieces of cp1252 bytes or UTF-16LE), which table stream holds
// the piece table (CLX) and the paragraph properties (PlcBtePapx), and whether the file is
// encrypted or of a format older than Word 97.

export class DocError extends Error {
  constructor(
    readonly kind: 'damaged' | 'encrypted' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'DocError';
  }
}

export interface Fib {
  /** '0Table' or '1Table' */
  tableStream: string;
  /** characters of the main document */
  ccpText: number;
  fcClx: number;
  lcbClx: number;
  fcPlcfBtePapx: number;
  lcbPlcfBtePapx: number;
}

export interface Piece {
  cpStart: number;
  cpEnd: number;
  /** byte offset in the WordDocument stream of the piece's first character */
  fc: number;
  /** one byte a character (cp1252) instead of two (UTF-16LE) */
  compressed: boolean;
}

const W_IDENT = 0xa5ec;
/** nFib of Word 97; Word 6/95 files are 101–105 */
const NFIB_97 = 0x00c1;
const PAIR_PLCF_BTE_PAPX = 13;
const PAIR_CLX = 33;

export function readFib(wd: Uint8Array): Fib {
  if (wd.length < 0x200) throw new DocError('damaged', 'the WordDocument stream is too short');
  const dv = new DataView(wd.buffer, wd.byteOffset, wd.byteLength);
  if (dv.getUint16(0, true) !== W_IDENT) throw new DocError('damaged', 'no Word signature in the WordDocument stream');
  const nFib = dv.getUint16(2, true);
  const flags = dv.getUint16(0x0a, true);
  if (flags & 0x0100) throw new DocError('encrypted', 'the document is encrypted');
  if (nFib < NFIB_97 && nFib !== 0) throw new DocError('unsupported', `Word format ${nFib} (before Word 97)`);
  const csw = dv.getUint16(32, true);
  const lw = 34 + csw * 2;
  const cslw = dv.getUint16(lw, true);
  const rgLw = lw + 2;
  if (cslw < 4) throw new DocError('damaged', 'the FIB has no text lengths');
  const ccpText = dv.getInt32(rgLw + 12, true);
  const fcLcbAt = rgLw + cslw * 4;
  const cbRgFcLcb = dv.getUint16(fcLcbAt, true);
  const blob = fcLcbAt + 2;
  if (cbRgFcLcb <= PAIR_CLX || blob + (PAIR_CLX + 1) * 8 > wd.length) throw new DocError('damaged', 'the FIB has no piece table');
  const pair = (i: number): [number, number] => [dv.getUint32(blob + 8 * i, true), dv.getUint32(blob + 8 * i + 4, true)];
  const [fcClx, lcbClx] = pair(PAIR_CLX);
  const [fcPlcfBtePapx, lcbPlcfBtePapx] = pair(PAIR_PLCF_BTE_PAPX);
  if (ccpText < 0) throw new DocError('damaged', 'negative text length');
  return { tableStream: flags & 0x0200 ? '1Table' : '0Table', ccpText, fcClx, lcbClx, fcPlcfBtePapx, lcbPlcfBtePapx };
}

/** The piece table of the CLX: Prc entries (formatting) are skipped, the Pcdt read. */
export function readPieces(table: Uint8Array, fib: Fib): Piece[] {
  if (fib.fcClx + fib.lcbClx > table.length || fib.lcbClx === 0) throw new DocError('damaged', 'the piece table lies outside the table stream');
  const clx = table.subarray(fib.fcClx, fib.fcClx + fib.lcbClx);
  const dv = new DataView(clx.buffer, clx.byteOffset, clx.byteLength);
  let p = 0;
  while (p < clx.length && clx[p] === 0x01) p += 3 + dv.getInt16(p + 1, true);
  if (p + 5 > clx.length || clx[p] !== 0x02) throw new DocError('damaged', 'no piece table in the CLX');
  const lcb = dv.getUint32(p + 1, true);
  const plc = p + 5;
  if (plc + lcb > clx.length || lcb < 4) throw new DocError('damaged', 'the piece table is cut short');
  const n = Math.floor((lcb - 4) / 12);
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = dv.getUint32(plc + 4 * i, true);
    const cpEnd = dv.getUint32(plc + 4 * (i + 1), true);
    const pcd = plc + 4 * (n + 1) + 8 * i;
    const fcRaw = dv.getUint32(pcd + 2, true);
    const compressed = (fcRaw & 0x40000000) !== 0;
    const fc = compressed ? (fcRaw & 0x3fffffff) / 2 : fcRaw;
    if (cpEnd > cpStart) pieces.push({ cpStart, cpEnd, fc, compressed });
  }
  return pieces;
}

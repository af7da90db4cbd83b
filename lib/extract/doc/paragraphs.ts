// The main text of a .doc, piece by piece, cut into paragraphs at Word's marks: 0x0D ends a
// paragraph, 0x07 a table cell (or a row, when its paragraph is a row end), 0x0C a page or
// section. Fields keep their result and lose their code (0x13 code 0x14 result 0x15); 0x0B is a
// line break; objects, footnote and comment anchors are not text. Each paragraph keeps the byte
// offset of its mark, by which its properties are found.
import type { Piece } from './fib';

export interface RawParagraph {
  text: string;
  /** the mark that ends it: 0x0D, 0x07 or 0x0C */
  mark: number;
  /** byte offset of the mark in the WordDocument stream */
  fc: number;
}

/** cp1252's 0x80–0x9F, where it differs from Latin-1 */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function readParagraphs(wd: Uint8Array, pieces: Piece[], ccpText: number, maxChars: number): RawParagraph[] {
  const out: RawParagraph[] = [];
  let text = '';
  /** per open field: true once its separator (result) was passed */
  const fields: boolean[] = [];
  let chars = 0;
  for (const piece of pieces) {
    if (piece.cpStart >= ccpText) break;
    const count = Math.min(piece.cpEnd, ccpText) - piece.cpStart;
    const width = piece.compressed ? 1 : 2;
    for (let i = 0; i < count; i++) {
      const fc = piece.fc + i * width;
      if (fc + width > wd.length) break;
      let code = piece.compressed ? wd[fc]! : wd[fc]! | (wd[fc + 1]! << 8);
      if (piece.compressed && code >= 0x80 && code < 0xa0) code = CP1252.charCodeAt(code - 0x80);
      if (++chars > maxChars) return out;
      switch (code) {
        case 0x0d:
        case 0x07:
        case 0x0c:
          out.push({ text, mark: code, fc });
          text = '';
          continue;
        case 0x13:
          fields.push(false);
          continue;
        case 0x14:
          if (fields.length) fields[fields.length - 1] = true;
          continue;
        case 0x15:
          fields.pop();
          continue;
      }
      if (fields.some((inResult) => !inResult)) continue;
      if (code === 0x0b) text += '\n';
      else if (code === 0x09) text += '\t';
      else if (code === 0x1e) text += '-';
      else if (code >= 0x20) text += String.fromCharCode(code);
    }
  }
  if (text !== '') out.push({ text, mark: 0x0d, fc: -1 });
  return out;
}

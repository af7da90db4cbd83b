// XML text for SpreadsheetML parts. Cell texts are written verbatim (never as formulas); what
// XML 1.0 cannot carry is written the way Excel itself writes it.
//
// - Control characters other than tab and LF cannot appear in XML 1.0, even as &#x…; references.
//   SpreadsheetML escapes them as _xHHHH_ (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), so a text
//   that already contains `_x0041_` must have its underscore escaped (`_x005F_x0041_`) or a
//   reader would decode it to `A`.
// - CR is legal but an XML parser turns a literal CR (and CRLF) into LF, so it is written as
//   &#13;, which survives parsing.
// - A half surrogate pair is not a character at all; it becomes U+FFFD.

const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex4 = (ch: string) => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A cell or comment text as XML element content (put it inside xml:space="preserve"). */
export function xmlText(s: string): string {
  const safe = s
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(ESCAPE_LIKE, '_x005F_$1')
    .replace(CONTROL, (ch) => `_x${hex4(ch)}_`);
  return xmlEscape(safe).replace(/\r/g, '&#13;');
}

/** An attribute value (sheet names, part names): no control characters at all. */
export function xmlAttr(s: string): string {
  return xmlEscape(s.replace(LONE_SURROGATE, '\ufffd').replace(/[\u0000-\u001f\ufffe\uffff]/g, ' '));
}

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function colName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 reference of 0-based row and column. */
export function cellRef(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

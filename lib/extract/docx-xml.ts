// A small, forgiving XML scanner for the parts of a .docx: start tags, end tags and text, in
// order, with the five entities and character references decoded. No DTD, no validation: a
// WordprocessingML part is machine-written, and whatever is malformed is skipped rather than
// thrown. One pass with indexOf, linear in the part's length.

export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? m;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The value of one attribute in a start tag's attribute text, or null. */
export function attr(attrs: string, name: string): string | null {
  let i = 0;
  for (;;) {
    i = attrs.indexOf(name, i);
    if (i < 0) return null;
    const before = i === 0 ? ' ' : attrs[i - 1]!;
    let j = i + name.length;
    while (attrs[j] === ' ') j++;
    if (/\s/.test(before) && attrs[j] === '=') {
      j++;
      while (attrs[j] === ' ') j++;
      const q = attrs[j];
      if (q === '"' || q === "'") {
        const end = attrs.indexOf(q, j + 1);
        if (end > 0) return decodeEntities(attrs.slice(j + 1, end));
      }
      return null;
    }
    i += name.length;
  }
}

export function scanXml(xml: string, h: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) h.text(decodeEntities(xml.slice(i, textEnd)));
    if (lt < 0) return;
    const c = xml[lt + 1];
    if (c === '?') {
      const end = xml.indexOf('?>', lt + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '!') {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        i = end < 0 ? n : end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        h.text(xml.slice(lt + 9, end < 0 ? n : end));
        i = end < 0 ? n : end + 3;
      } else {
        const end = xml.indexOf('>', lt + 2);
        i = end < 0 ? n : end + 1;
      }
    } else {
      const end = tagEnd(xml, lt + 1);
      if (end < 0) return;
      const inner = xml.slice(lt + 1, end);
      i = end + 1;
      if (inner[0] === '/') {
        h.close(inner.slice(1).trim());
        continue;
      }
      const selfClosing = inner.endsWith('/');
      const body = selfClosing ? inner.slice(0, -1) : inner;
      let sp = -1;
      for (let k = 0; k < body.length; k++) {
        const ch = body.charCodeAt(k);
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
          sp = k;
          break;
        }
      }
      const name = sp < 0 ? body : body.slice(0, sp);
      if (name === '') continue;
      h.open(name, sp < 0 ? '' : body.slice(sp), selfClosing);
      if (selfClosing) h.close(name);
    }
  }
}

/** The '>' closing a tag, skipping quoted attribute values (which may hold '>'). */
function tagEnd(xml: string, from: number): number {
  let j = from;
  for (;;) {
    const gt = xml.indexOf('>', j);
    if (gt < 0) return -1;
    // a quote before the '>' opens a value that may hold '>': skip past its closing quote
    let q = -1;
    for (let k = j; k < gt; k++) {
      const c = xml.charCodeAt(k);
      if (c === 34 || c === 39) {
        q = k;
        break;
      }
    }
    if (q < 0) return gt;
    const close = xml.indexOf(xml[q]!, q + 1);
    if (close < 0) return -1;
    j = close + 1;
  }
}

/** The part's bytes as text: UTF-8 unless a BOM or the declaration says UTF-16. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

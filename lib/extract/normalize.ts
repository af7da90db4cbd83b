// Text normalisation, in two strengths:
// - normalizeText: what a reader sees (NFKC, every kind of white space folded to one space);
// - normalizeLabel: the key labels are matched on (spec/TEMPLATES.md §7).

/** Every white space a published page uses: ASCII, NBSP, U+3000, the U+2000 block. */
const WS = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
/**
 * Marks that are invisible and change nothing: zero-width space and BOM (a reader sees '1\u200b2'
 * as 12, not as two figures), joiners, direction marks, soft hyphen. Dropped before WS folds, since
 * JS's \s holds U+FEFF.
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function normalizeText(s: string): string {
  return foldCommon(s) ?? normalizeTextByIcu(s);
}

/** normalizeText the long way, for any text (and for the tests of the short way). */
export function normalizeTextByIcu(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE, '').replace(WS, ' ').trim();
}

// ---------------------------------------------------------------- the common case, in one pass
// Nearly every text of a report is ASCII, CJK ideographs, CJK and general punctuation, full-width
// forms and white space. For those NFKC is the identity, except full-width forms (U+FF01–FF5E →
// ASCII) and U+3000 (→ space, then folded); none of them composes with a neighbour. So one pass
// over the char codes gives exactly what the chain above gives, without ICU, regexes or new
// strings when nothing changes. Any other character (combining marks, circled digits, …) sends
// the whole text to the chain. tests: normalize.test.ts compares both on every character they treat.

/** What foldCommon does with a char code: keep, map, fold as space, drop, or give up. */
const KEEP = 0;
const SPACE = 1;
const DROP = 2;
const OTHER = 3;

/** Classes of U+0000–U+33FF (U+4E00–9FFF are kept, U+FF01–FF5E mapped, U+FEFF dropped: tested apart). */
const CLASS = /* @__PURE__ */ buildClasses();

function buildClasses(): Uint8Array {
  const t = new Uint8Array(0x3400).fill(OTHER);
  const set = (from: number, to: number, k: number): void => void t.fill(k, from, to + 1);
  set(0x21, 0x7e, KEEP);
  // Latin-1 symbols and letters NFKC leaves as they are (· × ÷ ° ± § …); not ª ² ³ ´ ¸ ¹ º ¼–¾ ¨ ¯
  set(0xa1, 0xa7, KEEP);
  set(0xa9, 0xa9, KEEP);
  set(0xab, 0xac, KEEP);
  set(0xae, 0xae, KEEP);
  set(0xb0, 0xb1, KEEP);
  set(0xb6, 0xb7, KEEP);
  set(0xbb, 0xbb, KEEP);
  set(0xbf, 0xff, KEEP);
  // dashes, quotes, daggers, bullets, per mille (not … ‥ ′′ ‼, which NFKC expands)
  set(0x2010, 0x2010, KEEP);
  set(0x2012, 0x2016, KEEP);
  set(0x2018, 0x2023, KEEP);
  set(0x2030, 0x2030, KEEP);
  // box drawing, geometric shapes, miscellaneous symbols (■ □ ● ○ ◆ ★ ☆ …)
  set(0x2500, 0x26ff, KEEP);
  // CJK punctuation 、。〃〄々〆〇〈〉《》「」『』【】〒〓〔〕〖〗〘〙〚〛〜〝〞〟〠 and Suzhou numerals (not the tone marks U+302A–302F)
  set(0x3001, 0x3029, KEEP);
  // white space (\s and the WS class above): folded to one space, or trimmed
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) t[c] = SPACE;
  set(0x2000, 0x200a, SPACE);
  // invisible marks: dropped
  t[0xad] = DROP;
  set(0x200b, 0x200f, DROP);
  set(0x202a, 0x202e, DROP);
  set(0x2060, 0x2064, DROP);
  set(0x2066, 0x2069, DROP);
  return t;
}

let buf = new Uint16Array(256);

/** normalizeText for texts of the common characters only; null when another character is present. */
function foldCommon(s: string): string | null {
  const n = s.length;
  if (n > buf.length) {
    if (n > 1 << 22) return null;
    buf = new Uint16Array(Math.max(n, buf.length * 2));
  }
  const out = buf;
  let len = 0;
  let changed = false;
  let space = false;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x3400) {
      const k = CLASS[c]!;
      if (k !== KEEP) {
        if (k === SPACE) {
          space = len > 0;
          if (c !== 0x20) changed = true;
          continue;
        }
        if (k === DROP) continue;
        return null;
      }
    } else if (c > 0x9fff) {
      if (c >= 0xff01 && c <= 0xff5e) {
        c -= 0xfee0;
        changed = true;
      } else if (c === 0xfeff) {
        changed = true;
        continue;
      } else return null;
    } else if (c < 0x4e00) return null;
    if (space) {
      out[len++] = 0x20;
      space = false;
    }
    out[len++] = c;
  }
  // dropped, folded and trimmed characters shorten the text; mapped ones were counted
  if (!changed && len === n) return s;
  return fromCodes(out, len);
}

function fromCodes(a: Uint16Array, len: number): string {
  if (len <= 4096) return String.fromCharCode.apply(null, a.subarray(0, len) as unknown as number[]);
  let s = '';
  for (let i = 0; i < len; i += 4096) s += String.fromCharCode.apply(null, a.subarray(i, Math.min(i + 4096, len)) as unknown as number[]);
  return s;
}

/** Quotes the label matcher ignores (“三安全一稳定” in all its spellings). */
const QUOTES = /[“”‘’"'「」『』]/g;

/**
 * Label key: NFKC, no white space at all, full-width brackets and colons as ASCII (NFKC does
 * most), quotes dropped, 其它 → 其他. Numbering is kept; stripNumbering removes it.
 */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(WS, '')
    .replace(/[（〔【]/g, '(')
    .replace(/[）〕】]/g, ')')
    .replace(/：/g, ':')
    .replace(/，/g, ',')
    .replace(/[／]/g, '/')
    .replace(/、/g, '、')
    .replace(QUOTES, '')
    .replace(/其它/g, '其他');
}

/** Leading numbering tokens: 一、 (一) 1. 1、 1． ① (kept apart by the recogniser for ordering). */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|\d{1,2}[.、．)](?!\d)|[①-⑳])+/;

export function stripNumbering(label: string): string {
  return label.replace(NUMBERING, '');
}

export function leadingNumbering(label: string): string {
  return NUMBERING.exec(label)?.[0] ?? '';
}

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
  return foldRadicals(s.normalize('NFKC')).replace(INVISIBLE, '').replace(WS, ' ').trim();
}

// ---------------------------------------------------------------- CJK radicals
// PDF printers (Chromium's Skia among them) store some ideographs by the glyph of a radical: 人 as
// ⼈ U+2F08, 民 as ⺠ U+2EA0, 见 as ⻅ U+2EC5. NFKC folds the Kangxi radicals (U+2F00–2FD5) but
// not the CJK Radicals Supplement (U+2E80–2EFF): those go by Unicode's EquivalentUnifiedIdeograph
// table (the BMP ones; the few whose ideograph lies outside the BMP are left as they are).
const SUPPLEMENT_FROM = 0x2e80;
const SUPPLEMENT: Record<number, number> = {
  0x2e81: 0x5382, 0x2e82: 0x4e5b, 0x2e83: 0x4e5a, 0x2e84: 0x4e59, 0x2e85: 0x4ebb, 0x2e86: 0x5182, 0x2e88: 0x5200,
  0x2e89: 0x5202, 0x2e8a: 0x535c, 0x2e8b: 0x353e, 0x2e8c: 0x5c0f, 0x2e8d: 0x5c0f, 0x2e8e: 0x5140, 0x2e8f: 0x5c23,
  0x2e90: 0x5c22, 0x2e92: 0x5df3, 0x2e93: 0x5e7a, 0x2e94: 0x5f51, 0x2e96: 0x5fc4, 0x2e97: 0x5fc3, 0x2e98: 0x624c,
  0x2e99: 0x6535, 0x2e9b: 0x65e1, 0x2e9c: 0x65e5, 0x2e9d: 0x6708, 0x2e9e: 0x6b7a, 0x2e9f: 0x6bcd, 0x2ea0: 0x6c11,
  0x2ea1: 0x6c35, 0x2ea2: 0x6c3a, 0x2ea3: 0x706c, 0x2ea4: 0x722b, 0x2ea5: 0x722b, 0x2ea6: 0x4e2c, 0x2ea7: 0x725b,
  0x2ea8: 0x72ad, 0x2ea9: 0x738b, 0x2eab: 0x76ee, 0x2eac: 0x793a, 0x2ead: 0x793b, 0x2eaf: 0x7cf9, 0x2eb0: 0x7e9f,
  0x2eb1: 0x7f53, 0x2eb2: 0x7f52, 0x2eb3: 0x34c1, 0x2eb4: 0x34c1, 0x2eb6: 0x7f8a, 0x2eb9: 0x8002, 0x2eba: 0x8080,
  0x2ebb: 0x807f, 0x2ebc: 0x8089, 0x2ebe: 0x8279, 0x2ebf: 0x8279, 0x2ec0: 0x8279, 0x2ec1: 0x864e, 0x2ec2: 0x8864,
  0x2ec3: 0x8980, 0x2ec4: 0x897f, 0x2ec5: 0x89c1, 0x2ec6: 0x89d2, 0x2ec8: 0x8ba0, 0x2ec9: 0x8d1d, 0x2ecb: 0x8f66,
  0x2ecc: 0x8fb6, 0x2ecd: 0x8fb6, 0x2ece: 0x8fb6, 0x2ecf: 0x9091, 0x2ed0: 0x9485, 0x2ed1: 0x9577, 0x2ed2: 0x9578,
  0x2ed3: 0x957f, 0x2ed4: 0x95e8, 0x2ed6: 0x961d, 0x2ed7: 0x96e8, 0x2ed8: 0x9752, 0x2ed9: 0x97e6, 0x2eda: 0x9875,
  0x2edb: 0x98ce, 0x2edc: 0x98de, 0x2edd: 0x98df, 0x2edf: 0x98e0, 0x2ee0: 0x9963, 0x2ee2: 0x9a6c, 0x2ee3: 0x9aa8,
  0x2ee4: 0x9b3c, 0x2ee5: 0x9c7c, 0x2ee6: 0x9e1f, 0x2ee7: 0x5364, 0x2ee8: 0x9ea6, 0x2ee9: 0x9ec4, 0x2eea: 0x9efe,
  0x2eeb: 0x6589, 0x2eec: 0x9f50, 0x2eed: 0x6b6f, 0x2eee: 0x9f7f, 0x2eef: 0x7adc, 0x2ef0: 0x9f99, 0x2ef1: 0x9f9c,
  0x2ef2: 0x4e80, 0x2ef3: 0x9f9f,
};
const SUPPLEMENT_RE = /[\u2e80-\u2eff]/g;

/** The CJK Radicals Supplement as ordinary ideographs (after NFKC, which has done the Kangxi radicals). */
export function foldRadicals(s: string): string {
  return s.replace(SUPPLEMENT_RE, (r) => {
    const to = SUPPLEMENT[r.charCodeAt(0)];
    return to === undefined ? r : String.fromCharCode(to);
  });
}

/**
 * What foldCommon writes for U+2E80–2FDF: the ideograph of a radical (the supplement's by the table,
 * the Kangxi radicals' by NFKC, asked once per character here), 0 where NFKC gives anything else.
 */
const RADICAL_TO = 0x2fdf;
const RADICAL = /* @__PURE__ */ buildRadicals();

function buildRadicals(): Uint16Array {
  const t = new Uint16Array(RADICAL_TO - SUPPLEMENT_FROM + 1);
  for (let c = SUPPLEMENT_FROM; c <= RADICAL_TO; c++) {
    const nfkc = String.fromCharCode(c).normalize('NFKC');
    const to = c <= 0x2eff ? (SUPPLEMENT[c] ?? (nfkc.length === 1 && nfkc.charCodeAt(0) !== c ? nfkc.charCodeAt(0) : 0)) : nfkc.length === 1 && nfkc.charCodeAt(0) !== c ? nfkc.charCodeAt(0) : 0;
    // only ideographs foldCommon itself keeps as they are
    if (to >= 0x4e00 && to <= 0x9fff) t[c - SUPPLEMENT_FROM] = to;
  }
  return t;
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
/** a CJK radical written for an ideograph (U+2E80–2FDF): mapped by RADICAL */
const RADICAL_CLASS = 4;

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
  for (let c = SUPPLEMENT_FROM; c <= RADICAL_TO; c++) if (RADICAL[c - SUPPLEMENT_FROM]) t[c] = RADICAL_CLASS;
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
      if (k === RADICAL_CLASS) {
        c = RADICAL[c - SUPPLEMENT_FROM]!;
        changed = true;
      } else if (k !== KEEP) {
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

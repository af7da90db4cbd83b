// Text normalisation, in two strengths:
// - normalizeText: what a reader sees (NFKC, every kind of white space folded to one space);
// - normalizeLabel: the key labels are matched on (spec/TEMPLATES.md §7).

/** Every white space a published page uses: ASCII, NBSP, U+3000, the U+2000 block, zero-width and BOM. */
const WS = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
/** Marks that are invisible but change nothing (zero-width joiners, direction marks, soft hyphen). */
const INVISIBLE = /[\u00ad\u200c-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]/g;

export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE, '').replace(WS, ' ').trim();
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

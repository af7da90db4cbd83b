// A cell's text read as a figure (spec/templates.json `value_parsing`): blank, not applicable
// ('/', '-', '—'), a zero word (无, 零), or a number with an optional sign, thousands separators,
// decimals and unit. Anything else is text: a figure is never guessed out of words.
import type { CellFlag } from '../report';

export interface ParsedValue {
  value: number | null;
  kind: 'number' | 'blank' | 'na' | 'text';
  unit: string | null;
  flags: CellFlag[];
}

/** Zero-width characters, direction marks and BOM: noise, even between digits. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g;
/** White space of every kind (\s covers NBSP and U+3000; NFKC leaves some of them). */
const SPACE = /\s+/g;
/** Digits on both sides of white space: two figures run together (collapsed rows), not one. */
const SPLIT_DIGITS = /[\d,.]\s+[\d,.]/;
const NON_ASCII = /[^\x00-\x7f]/;

/** After NFKC: '／' is '/', '－' is '-'; the dashes U+2013, U+2014 and U+2015 stay as they are. */
const NOT_APPLICABLE = new Set(['/', '—', '——', '―', '――', '--', '-', '–', '\\']);
const ZERO_WORDS = new Set(['无', '零']);

// sign, integer part (plain, or groups of three after a comma), fraction, unit (人次 before 次)
const NUMBER = /^([-+\u2212减增]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|元|件|个|项|条|份|人次|次|家)?$/;

/** Digits a double holds exactly (beyond them '99999999999999999999' would read as 1e20). */
const MAX_DIGITS = 15;

/**
 * A right-to-left override (U+202E) shows the characters after it, up to U+202C, in reverse: in
 * '12\u202e34' a reader sees 1243. Where it covers two or more characters of a cell, the text as
 * stored and the figure as shown differ, so the cell is not read as a number (the raw text is
 * kept). Every other invisible mark (zero-width space, BOM, word joiner, LRM/RLM, embeddings, LRO,
 * isolates) leaves a run of digits shown in order, and is dropped.
 */
const REVERSED = /\u202e[^\u202c]*/g;
const VISIBLE = /[^\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

function reverses(raw: string): boolean {
  if (!raw.includes('\u202e')) return false;
  for (const m of raw.match(REVERSED) ?? []) if ((m.match(VISIBLE)?.length ?? 0) >= 2) return true;
  return false;
}

/** NFKC without invisible marks and white space; null when white space splits digits ('23 0'). */
function clean(raw: string): string | null {
  if (!NON_ASCII.test(raw)) return cleanAscii(raw);
  if (reverses(raw)) return null;
  return cleanAscii(raw.normalize('NFKC').replace(INVISIBLE, ''));
}

function cleanAscii(s: string): string | null {
  const bare = s.replace(SPACE, '');
  return bare.length !== s.length && SPLIT_DIGITS.test(s) ? null : bare;
}

export function parseCellValue(raw: string): ParsedValue {
  const s = clean(raw);
  if (s === null) return notANumber();
  if (s === '') return { value: null, kind: 'blank', unit: null, flags: ['blank'] };
  if (NOT_APPLICABLE.has(s)) return { value: null, kind: 'na', unit: null, flags: ['not_applicable'] };
  if (ZERO_WORDS.has(s)) return { value: 0, kind: 'number', unit: null, flags: ['zero_word'] };
  const m = NUMBER.exec(s);
  if (m === null) return notANumber();
  const [, sign = '', int = '', frac = '', unit] = m;
  const digits = int.replace(/,/g, '');
  if (significantDigits(digits, frac) > MAX_DIGITS) return notANumber();
  const magnitude = Number(frac ? `${digits}.${frac}` : digits);
  const negative = sign === '-' || sign === '\u2212' || sign === '减';
  const flags: CellFlag[] = [];
  if (sign) flags.push('signed');
  if (digits.length !== int.length) flags.push('thousands');
  if (unit) flags.push('unit');
  // no -0: '-0' and '减0' are zero
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return { value, kind: 'number', unit: unit ?? null, flags };
}

function notANumber(): ParsedValue {
  return { value: null, kind: 'text', unit: null, flags: ['not_a_number'] };
}

/** Digits from the first non-zero one, not counting trailing zeros of the fraction. */
function significantDigits(int: string, frac: string): number {
  let f = frac.length;
  while (f > 0 && frac.charCodeAt(f - 1) === 48) f--;
  let i = 0;
  while (i < int.length && int.charCodeAt(i) === 48) i++;
  if (i < int.length) return int.length - i + f;
  let z = 0;
  while (z < f && frac.charCodeAt(z) === 48) z++;
  return f - z;
}

/**
 * A value cell rather than a label: number, blank, not applicable or zero word. Called for every
 * cell by the recogniser, so it answers most label texts from their first character.
 */
export function isValueLike(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  // a label starts with a CJK character other than the few that open a value (一、二、（一）…)
  if (first >= 0x4e00 && first <= 0x9fff && first !== 0x65e0 && first !== 0x96f6 && first !== 0x51cf && first !== 0x589e) return false;
  if (text.length > MEMO_CHARS) return parseCellValue(text).kind !== 'text';
  let like = valueLike.get(text);
  if (like === undefined) {
    like = parseCellValue(text).kind !== 'text';
    if (valueLike.size >= MEMO_SIZE) valueLike.clear();
    valueLike.set(text, like);
  }
  return like;
}

/**
 * isValueLike's answers for short texts: the recognisers ask it of every cell of a row several
 * times over ('0', '1', '无' …), and a page has few distinct ones. Bounded, so a hostile page
 * cannot grow it.
 */
const valueLike = new Map<string, boolean>();
const MEMO_CHARS = 32;
const MEMO_SIZE = 4096;

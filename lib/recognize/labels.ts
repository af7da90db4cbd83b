// Label matching: a published label to the spec's row, column or heading it stands for.
// Labels are compared after normalizeLabel and without their numbering (一、 （一） 1.); a
// label matches exactly, or as a truncated prefix, or by containing a distinctive alias — and
// only when the match is unique, so a fragment never lands on the wrong row.
import { normalizeLabel, stripNumbering, leadingNumbering } from '../extract/normalize';

export interface LabelEntry<T = string> {
  id: T;
  /** normalised keys without numbering: the label and its aliases */
  keys: string[];
  /** normalised numbering of the official label ('(三)', '1.'), for telling 1. from 1. */
  num: string;
}

/** Context words the spec applies to labels (TEMPLATES.md §7: 合计 → 总计, 结果维护 → 结果维持). */
const CONTEXT_SYNONYMS: [RegExp, string][] = [
  [/合计$/, '总计'],
  [/结果维护/, '结果维持'],
];

interface LabelText {
  core: string;
  num: string;
}

/** Labels are matched against many lists; normalise each text once (bounded cache). */
const textCache = new Map<string, LabelText>();
function readLabel(text: string): LabelText {
  let t = textCache.get(text);
  if (!t) {
    const norm = normalizeLabel(text);
    let core = stripNumbering(norm);
    for (const [re, to] of CONTEXT_SYNONYMS) core = core.replace(re, to);
    t = { core, num: leadingNumbering(norm) };
    if (textCache.size >= 20_000) textCache.clear();
    textCache.set(text, t);
  }
  return t;
}

export function labelKey(text: string): string {
  return readLabel(text).core;
}

export function makeEntry<T>(id: T, label: string, aliases: string[] = []): LabelEntry<T> {
  const keys = [...new Set([label, ...aliases].map(labelKey).filter((k) => k !== ''))];
  return { id, keys, num: readLabel(label).num };
}

const PREFIX_MIN = 6;
const CONTAINS_MIN = 4;

function unique<T>(hits: LabelEntry<T>[], num: string): LabelEntry<T> | null {
  if (sameId(hits)) return hits[0]!;
  if (num) {
    const byNum = hits.filter((h) => h.num === num);
    if (byNum.length > 0 && sameId(byNum)) return byNum[0]!;
  }
  return null;
}

/** All hits name one id (a non-empty list). */
function sameId<T>(hits: LabelEntry<T>[]): boolean {
  const id = hits[0]!.id;
  for (let i = 1; i < hits.length; i++) if (hits[i]!.id !== id) return false;
  return true;
}

/** A key of a list, with the position of its entry in the list (the order results keep). */
interface KeyRef<T> {
  entry: LabelEntry<T>;
  at: number;
  key: string;
}

/** Lookup tables of an entry list, built once per list (the tables for non-exact labels when first needed). */
interface ListIndex<T> {
  /** key → entries having it */
  exact: Map<string, LabelEntry<T>[]>;
  /** first character of a key → its keys, in list order: a prefix, or a key a label begins with, starts alike */
  byFirst: Map<number, KeyRef<T>[]> | null;
  /** the longest key: a label over twice as long cannot be "mostly" one contained key */
  maxKey: number;
  /** answers already given, by label text: with and without fuzzy matching */
  answers: Map<string, LabelEntry<T> | null>;
  answersStrict: Map<string, LabelEntry<T> | null>;
}

/**
 * Reports print the same official labels: after a page or two, most label texts of the next
 * report were already matched (80–100 % on the corpus and seed pages), so answers are kept per
 * list. The lists are the lexicon's, built once (lexicon.ts), so the index is kept by identity.
 */
const ANSWERS_MAX = 4096;
/** Long texts are sentences, not labels, and would only fill the memory. */
const ANSWER_TEXT_MAX = 120;

const indexByList = new WeakMap<readonly LabelEntry<unknown>[], ListIndex<unknown>>();

function indexOf<T>(entries: readonly LabelEntry<T>[]): ListIndex<T> {
  let index = indexByList.get(entries) as ListIndex<T> | undefined;
  if (index) return index;
  index = { exact: new Map(), byFirst: null, maxKey: 0, answers: new Map(), answersStrict: new Map() };
  for (const entry of entries) {
    for (const key of entry.keys) {
      const list = index.exact.get(key);
      if (list) list.push(entry);
      else index.exact.set(key, [entry]);
    }
  }
  indexByList.set(entries, index as ListIndex<unknown>);
  return index;
}

function byFirstOf<T>(entries: readonly LabelEntry<T>[], index: ListIndex<T>): Map<number, KeyRef<T>[]> {
  if (index.byFirst === null) {
    const byFirst = new Map<number, KeyRef<T>[]>();
    for (let at = 0; at < entries.length; at++) {
      const entry = entries[at]!;
      for (const key of entry.keys) {
        const first = key.charCodeAt(0);
        const refs = byFirst.get(first);
        if (refs) refs.push({ entry, at, key });
        else byFirst.set(first, [{ entry, at, key }]);
        if (key.length > index.maxKey) index.maxKey = key.length;
      }
    }
    index.byFirst = byFirst;
  }
  return index.byFirst;
}

export interface MatchOptions {
  /** also accept a label with a character dropped or changed (costlier; for row labels) */
  fuzzy?: boolean;
}

/** The entry a label stands for, or null when none or several could be meant. */
export function matchLabel<T>(text: string, entries: readonly LabelEntry<T>[], opts: MatchOptions = {}): LabelEntry<T> | null {
  const index = indexOf(entries);
  const withFuzzy = opts.fuzzy !== false;
  if (text.length > ANSWER_TEXT_MAX) return findLabel(text, entries, index, withFuzzy);
  const answers = withFuzzy ? index.answers : index.answersStrict;
  let answer = answers.get(text);
  if (answer === undefined) {
    answer = findLabel(text, entries, index, withFuzzy);
    if (answers.size >= ANSWERS_MAX) answers.clear();
    answers.set(text, answer);
  }
  return answer;
}

function findLabel<T>(text: string, entries: readonly LabelEntry<T>[], index: ListIndex<T>, withFuzzy: boolean): LabelEntry<T> | null {
  const { core, num } = readLabel(text);
  if (core === '') return null;

  const exact = index.exact.get(core);
  if (exact) return unique(exact, num);

  // truncated ("…只计这一情形,不计其他") or glossed ("部分公开(区分处理的,只记…)") labels: the label
  // begins a key, or a key begins the label; either way the key starts with the label's first character
  const byFirst = byFirstOf(entries, index);
  const prefix: LabelEntry<T>[] = [];
  let lastAt = -1;
  for (const r of byFirst.get(core.charCodeAt(0)) ?? []) {
    if (r.at === lastAt) continue;
    const k = r.key;
    if ((core.length >= PREFIX_MIN && k.startsWith(core)) || (k.length >= CONTAINS_MIN && core.startsWith(k))) {
      prefix.push(r.entry);
      lastAt = r.at;
    }
  }
  if (prefix.length) return unique(prefix, num);

  // a contained alias must cover most of the label, or a sentence would match a row
  if (core.length <= 2 * index.maxKey) {
    const best = containedKeys(core, byFirst);
    if (best.length) return unique(best.map((r) => r.entry), num);
  }
  return withFuzzy ? fuzzy(core, num, entries) : null;
}

/**
 * The longest keys found inside the label, in list order (one per key), when they cover at least
 * half of it (shorter ones could not be taken): empty otherwise.
 */
function containedKeys<T>(core: string, byFirst: Map<number, KeyRef<T>[]>): KeyRef<T>[] {
  const need = Math.max(CONTAINS_MIN, Math.ceil(core.length / 2));
  let best: KeyRef<T>[] = [];
  let bestLen = need;
  for (let i = 0; i + bestLen <= core.length; i++) {
    const refs = byFirst.get(core.charCodeAt(i));
    if (refs === undefined) continue;
    for (const r of refs) {
      const n = r.key.length;
      if (n < bestLen || !core.startsWith(r.key, i) || best.includes(r)) continue;
      if (n > bestLen || best.length === 0) {
        best = [];
        bestLen = n;
      }
      best.push(r);
    }
  }
  return best.length > 1 ? best.sort((a, b) => a.at - b.at || a.entry.keys.indexOf(a.key) - b.entry.keys.indexOf(b.key)) : best;
}

const FUZZY_MIN = 0.85;

/** One row of the LCS table, reused (labels are short: ≤ 40 chars here, keys a little longer). */
let lcsRow = new Uint16Array(64);

/** Length of the longest common subsequence. */
function lcs(a: string, b: string): number {
  if (b.length + 1 > lcsRow.length) lcsRow = new Uint16Array(b.length + 1);
  const prev = lcsRow;
  prev.fill(0, 0, b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = ca === b.charCodeAt(j - 1) ? diag + 1 : up > prev[j - 1]! ? up : prev[j - 1]!;
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** A label with a character dropped or changed (没有现成信息需另行制作): most of it in order. */
function fuzzy<T>(core: string, num: string, entries: readonly LabelEntry<T>[]): LabelEntry<T> | null {
  if (core.length < PREFIX_MIN || core.length > 40) return null;
  let best: LabelEntry<T>[] = [];
  let bestScore = FUZZY_MIN;
  for (const e of entries) {
    for (const k of e.keys) {
      const longer = Math.max(k.length, core.length);
      const shorter = Math.min(k.length, core.length);
      // the LCS is at most the shorter length: skip keys that cannot reach the best score
      if (shorter < longer * FUZZY_MIN || shorter / longer < bestScore) continue;
      const score = lcs(core, k) / longer;
      if (score > bestScore) {
        best = [e];
        bestScore = score;
      } else if (score === bestScore && score > FUZZY_MIN) best.push(e);
    }
  }
  return best.length ? unique(best, num) : null;
}

/** Whether a text is (nearly) exactly one of the keys: for headings and header words. */
export function isLabel(text: string, keys: readonly string[]): boolean {
  const core = labelKey(text);
  return core !== '' && keys.includes(core);
}

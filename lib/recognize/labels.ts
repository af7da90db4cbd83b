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
  const ids = new Set(hits.map((h) => h.id));
  if (ids.size === 1) return hits[0]!;
  if (num) {
    const byNum = hits.filter((h) => h.num === num);
    if (new Set(byNum.map((h) => h.id)).size === 1) return byNum[0]!;
  }
  return null;
}

/** Exact-key lookup tables, built once per entry list. */
const exactIndex = new WeakMap<readonly LabelEntry<unknown>[], Map<string, LabelEntry<unknown>[]>>();
function indexOf<T>(entries: readonly LabelEntry<T>[]): Map<string, LabelEntry<T>[]> {
  let index = exactIndex.get(entries) as Map<string, LabelEntry<T>[]> | undefined;
  if (!index) {
    index = new Map();
    for (const e of entries) for (const k of e.keys) index.set(k, [...(index.get(k) ?? []), e]);
    exactIndex.set(entries, index as Map<string, LabelEntry<unknown>[]>);
  }
  return index;
}

export interface MatchOptions {
  /** also accept a label with a character dropped or changed (costlier; for row labels) */
  fuzzy?: boolean;
}

/** The entry a label stands for, or null when none or several could be meant. */
export function matchLabel<T>(text: string, entries: readonly LabelEntry<T>[], opts: MatchOptions = {}): LabelEntry<T> | null {
  const { core, num } = readLabel(text);
  if (core === '') return null;

  const exact = indexOf(entries).get(core);
  if (exact) return unique(exact, num);

  // truncated ("…只计这一情形,不计其他") or glossed ("部分公开(区分处理的,只记…)") labels
  const prefix = entries.filter((e) =>
    e.keys.some((k) => (core.length >= PREFIX_MIN && k.startsWith(core)) || (k.length >= CONTAINS_MIN && core.startsWith(k))),
  );
  if (prefix.length) return unique(prefix, num);

  let best: LabelEntry<T>[] = [];
  let bestLen = 0;
  for (const e of entries) {
    for (const k of e.keys) {
      if (k.length < CONTAINS_MIN || k.length < bestLen || !core.includes(k)) continue;
      if (k.length > bestLen) {
        best = [];
        bestLen = k.length;
      }
      best.push(e);
    }
  }
  // a contained alias must cover most of the label, or a sentence would match a row
  if (best.length && bestLen * 2 >= core.length) return unique(best, num);
  return opts.fuzzy === false ? null : fuzzy(core, num, entries);
}

const FUZZY_MIN = 0.85;

/** Length of the longest common subsequence (labels are short: ≤ 40 chars here). */
function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, prev[j - 1]!);
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
      if (Math.min(k.length, core.length) < longer * FUZZY_MIN) continue;
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

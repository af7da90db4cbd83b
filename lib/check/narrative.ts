// The report's words against its tables (lib/spec/narrative.ts): a sentence that states how many
// applications, reviews or lawsuits there were, or that there were none, and a table that says
// otherwise, gives one warning per rule, quoting the sentence.
import type { Finding, ReportCell } from '../report';
import { NARRATIVE_RULES, type NarrativeRule } from '../spec/narrative';
import { RULE_MESSAGES } from '../spec/messages';
import { fill } from '../spec/fill';
import { fmt } from './describe';

const QUOTE_CHARS = 40;

interface Statement {
  value: number;
  quote: string;
}

/** Every statement of the rule in the text, in order. */
function statements(rule: NarrativeRule, text: string): Statement[] {
  const out: Statement[] = [];
  for (const p of rule.counts) for (const m of text.matchAll(p)) out.push({ value: Number(m[1]), quote: m[0] });
  for (const p of rule.none) for (const m of text.matchAll(p)) out.push({ value: 0, quote: m[0] });
  return out;
}

/** A sum of cells; null where a cell is missing or every cell is blank. */
function reading(ids: string[], cells: Map<string, ReportCell>): number | null {
  let total = 0;
  let filled = false;
  for (const id of ids) {
    const c = cells.get(id);
    if (!c) return null;
    if (c.value !== null) {
      total += c.value;
      filled = true;
    }
  }
  return filled ? total : null;
}

function shortQuote(s: string): string {
  return s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS - 1)}…` : s;
}

export function checkNarrative(text: string, cells: ReportCell[]): Finding[] {
  if (text === '') return [];
  const byId = new Map(cells.map((c) => [c.id, c]));
  const out: Finding[] = [];
  for (const rule of NARRATIVE_RULES) {
    const values = rule.readings.map((ids) => reading(ids, byId));
    const shown = values[0];
    if (shown === null || shown === undefined) continue;
    const wrong = statements(rule, text).find((s) => !values.includes(s.value));
    if (!wrong) continue;
    const msg = RULE_MESSAGES[rule.id]!;
    const vars = { quote: shortQuote(wrong.quote), stated: fmt(wrong.value), value: fmt(shown) };
    out.push({
      rule: rule.id,
      severity: rule.severity,
      cells: rule.readings[0]!,
      expected: wrong.value,
      found: shown,
      message: { zh: fill(msg.zh, vars), en: fill(msg.en, vars) },
      table: rule.table,
    });
  }
  return out;
}

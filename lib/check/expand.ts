// A rule of the spec over its for_each placeholders: T3-BALANCE over c = np … total gives seven
// relations. Its own module so the popup's cross-year check does not bundle the in-report checks.
import type { Rule } from '../spec';

export interface RelationInstance {
  rule: Rule;
  lhs: string[];
  rhs: string[];
}

export function expandRelations(rules: Rule[]): RelationInstance[] {
  const out: RelationInstance[] = [];
  for (const rule of rules) {
    if (!rule.lhs || !['==', '<=', '>='].includes(rule.op)) continue;
    const [name, values] = Object.entries(rule.for_each ?? { _: [''] })[0]!;
    for (const v of values) {
      const sub = (id: string) => id.replaceAll(`{${name}}`, v);
      out.push({ rule, lhs: rule.lhs.map(sub), rhs: (rule.rhs ?? []).map(sub) });
    }
  }
  return out;
}

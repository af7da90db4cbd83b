// X-T3-CARRY across two reports of one agency: this year's 二、上年结转 should equal last year's
// 四、结转下年度继续办理, column by column. Not official, so a warning (TEMPLATES.md §5).
import type { Finding, Report } from '../report';
import { CROSS_YEAR_RULES } from '../spec';
import { RULE_MESSAGES } from '../spec/messages';
import { fill } from '../spec/fill';
import { T3_COLUMNS_EN } from '../spec/labels-en';
import { cellLabels } from '../spec';
import { fmt } from './describe';

export function checkCrossYear(current: Report, previous: Report): Finding[] {
  if (current.year === null || previous.year !== current.year - 1) return [];
  const rule = CROSS_YEAR_RULES.find((r) => r.id === 'X-T3-CARRY');
  if (!rule) return [];
  const value = (r: Report, id: string) => r.cells.find((c) => c.id === id)?.value ?? null;
  const out: Finding[] = [];
  for (const c of rule.for_each?.c ?? []) {
    const now = value(current, `T3.carry_in.${c}`);
    const before = value(previous, `T3.carry_out.${c}`);
    if (now === null || before === null || now === before) continue;
    const vars = {
      col: cellLabels('F2021', `T3.new.${c}`)?.colLabel ?? c,
      colEn: T3_COLUMNS_EN[c] ?? c,
      lhs: fmt(now),
      rhs: fmt(before),
      prevYear: previous.year,
    };
    out.push({
      rule: rule.id,
      severity: 'warning',
      cells: [`T3.carry_in.${c}`, `T3.carry_out.${c}`],
      expected: before,
      found: now,
      message: { zh: fill(RULE_MESSAGES['X-T3-CARRY']!.zh, vars), en: fill(RULE_MESSAGES['X-T3-CARRY']!.en, vars) },
      table: 'T3',
      col: c,
    });
  }
  return out;
}

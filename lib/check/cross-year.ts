// The cross-year rules of the spec (TEMPLATES.md §5) over two reports of one agency, years Y-1
// and Y: X-T3-CARRY (this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column) and
// the T2 roll-forwards (X-T2-VALID-ROLL, X-T2-19-ITEMS-ROLL, X-T2-19-PUB-ROLL). None is official,
// so each keeps the spec's severity (warning or info). Terms are read from the rule data:
// `T2@Y-1.{r}.valid` is cell T2.{r}.valid of the earlier report, a leading '-' subtracts.
// Blank policy: a rule is not evaluated when a cell it names is missing from its report, when a
// cell of the earlier report is blank (what it carried is unknown: blank-as-0 is a convention
// within one table, not across two), or when either side is entirely blank; otherwise a blank of
// this year's report counts as 0, and the finding says so.
import type { Finding, Report, ReportCell } from '../report';
import { CROSS_YEAR_RULES, type FormatKey, type Rule } from '../spec';
import { CROSS_YEAR_SCOPE } from '../spec/cross-year';
import { CROSS_YEAR_MESSAGES } from '../spec/messages-cross-year';
import { fill } from '../spec/fill';
import { expandRelations } from './expand';
import { cellNames, fmt } from './describe';

interface Term {
  sign: 1 | -1;
  /** the report of year Y (current) or Y-1 (previous) */
  current: boolean;
  id: string;
}

const TERM = /^(-?)(T[234])@(Y|Y-1|\d{4})\.(.+)$/;

function parseTerm(term: string, year: number): Term | null {
  const m = TERM.exec(term);
  if (!m) return null;
  const at = m[3]!;
  const current = at === 'Y' || at === String(year);
  if (!current && at !== 'Y-1' && at !== String(year - 1)) return null;
  return { sign: m[1] === '-' ? -1 : 1, current, id: `${m[2]}.${m[4]}` };
}

function inScope(rule: Rule, year: number): boolean {
  const scope = CROSS_YEAR_SCOPE[rule.id];
  if (!scope) return false;
  return (scope.fromYear === undefined || year >= scope.fromYear) && (scope.toYear === undefined || year <= scope.toYear);
}

const byId = (r: Report): Map<string, ReportCell> => {
  const m = new Map<string, ReportCell>();
  for (const c of r.cells) if (!m.has(c.id)) m.set(c.id, c);
  return m;
};

/** Sum of signed terms; null when a term's cell is missing or a cell of the earlier report is blank. */
function sum(terms: Term[], now: Map<string, ReportCell>, before: Map<string, ReportCell>): { total: number; filled: boolean; blank: boolean } | null {
  let total = 0;
  let filled = false;
  let blank = false;
  for (const t of terms) {
    const c = (t.current ? now : before).get(t.id);
    if (!c || (c.value === null && !t.current)) return null;
    if (c.value === null) blank = true;
    else {
      total += t.sign * c.value;
      filled = true;
    }
  }
  return { total, filled, blank };
}

export function checkCrossYear(current: Report, previous: Report): Finding[] {
  if (current.year === null || previous.year !== current.year - 1) return [];
  const year = current.year;
  const now = byId(current);
  const before = byId(previous);
  // names come from either format (cellNames falls back), so a hybrid report reads as F2021
  const format: FormatKey = current.format === 'F2019' ? 'F2019' : 'F2021';
  const out: Finding[] = [];
  for (const inst of expandRelations(CROSS_YEAR_RULES.filter((r) => inScope(r, year)))) {
    const lhs = inst.lhs.map((t) => parseTerm(t, year));
    const rhs = inst.rhs.map((t) => parseTerm(t, year));
    if (lhs.some((t) => t === null) || rhs.some((t) => t === null)) continue;
    const l = sum(lhs as Term[], now, before);
    const r = sum(rhs as Term[], now, before);
    if (!l || !r || !l.filled || !r.filled || l.total === r.total) continue;
    const first = (lhs[0] as Term).id;
    const names = cellNames(format, first);
    const msg = CROSS_YEAR_MESSAGES[inst.rule.id] ?? { zh: inst.rule.equation, en: inst.rule.equation };
    const vars = { ...names, lhs: fmt(l.total), rhs: fmt(r.total), diff: fmt(Math.abs(l.total - r.total)), prevYear: previous.year, year };
    const [table, row, col] = first.split('.');
    out.push({
      rule: inst.rule.id,
      severity: inst.rule.severity,
      cells: [...new Set([...lhs, ...rhs].map((t) => (t as Term).id))],
      expected: r.total,
      found: l.total,
      message: { zh: fill(msg.zh, vars), en: fill(msg.en, vars) },
      table: table as Finding['table'],
      ...(inst.rule.for_each?.c ? { col } : { row }),
      ...(l.blank || r.blank ? { blankAsZero: true } : {}),
    });
  }
  return out;
}

// The spec's arithmetic relations (==, <=, >= over sums of cells), expanded over their for_each
// placeholders and evaluated with the spec's blank policy (TEMPLATES.md §8.1-8.2):
// - a relation whose cells are all blank is not evaluated;
// - one side entirely blank (the other not 0): a warning, the table is incomplete;
// - otherwise blanks count as 0 (blankAsZero), and a failure involving a '/' cell is a warning;
// - a relation that names a cell the page does not have is not evaluated (structural findings
//   already say what is missing).
import type { Finding, ReportCell } from '../report';
import { FORMATS, t3Children, t3VirtualSum, type FormatKey } from '../spec';
import { RULE_MESSAGES } from '../spec/messages';
import { fill } from '../spec/fill';
import { cellNames, fmt } from './describe';
import { expandRelations, type RelationInstance } from './expand';

export type { RelationInstance };

const EPS = 1e-9;

const cache = new Map<FormatKey, RelationInstance[]>();
export function relationsOf(format: FormatKey): RelationInstance[] {
  let r = cache.get(format);
  if (!r) cache.set(format, (r = expandRelations(FORMATS[format].rules)));
  return r;
}

function sum(ids: string[], cells: Map<string, ReportCell>): { total: number; filled: boolean } {
  let total = 0;
  let filled = false;
  for (const id of ids) {
    const v = cells.get(id)!.value;
    if (v !== null) {
      total += v;
      filled = true;
    }
  }
  return { total, filled };
}

function holds(op: string, l: number, r: number): boolean {
  if (op === '==') return Math.abs(l - r) <= EPS * Math.max(1, Math.abs(l), Math.abs(r));
  if (op === '<=') return l <= r + EPS;
  return l >= r - EPS;
}

function sideName(ids: string[], format: FormatKey): { zh: string; en: string } {
  if (ids.length === 1) {
    const n = cellNames(format, ids[0]!);
    return ids[0]!.startsWith('T3.') && ids[0]!.endsWith('.total') && !ids[0]!.startsWith('T3.r7') ? { zh: '总计栏', en: 'the total cell' } : { zh: `${n.row} ${n.col}`, en: `${n.rowEn} ${n.colEn}` };
  }
  return { zh: '各分项', en: 'all the parts' };
}

export function evaluateRelation(inst: RelationInstance, cells: Map<string, ReportCell>, format: FormatKey): Finding | null {
  const { rule, lhs, rhs } = inst;
  for (const id of lhs) if (!cells.has(id)) return null;
  for (const id of rhs) if (!cells.has(id)) return null;
  const l = sum(lhs, cells);
  const r = sum(rhs, cells);
  if (!l.filled && !r.filled) return null;
  const msg = RULE_MESSAGES[rule.id] ?? { zh: rule.equation, en: rule.equation };
  const blankSide = rhs.length > 0 && !r.filled ? rhs : !l.filled ? lhs : null;
  if (blankSide === null && holds(rule.op, l.total, rhs.length ? r.total : 0)) return null;
  if (blankSide !== null && ((blankSide === rhs ? l.total : r.total) === 0 || !msg.incompleteZh)) return null;

  // a finding: only now are the names and the message put together (most relations hold)
  const ids = [...lhs, ...rhs];
  const involved = ids.map((id) => cells.get(id)!);
  const single = lhs.length === 1 ? lhs[0]! : rhs.length === 1 ? rhs[0]! : lhs[0]!;
  const names = cellNames(format, single);
  const base = { ...names, lhs: fmt(l.total), rhs: fmt(r.total), diff: fmt(Math.abs(l.total - r.total)) };
  const table = (rule.id.slice(0, 2) as Finding['table']) ?? undefined;
  const where = single.split('.');
  const common = {
    rule: rule.id,
    cells: ids,
    table,
    ...(table === 'T3' && rule.for_each?.c ? { col: where[2] } : {}),
    ...(rule.for_each?.r ? { row: where[1] } : {}),
  };

  if (blankSide) {
    const filled = blankSide === rhs ? l.total : r.total;
    const side = sideName(blankSide, format);
    const vars = { ...base, blankSide: side.zh, blankSideEn: side.en, filled: fmt(filled) };
    return {
      ...common,
      severity: 'warning',
      expected: blankSide === rhs ? l.total : r.total,
      found: null,
      message: { zh: fill(msg.incompleteZh ?? msg.zh, vars), en: fill(msg.incompleteEn ?? msg.en, vars) },
      blankAsZero: true,
    };
  }
  const notApplicable = involved.some((c) => c.flags.includes('not_applicable') || c.flags.includes('not_a_number'));
  const blankAsZero = involved.some((c) => c.value === null);
  // the single printed total is what was "found"; for item-by-item balances the left side is expected
  const lhsIsTotal = lhs.length === 1 && rhs.length !== 1;
  return {
    ...common,
    severity: notApplicable && rule.severity === 'error' ? 'warning' : rule.severity,
    expected: lhsIsTotal ? r.total : l.total,
    found: lhsIsTotal ? l.total : rhs.length ? r.total : null,
    message: { zh: fill(msg.zh, base), en: fill(msg.en, base) },
    ...(blankAsZero ? { blankAsZero } : {}),
  };
}

/**
 * Where a report prints a category of table 3 as one row (its subtotal, virtual row r3_sum …):
 * without its sub-rows, T3-RESULT-SUM is evaluated with the subtotal in their place; with them,
 * the subtotal must equal their sum (T3-OPTIONAL-SUBTOTALS).
 */
export function withVirtualSums(instances: RelationInstance[], cells: Map<string, ReportCell>, format: FormatKey): RelationInstance[] {
  const groups = FORMATS[format].tables.T3.rows.filter((r) => r.data_row === false && t3VirtualSum(format, r.id));
  const cols = FORMATS[format].tables.T3.columns.map((c) => c.id);
  const present = groups.filter((g) => cols.some((c) => cells.has(`T3.${t3VirtualSum(format, g.id)}.${c}`)));
  if (!present.length) return instances;
  const subtotalRule = FORMATS[format].rules.find((r) => r.id === 'T3-OPTIONAL-SUBTOTALS');
  const out: RelationInstance[] = [];
  for (const inst of instances) {
    if (inst.rule.id !== 'T3-RESULT-SUM') {
      out.push(inst);
      continue;
    }
    const col = inst.lhs[0]!.split('.')[2]!;
    let rhs = inst.rhs;
    for (const g of present) {
      const sum = `T3.${t3VirtualSum(format, g.id)}.${col}`;
      const children = t3Children(format, g.id).map((r) => `T3.${r}.${col}`);
      if (children.every((id) => cells.has(id))) {
        if (subtotalRule && cells.has(sum)) out.push({ rule: subtotalRule, lhs: [sum], rhs: children });
      } else if (cells.has(sum)) {
        rhs = [...rhs.filter((id) => !children.includes(id)), sum];
      }
    }
    out.push({ ...inst, rhs });
  }
  return out;
}

// All in-report rules over the recognised cells → findings, errors first.
import type { Finding, FormatId, ReportCell } from '../report';
import type { FormatKey } from '../spec';
import { relationsOf, evaluateRelation, withVirtualSums } from './relations';
import { checkDomains } from './domain';
import { checkPlausibility } from './plausibility';

export interface CheckContext {
  format: FormatId | null;
  t2Format: FormatKey;
  t3Format: FormatKey;
  agency: string | null;
  year: number | null;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function checkCells(cells: ReportCell[], ctx: CheckContext): Finding[] {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const out: Finding[] = [];
  // table 2 rules follow table 2's format, tables 3 and 4 table 3's (a hybrid report mixes them)
  for (const inst of withVirtualSums(relationsOf(ctx.t3Format), byId, ctx.t3Format)) {
    if (inst.rule.id.startsWith('T2')) continue;
    const f = evaluateRelation(inst, byId, ctx.t3Format);
    if (f) out.push(f);
  }
  for (const inst of relationsOf(ctx.t2Format)) {
    if (!inst.rule.id.startsWith('T2')) continue;
    const f = evaluateRelation(inst, byId, ctx.t2Format);
    if (f) out.push(f);
  }
  out.push(...checkDomains(cells, ctx.t2Format, ctx.t3Format));
  out.push(...checkPlausibility(cells, ctx));
  return out;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.map((f, i) => [f, i] as const).sort((a, b) => ORDER[a[0].severity] - ORDER[b[0].severity] || a[1] - b[1]).map(([f]) => f);
}

// Builds the structural findings of lib/spec/structural.ts.
import type { CellLoc, Finding, TableId } from '../report';
import { STRUCTURAL } from '../spec/structural';
import { TABLE_NAMES } from '../spec/labels-en';
import { fill } from '../spec/fill';

export interface StructuralArgs {
  table: TableId;
  vars?: Record<string, string | number>;
  cells?: string[];
  row?: string;
  loc?: CellLoc | null;
  expected?: number | null;
  found?: number | null;
}

export function structuralFinding(rule: keyof typeof STRUCTURAL, a: StructuralArgs): Finding {
  const r = STRUCTURAL[rule]!;
  const names = TABLE_NAMES[a.table]!;
  const vars = { table: names.zh, tableEn: names.en, expected: a.expected ?? '', found: a.found ?? '', ...a.vars };
  return {
    rule: r.id,
    severity: r.severity,
    cells: a.cells ?? [],
    expected: a.expected ?? null,
    found: a.found ?? null,
    message: { zh: fill(r.zh, vars), en: fill(r.en, vars) },
    table: a.table,
    ...(a.row ? { row: a.row } : {}),
    ...(a.loc !== undefined ? { loc: a.loc } : {}),
  };
}

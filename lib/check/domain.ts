// Domain rules: T3-NONNEG-INT, T4-NONNEG-INT (whole numbers ≥ 0), T2-NONNEG / T2-19-NONNEG (≥ 0,
// whole where the column counts documents; 本年增/减 may be negative; amounts may have decimals).
// The column types come from the spec (`int>=0`, `signed int`, `decimal>=0 …`).
import type { Finding, ReportCell } from '../report';
import { FORMATS, type FormatKey } from '../spec';
import { RULE_MESSAGES } from '../spec/messages';
import { fill } from '../spec/fill';
import { cellNames } from './describe';

function t2Type(format: FormatKey, row: string, col: string): string | null {
  for (const f of [format, format === 'F2019' ? 'F2021' : 'F2019'] as const) {
    for (const b of FORMATS[f].tables.T2.blocks) {
      if (b.rows.some((r) => r.id === row)) {
        const c = b.columns.find((x) => x.id === col);
        if (c) return c.type;
      }
    }
  }
  return null;
}

function violates(type: string, v: number): boolean {
  if (type.startsWith('signed')) return !Number.isInteger(v);
  if (type.startsWith('decimal')) return v < 0;
  return v < 0 || !Number.isInteger(v);
}

export function checkDomains(cells: ReportCell[], t2Format: FormatKey, t3Format: FormatKey): Finding[] {
  const out: Finding[] = [];
  for (const c of cells) {
    if (c.value === null) continue;
    let rule: string;
    let type: string;
    if (c.table === 'T2') {
      rule = t2Format === 'F2019' ? 'T2-19-NONNEG' : 'T2-NONNEG';
      type = t2Type(t2Format, c.row, c.col) ?? 'int>=0';
    } else {
      rule = c.table === 'T3' ? 'T3-NONNEG-INT' : 'T4-NONNEG-INT';
      type = 'int>=0';
    }
    if (!violates(type, c.value)) continue;
    const names = cellNames(c.table === 'T3' ? t3Format : t2Format, c.id);
    const whole = type.startsWith('int');
    const vars = { ...names, raw: c.raw.trim(), intNote: whole ? '的整数' : '', intNoteEn: whole ? ', a whole number' : '' };
    const msg = RULE_MESSAGES[rule]!;
    out.push({
      rule,
      severity: 'error',
      cells: [c.id],
      expected: null,
      found: c.value,
      message: { zh: fill(msg.zh, vars), en: fill(msg.en, vars) },
      table: c.table,
      row: c.row,
      col: c.col,
    });
  }
  return out;
}

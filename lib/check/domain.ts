// Domain rules: T3-NONNEG-INT, T4-NONNEG-INT (whole numbers ≥ 0), T2-NONNEG / T2-19-NONNEG (≥ 0,
// whole where the column counts documents; 本年增/减 may be negative; amounts may have decimals).
// The column types come from the spec (`int>=0`, `signed int`, `decimal>=0 …`).
import type { Finding, ReportCell } from '../report';
import { FORMATS, type FormatKey } from '../spec';
import { RULE_MESSAGES } from '../spec/messages';
import { STRUCTURAL } from '../spec/structural';
import { TABLE_NAMES } from '../spec/labels-en';
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
    if (c.value === null) {
      if (c.flags.includes('not_a_number')) out.push(unreadable(c, c.table === 'T2' ? t2Format : t3Format));
      continue;
    }
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

/** Raw text shown in a message: one line, at most 40 characters. */
function shortRaw(raw: string): string {
  const t = raw.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/**
 * STRUCT-NOT-A-NUMBER (DESIGN §4 "unreadable cells"): a figure cell whose text is not a number
 * ('1e9', '99999999999999999999', '见说明'). Its value stays null and its raw text is kept; without
 * this warning a relation that still holds with it counted as 0 would say nothing about it.
 */
function unreadable(c: ReportCell, format: FormatKey): Finding {
  const r = STRUCTURAL['STRUCT-NOT-A-NUMBER']!;
  const names = cellNames(format, c.id);
  const table = TABLE_NAMES[c.table]!;
  const vars = { ...names, table: table.zh, tableEn: table.en, raw: shortRaw(c.raw) };
  return {
    rule: r.id,
    severity: r.severity,
    cells: [c.id],
    expected: null,
    found: null,
    message: { zh: fill(r.zh, vars), en: fill(r.en, vars) },
    table: c.table,
    row: c.row,
    col: c.col,
    loc: c.loc,
  };
}

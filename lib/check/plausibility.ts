// Rules that judge one value against what is usual, not against another cell:
// T2-FEE-UNIT (a fee written in 元 in the 万元 column, converted), T2-REG-AUTHORITY (a township
// reporting 规章, which it cannot make), X-FORMAT-YEAR (the tables' format against the year).
import type { Finding, FormatId, ReportCell } from '../report';
import { FORMATS, formatForYear } from '../spec';
import { RULE_MESSAGES } from '../spec/messages';
import { fill } from '../spec/fill';
import { fmt } from './describe';

/** Bodies that cannot make 规章 (立法法): townships, sub-districts, county-level bodies. */
const NO_RULE_MAKING = /(?:镇|乡|街道|街道办事处|镇人民政府|乡人民政府|县人民政府|区人民政府|县.{0,12}局|区.{0,12}局)$/;

function finding(rule: string, severity: Finding['severity'], cells: ReportCell[], vars: Record<string, string | number>, extra: Partial<Finding> = {}): Finding {
  const msg = RULE_MESSAGES[rule]!;
  return {
    rule,
    severity,
    cells: cells.map((c) => c.id),
    expected: null,
    found: cells[0]?.value ?? null,
    message: { zh: fill(msg.zh, vars), en: fill(msg.en, vars) },
    ...extra,
  };
}

export function checkPlausibility(cells: ReportCell[], ctx: { agency: string | null; year: number | null; format: FormatId | null }): Finding[] {
  const out: Finding[] = [];
  for (const c of cells) {
    if (c.flags.includes('unit_converted')) {
      out.push(finding('T2-FEE-UNIT', 'warning', [c], { raw: c.raw.trim(), value: fmt(c.value ?? 0) }, { table: 'T2', row: c.row, col: c.col }));
    }
  }
  if (ctx.agency && NO_RULE_MAKING.test(ctx.agency)) {
    const made = cells.filter((c) => c.table === 'T2' && c.row === 's1_regulation' && c.value !== null && c.value > 0);
    if (made.length) out.push(finding('T2-REG-AUTHORITY', 'info', made, { agency: ctx.agency, value: made.map((c) => fmt(c.value!)).join('、') }, { table: 'T2', row: 's1_regulation' }));
  }
  if (ctx.year !== null && (ctx.format === 'F2019' || ctx.format === 'F2021' || ctx.format === 'hybrid')) {
    const expected = formatForYear(ctx.year);
    if (expected && expected !== ctx.format) {
      const name = (f: string) => (f === 'hybrid' ? '混合' : FORMATS[f as 'F2019' | 'F2021'] ? f.slice(1) + ' 版' : f);
      out.push({
        rule: 'X-FORMAT-YEAR',
        severity: 'warning',
        cells: [],
        expected: null,
        found: null,
        message: {
          zh: fill(RULE_MESSAGES['X-FORMAT-YEAR']!.zh, { year: ctx.year, expected: name(expected), found: name(ctx.format) }),
          en: fill(RULE_MESSAGES['X-FORMAT-YEAR']!.en, { year: ctx.year, expected, found: ctx.format }),
        },
      });
    }
  }
  return out;
}

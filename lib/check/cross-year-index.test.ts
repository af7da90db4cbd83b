import { describe, expect, it } from 'vitest';
import { cell, report } from '../export/test-reports';
import type { Report } from '../report';
import { CROSS_YEAR_CELL_IDS, CrossYearIndex, crossYearEntry } from './cross-year-index';
import { crossYearPairs } from './year-pairs';

const T3_COLS = ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'total'];

function yearReport(agency: string, year: number, carryIn: number, carryOut: number, extra: Record<string, number | null> = {}): Report {
  return report({
    agency,
    year,
    format: year <= 2020 ? 'F2019' : 'F2021',
    source: `${agency}-${year}.html`,
    cells: [
      ...T3_COLS.map((c) => cell(`T3.carry_in.${c}`, c === 'total' || c === 'np' ? carryIn : 0)),
      ...T3_COLS.map((c) => cell(`T3.carry_out.${c}`, c === 'total' || c === 'np' ? carryOut : 0)),
      ...Object.entries(extra).map(([id, v]) => cell(id, v)),
    ],
  });
}

/** A pair as text, for comparing the stream's pairs with crossYearPairs'. */
const key = (agency: string, prev: string, cur: string, findings: { rule: string; col?: string; row?: string; found: number | null; expected: number | null }[]) =>
  `${agency} ${prev}→${cur}: ${findings.map((f) => `${f.rule}:${f.col ?? f.row}:${f.found}/${f.expected}`).join(',')}`;

describe('CrossYearIndex', () => {
  const batch = [
    yearReport('甲镇人民政府', 2022, 3, 0, { 'T2.s1_regulation.valid': 12, 'T2.s1_regulation.made': 1, 'T2.s1_regulation.repealed': 0 }),
    yearReport('乙县 教育局', 2020, 0, 2),
    yearReport('甲镇人民政府', 2021, 0, 1, { 'T2.s1_regulation.valid': 10 }),
    yearReport('乙县教育局', 2021, 2, 0),
    yearReport('甲镇人民政府', 2023, 1, 0),
    report({ agency: null, year: 2021, source: 'anon.html' }),
  ];

  it('finds the pairs and findings crossYearPairs finds over the whole list, from compact entries', () => {
    const index = new CrossYearIndex();
    for (const r of batch) index.add(crossYearEntry(r));
    const fromStream = index.yearPairs().map((p) => key(p.agency, p.previous.source, p.current.source, p.findings));
    const fromList = crossYearPairs(batch).map((p) => key(p.agency, p.previous.source, p.current.source, p.findings));
    expect(fromStream).toEqual(fromList);
    expect(fromList.length).toBe(3);
    expect(fromStream.join('\n')).toContain('X-T3-CARRY:total:3/1');
    expect(fromStream.join('\n')).toContain('X-T2-VALID-ROLL:s1_regulation:12/11');
  });

  it('gives a pair to the later report when the earlier came first, and as late otherwise', () => {
    const index = new CrossYearIndex();
    const got = batch.map((r) => index.add(crossYearEntry(r)));
    // 2022 before 2021: found when 2021 arrives, late
    expect(got[0]!.own).toBeNull();
    expect(got[2]!.own).toBeNull();
    expect(got[2]!.late.map((p) => p.current.source)).toEqual(['甲镇人民政府-2022.html']);
    // 乙县教育局 2021 after 2020 (whitespace in the name does not matter): its own pair
    expect(got[3]!.own?.previous.source).toBe('乙县 教育局-2020.html');
    expect(got[3]!.own?.late).toBe(false);
    expect(got[4]!.own?.previous.source).toBe('甲镇人民政府-2022.html');
    expect(got[5]).toEqual({ own: null, late: [] });
  });

  it('keeps only the cells the rules read, not the report', () => {
    const e = crossYearEntry(batch[0]!)!;
    expect(e.values).toHaveLength(CROSS_YEAR_CELL_IDS.length);
    expect(CROSS_YEAR_CELL_IDS).toContain('T3.carry_in.total');
    expect(CROSS_YEAR_CELL_IDS).toContain('T3.carry_out.total');
    expect(e.values[CROSS_YEAR_CELL_IDS.indexOf('T3.carry_in.total')]).toBe(3);
    // a cell the report lacks stays undefined (the rule is then not evaluated), not 0
    expect(CROSS_YEAR_CELL_IDS).toContain('T2.s1_normative.valid');
    expect(e.values[CROSS_YEAR_CELL_IDS.indexOf('T2.s1_normative.valid')]).toBeUndefined();
    expect(Object.keys(e).sort()).toEqual(['agency', 'format', 'source', 'values', 'year']);
  });
});

// Finds the pairs of consecutive years of one agency in the collection and runs the cross-year
// check on each (this year's 二、上年结转 against last year's 四、结转下年度继续办理).
import type { Finding, Report } from '@/lib/report';
import { checkCrossYear } from './core';

export interface YearPair {
  agency: string;
  previous: Report;
  current: Report;
  findings: Finding[];
}

const sameAgency = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

export function crossYearPairs(reports: Report[]): YearPair[] {
  const pairs: YearPair[] = [];
  for (const current of reports) {
    if (!current.agency || current.year === null) continue;
    const previous = reports.find((p) => p.agency !== null && sameAgency(p.agency, current.agency!) && p.year === current.year! - 1);
    if (previous) pairs.push({ agency: current.agency, previous, current, findings: checkCrossYear(current, previous) });
  }
  return pairs.sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.current.year! - b.current.year!);
}

// Finds the pairs of consecutive years of one agency among many reports (the popup's collection,
// the files given to the CLI) and runs the cross-year rules on each.
import type { Finding, Report } from '../report';
import { checkCrossYear } from './cross-year';

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

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

/** The form of an agency name two reports must share to be one agency's: whitespace left out. */
export const sameAgencyKey = (a: string): string => a.replace(/\s+/g, '');
const sameAgency = (a: string, b: string) => sameAgencyKey(a) === sameAgencyKey(b);

export function crossYearPairs(reports: Report[]): YearPair[] {
  const pairs: YearPair[] = [];
  for (const current of reports) {
    if (!current.agency || current.year === null) continue;
    const previous = reports.find((p) => p.agency !== null && sameAgency(p.agency, current.agency!) && p.year === current.year! - 1);
    if (previous) pairs.push({ agency: current.agency, previous, current, findings: checkCrossYear(current, previous) });
  }
  return pairs.sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.current.year! - b.current.year!);
}

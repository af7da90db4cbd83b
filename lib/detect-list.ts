// The cheap test for a column's list page (栏目页: 政府信息公开年报, 政府信息公开工作年度报告 …),
// run beside looksLikeReportPage on every government page: a few string tests on the title and
// the first heading, no walk of the DOM. It says only that the page may list reports; the links are
// counted (two or more that each name one report with its year) by readReportList
// (lib/sweep/list.ts) when the badge or the popup needs the number.
import { ABOUT_A_REPORT, LIST_TITLE, REPORT_TITLE, TITLE_PARTS, YEAR, looksLikeOneReportTitle, type DetectInput } from './detect';

/** A column named by the short word only (年报, 年度报告), which says nothing without a disclosure part beside it. */
const SHORT_COLUMN = /^(?:工作)?(?:年报|年度报告)(?:专栏|栏目|列表)?$/;
const DISCLOSURE = /信息公开|政务公开/;

/** Whether one line (a title, a heading) names the column of reports rather than one report. */
export function namesReportColumn(line: string): boolean {
  // most lines are not about reports at all: one substring test settles them
  if (!line.includes('报告') && !line.includes('年报')) return false;
  // a report's own page often names its column too (报告_政府信息公开年报_某某县): it is a report
  if (looksLikeOneReportTitle(line)) return false;
  const parts = line.split(TITLE_PARTS).map((p) => p.replace(/\s+/g, '')).filter((p) => p !== '');
  for (const t of parts) {
    if (ABOUT_A_REPORT.test(t)) continue;
    // the column's name has no year (2023年政府信息公开工作年度报告栏目 has one, and says it is a column)
    if (REPORT_TITLE.test(t) && (!YEAR.test(t) || LIST_TITLE.test(t))) return true;
    if (SHORT_COLUMN.test(t) && parts.some((p) => p !== t && DISCLOSURE.test(p))) return true;
  }
  return false;
}

/**
 * True when the page's title or first heading names a column of annual reports and neither names
 * one report (a report page is the report, whatever its column).
 */
export function looksLikeListPage(input: DetectInput): boolean {
  if (looksLikeOneReportTitle(input.title)) return false;
  if (input.firstHeading !== undefined && looksLikeOneReportTitle(input.firstHeading)) return false;
  return namesReportColumn(input.title) || (input.firstHeading !== undefined && namesReportColumn(input.firstHeading));
}

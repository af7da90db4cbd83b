// The cheap test the content script runs on every government page: a few string tests on the
// title and the first heading, no walk of the DOM. Only when it passes is the page extracted.

/** Title words of an annual report: 政府信息公开工作年度报告, 政务公开年报, 信息公开情况的报告 … */
export const REPORT_TITLE = /(?:政府)?信息公开.{0,12}(?:年度?报告|年报|情况的?报告)|政务公开.{0,8}(?:年度?报告|年报)/;
/** Title words of a list of reports (栏目页), which is not a report itself. */
export const LIST_TITLE = /(?:列表|栏目|目录|索引|首页|专栏)$/;
/**
 * The year a report is about, as titles print it: 2008–2099 in digits (not inside a longer number),
 * or in Chinese numerals (二〇二三). A 栏目 page that lists the reports is titled with the column's
 * name only (政府信息公开年报, 政府信息公开年度报告): no year.
 */
export const YEAR = /(?<!\d)20\d\d(?!\d)|二[〇○零][〇○零一二三四五六七八九]{2}/;
/** Pages about reports that are not one: notices (编制发布工作的通知, 报告格式), readings of one (解读, 一图读懂). */
export const ABOUT_A_REPORT = /(?:通知|格式|解读|图解)[》」”]?$|^(?:一图读懂|图解|图说)/;
/** Where a CMS joins the page's name to the column's and the site's: 报告_某某县人民政府, 报告 - 某某网, 报告|… */
export const TITLE_PARTS = /[_|｜]|\s[-–—]\s/;

export interface DetectInput {
  title: string;
  /** the first heading of the page, when the title is generic (site name only) */
  firstHeading?: string;
}

/** Whether a line names an annual report on information disclosure (any, or a list of them). */
export function looksLikeReportTitle(title: string): boolean {
  const t = title.replace(/\s+/g, '');
  return REPORT_TITLE.test(t) && !LIST_TITLE.test(t);
}

/**
 * Whether a title (or a heading) names one report: the report words and its year in the same part
 * of the title, and the part is not a list, a notice or a reading of a report.
 */
export function looksLikeOneReportTitle(title: string): boolean {
  // most titles are not about reports at all: the first test settles them
  if (!REPORT_TITLE.test(title.replace(/\s+/g, ''))) return false;
  for (const part of title.split(TITLE_PARTS)) {
    const t = part.replace(/\s+/g, '');
    if (REPORT_TITLE.test(t) && YEAR.test(t) && !LIST_TITLE.test(t) && !ABOUT_A_REPORT.test(t)) return true;
  }
  return false;
}

/** True when the page's title or first heading names one annual report on information disclosure. */
export function looksLikeReportPage(input: DetectInput): boolean {
  if (looksLikeOneReportTitle(input.title)) return true;
  return input.firstHeading !== undefined && looksLikeOneReportTitle(input.firstHeading);
}

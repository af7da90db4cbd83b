// The cheap test the content script runs on every government page: a few string tests on the
// title and the address, no walk of the DOM. Only when it passes is the page extracted.

/** Title words of an annual report: 政府信息公开工作年度报告, 政务公开年报, 信息公开情况的报告 … */
const REPORT_TITLE = /(?:政府)?信息公开.{0,12}(?:年度?报告|年报|情况的?报告)|政务公开.{0,8}(?:年度?报告|年报)/;
/** Title words of a list of reports (栏目页), which is not a report itself. */
const LIST_TITLE = /(?:列表|栏目|目录|索引|首页)$/;

export interface DetectInput {
  title: string;
  /** the first heading of the page, when the title is generic (site name only) */
  firstHeading?: string;
}

export function looksLikeReportTitle(title: string): boolean {
  const t = title.replace(/\s+/g, '');
  return REPORT_TITLE.test(t) && !LIST_TITLE.test(t);
}

/** True when the page's title or first heading names an annual report on information disclosure. */
export function looksLikeReportPage(input: DetectInput): boolean {
  if (looksLikeReportTitle(input.title)) return true;
  return input.firstHeading !== undefined && looksLikeReportTitle(input.firstHeading);
}

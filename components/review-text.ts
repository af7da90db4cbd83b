// The review sheet's own words (审核意见单), zh and en. The sheet is a document to print and send
// back, so its wording lives beside it rather than in the popup's catalogue.
import type { UiLang } from './i18n';

const TEXT = {
  sheetTitle: { zh: '政府信息公开工作年度报告 审核意见单', en: 'Annual report on government information disclosure: review sheet' },
  agency: { zh: '报告机关', en: 'Agency' },
  year: { zh: '报告年度', en: 'Year' },
  format: { zh: '适用格式', en: 'Format' },
  address: { zh: '报告地址', en: 'Address' },
  readAt: { zh: '读取时间', en: 'Read at' },
  verdict: { zh: '核对结论', en: 'Verdict' },
  findings: { zh: '问题清单', en: 'Findings' },
  noFindings: { zh: '未发现表格数据不一致。', en: 'No inconsistency found in the tables.' },
  colNo: { zh: '序号', en: 'No.' },
  colSeverity: { zh: '类别', en: 'Kind' },
  colRule: { zh: '依据', en: 'Rule' },
  colCells: { zh: '涉及单元格及数值', en: 'Cells and values' },
  colMessage: { zh: '说明', en: 'Explanation' },
  tables: { zh: '统计表（问题单元格已标出）', en: 'Tables (cells with findings marked)' },
  legend: { zh: '实线框：问题所在单元格；虚线框：同一关系涉及的其他单元格。', en: 'Solid border: the cell a finding is about; dashed: the other cells of the same relation.' },
  reviewer: { zh: '审核人：＿＿＿＿＿＿　审核日期：＿＿＿＿＿＿', en: 'Reviewer: ____________   Date: ____________' },
  print: { zh: '打印 / 另存为 PDF', en: 'Print / save as PDF' },
  nothing: { zh: '没有要审核的报告：请在弹出窗口中打开审核意见单。', en: 'No report to review: open the review sheet from the popup.' },
  official: { zh: '官方格式', en: 'official' },
  derived: { zh: '由表格结构推出', en: 'derived from the table' },
  plausible: { zh: '合理性', en: 'plausibility' },
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Note' },
  blank: { zh: '空白', en: 'blank' },
  absent: { zh: '未读到', en: 'not read' },
} as const satisfies Record<string, Record<UiLang, string>>;

export type ReviewTextKey = keyof typeof TEXT;

export function reviewText(key: ReviewTextKey, lang: UiLang): string {
  return TEXT[key][lang];
}

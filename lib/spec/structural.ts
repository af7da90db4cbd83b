// Structural findings: what the recogniser reports when a table cannot be read as the official
// format prints it. They are warnings (the table is incomplete or damaged, not contradictory),
// listed here as data beside the spec's arithmetic rules.
import type { Severity } from '../report';

export interface StructuralRule {
  id: string;
  severity: Severity;
  zh: string;
  en: string;
}

export const STRUCTURAL: Record<string, StructuralRule> = {
  'STRUCT-ROW-CELLS': {
    id: 'STRUCT-ROW-CELLS',
    severity: 'warning',
    zh: '{table} {row}：有 {found} 个数值格，应为 {expected} 个；{action}',
    en: '{tableEn} {rowEn}: {found} value cells where the table has {expected}; {actionEn}',
  },
  'STRUCT-MISSING-ROWS': {
    id: 'STRUCT-MISSING-ROWS',
    severity: 'warning',
    zh: '{table} 缺少 {found} 行：{rows}',
    en: '{tableEn} lacks {found} rows: {rowsEn}',
  },
  'STRUCT-UNPLACED-ROW': {
    id: 'STRUCT-UNPLACED-ROW',
    severity: 'warning',
    zh: '{table} 有一行无法对应到官方格式的行（“{row}”），其数值未计入',
    en: '{tableEn}: a row could not be matched to a row of the official format ("{row}"); its figures are not used',
  },
  'STRUCT-DUPLICATE-ROW': {
    id: 'STRUCT-DUPLICATE-ROW',
    severity: 'warning',
    zh: '{table} {row} 出现了两次，只采用第一次的数值',
    en: '{tableEn} {rowEn} appears twice; the first is used',
  },
  'STRUCT-COLLAPSED': {
    id: 'STRUCT-COLLAPSED',
    severity: 'warning',
    zh: '{table} “{row}” 只有合计数，没有分项行；只能按类别核对',
    en: '{tableEn} "{row}" has figures only for the whole category, without its sub-rows; it is checked as a category',
  },
  'STRUCT-NOT-A-NUMBER': {
    id: 'STRUCT-NOT-A-NUMBER',
    severity: 'warning',
    zh: '{table} {row} {col}：“{raw}” 不是可读的数字',
    en: '{tableEn} {rowEn}, {colEn}: "{raw}" is not a readable number',
  },
  'STRUCT-FROM-TEXT': {
    id: 'STRUCT-FROM-TEXT',
    severity: 'info',
    zh: '{table}不是文字表格，数值取自报告正文的叙述',
    en: '{tableEn} is not a text table; its figures were read from the report’s sentences',
  },
  'STRUCT-TABLE-MISSING': {
    id: 'STRUCT-TABLE-MISSING',
    severity: 'warning',
    zh: '页面上没有找到{table}的文字表格',
    en: 'No text table for {tableEn} was found on the page',
  },
};

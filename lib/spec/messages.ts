// One-line explanations of every rule, in Chinese and English. Placeholders:
// {col}/{colEn} T3 column, {row}/{rowEn} row, {group}/{groupEn} T4 group, {lhs} {rhs} {diff} sums,
// {raw} a cell as published, {value} a number. `incomplete` is used when one side of a relation
// is entirely blank: the table is incomplete, not contradictory (spec §8.1).
import { CROSS_YEAR_MESSAGES } from './messages-cross-year';

export interface RuleMessage {
  zh: string;
  en: string;
  incompleteZh?: string;
  incompleteEn?: string;
}

const T4_SUM: RuleMessage = {
  zh: '表四 {group}：总计 = {lhs}，但结果维持、结果纠正、其他结果、尚未审结之和 = {rhs}（相差 {diff}）',
  en: 'Table 4, {groupEn}: total = {lhs}, but upheld + corrected + other + pending = {rhs} (off by {diff})',
  incompleteZh: '表四 {group}：{blankSide}空白，而另一边为 {filled}（表格不完整）',
  incompleteEn: 'Table 4, {groupEn}: {blankSideEn} left blank while the other side is {filled} (table incomplete)',
};

export const RULE_MESSAGES: Record<string, RuleMessage> = {
  ...CROSS_YEAR_MESSAGES,
  'T3-BALANCE': {
    zh: '表三 {col}列：第一项 + 第二项 = {lhs}，但第三项 + 第四项 = {rhs}（相差 {diff}）',
    en: 'Table 3, {colEn} column: items 1 + 2 = {lhs}, but items 3 + 4 = {rhs} (off by {diff})',
    incompleteZh: '表三 {col}列：{blankSide}空白，而另一边为 {filled}（表格不完整）',
    incompleteEn: 'Table 3, {colEn} column: {blankSideEn} left blank while the other side is {filled} (table incomplete)',
  },
  'T3-RESULT-SUM': {
    zh: '表三 {col}列：（七）总计 = {lhs}，但各项办理结果之和 = {rhs}（相差 {diff}）',
    en: 'Table 3, {colEn} column: (7) total = {lhs}, but the results add up to {rhs} (off by {diff})',
    incompleteZh: '表三 {col}列：{blankSide}空白，而另一边为 {filled}（表格不完整）',
    incompleteEn: 'Table 3, {colEn} column: {blankSideEn} left blank while the other side is {filled} (table incomplete)',
  },
  'T3-COL-SUM': {
    zh: '表三 {row}：总计 = {lhs}，但各类申请人之和 = {rhs}（相差 {diff}）',
    en: 'Table 3, {rowEn}: total = {lhs}, but the applicant columns add up to {rhs} (off by {diff})',
    incompleteZh: '表三 {row}：{blankSide}空白，而另一边为 {filled}（表格不完整）',
    incompleteEn: 'Table 3, {rowEn}: {blankSideEn} left blank while the other side is {filled} (table incomplete)',
  },
  'T3-OPTIONAL-SUBTOTALS': {
    zh: '表三 {row} {col}：小计 = {lhs}，但分项之和 = {rhs}（相差 {diff}）',
    en: 'Table 3, {rowEn}, {colEn}: subtotal = {lhs}, but its items add up to {rhs} (off by {diff})',
  },
  'T3-CARRY-OUT-BOUND': {
    zh: '表三 {col}列：结转下年度 {lhs} 多于新收与上年结转之和 {rhs}',
    en: 'Table 3, {colEn} column: {lhs} carried over to next year, more than new + carried-in = {rhs}',
  },
  'T3-NONNEG-INT': {
    zh: '表三 {row} {col}：“{raw}” 不是非负整数',
    en: 'Table 3, {rowEn}, {colEn}: "{raw}" is not a whole number ≥ 0',
  },
  'T4-REV-SUM': T4_SUM,
  'T4-LITD-SUM': T4_SUM,
  'T4-LITR-SUM': T4_SUM,
  'T4-NONNEG-INT': {
    zh: '表四 {group} {col}：“{raw}” 不是非负整数',
    en: 'Table 4, {groupEn}, {colEn}: "{raw}" is not a whole number ≥ 0',
  },
  'T2-NONNEG': {
    zh: '表二 {row} {col}：“{raw}” 应为非负数{intNote}',
    en: 'Table 2, {row}, {col}: "{raw}" should be a number ≥ 0{intNoteEn}',
  },
  'T2-19-NONNEG': {
    zh: '表二 {row} {col}：“{raw}” 应为非负数{intNote}',
    en: 'Table 2, {row}, {col}: "{raw}" should be a number ≥ 0{intNoteEn}',
  },
  'T2-FEE-UNIT': {
    zh: '表二 行政事业性收费：金额写作“{raw}”，已按 1 万元 = 10000 元换算为 {value} 万元',
    en: 'Table 2, fees: written as "{raw}"; converted to {value} (unit 10,000 yuan) as the column requires',
  },
  'T2-VALID-GE-MADE': {
    zh: '表二 {row}：现行有效件数 {lhs} 少于本年制发件数 {rhs}',
    en: 'Table 2, {row}: {lhs} in force, fewer than the {rhs} made this year',
  },
  'T2-19-ITEMS-NONNEG': {
    zh: '表二 {row}：上一年项目数量加本年增/减 = {lhs}，为负数',
    en: 'Table 2, {row}: last year’s items plus this year’s change = {lhs}, a negative count',
  },
  'T2-19-TOTAL-GE-NEW': {
    zh: '表二 {row}：对外公开总数量 {lhs} 少于本年新公开数量 {rhs}',
    en: 'Table 2, {row}: {lhs} published in all, fewer than the {rhs} newly published this year',
  },
  'T2-REG-AUTHORITY': {
    zh: '表二 规章：{agency}一般没有规章制定权，但规章栏填了 {value}',
    en: 'Table 2, rules: {agency} normally cannot make rules (规章), yet the row shows {value}',
  },
  'TEXT-T3-NEW': {
    zh: '正文称“{quote}”，但表三“一、本年新收”总计为 {value}',
    en: 'The text says "{quote}", but table 3 shows {value} new applications',
  },
  'TEXT-T4-REVIEW': {
    zh: '正文称“{quote}”，但表四“行政复议”总计为 {value}',
    en: 'The text says "{quote}", but table 4 shows {value} administrative reviews',
  },
  'TEXT-T4-LITIGATION': {
    zh: '正文称“{quote}”，但表四“行政诉讼”两项总计之和为 {value}',
    en: 'The text says "{quote}", but table 4 shows {value} lawsuits',
  },
  'X-FORMAT-YEAR': {
    zh: '{year} 年的报告应使用 {expected} 格式，但表格是 {found} 格式',
    en: 'A report for {year} should use the {expected} format, but its tables follow {found}',
  },
};

// The messages of the cross-year rules, apart from the others: the popup checks the years of its
// collection and bundles these, not every message of the in-report checks. RULE_MESSAGES holds
// them too. Placeholders as in messages.ts, and {prevYear} the earlier report's year.
import type { RuleMessage } from './messages';

export const CROSS_YEAR_MESSAGES: Record<string, RuleMessage> = {
  'X-T3-CARRY': {
    zh: '表三 {col}列：本年“二、上年结转” = {lhs}，但 {prevYear} 年报告“四、结转下年度继续办理” = {rhs}',
    en: 'Table 3, {colEn} column: carried in this year = {lhs}, but the {prevYear} report carried over {rhs}',
  },
  'X-T2-VALID-ROLL': {
    zh: '表二 {row}：现行有效件数 = {lhs}，但 {prevYear} 年报告的现行有效件数 + 本年制发 − 本年废止 = {rhs}（相差 {diff}）',
    en: 'Table 2, {row}: {lhs} in force, but the {prevYear} report\'s count + made − repealed this year = {rhs} (off by {diff})',
  },
  'X-T2-19-ITEMS-ROLL': {
    zh: '表二 {row}：上一年项目数量 = {lhs}，但 {prevYear} 年报告的上一年项目数量 + 本年增/减 = {rhs}（相差 {diff}）',
    en: 'Table 2, {row}: {lhs} items the year before, but the {prevYear} report\'s items + change = {rhs} (off by {diff})',
  },
  'X-T2-19-PUB-ROLL': {
    zh: '表二 {row}：对外公开总数量 = {lhs}，但 {prevYear} 年报告的对外公开总数量 + 本年新公开数量 = {rhs}（相差 {diff}）',
    en: 'Table 2, {row}: {lhs} published in all, but the {prevYear} report\'s total + newly published = {rhs} (off by {diff})',
  },
};

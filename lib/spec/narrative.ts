// Plausibility between the report's own words and its tables (DESIGN §4): the text says no
// application was received, table 3 says 1. Not in the official text, so warnings. Each rule
// names the figure a sentence states, the cells that figure may be read as (a count "received"
// is written for new applications or for new + carried in: either reading is accepted), and the
// sentence shapes, written from the reports of the corpus. A sentence is read within one line
// and one clause (no 。；，), so a table row flattened into text is never taken for a sentence.
export interface NarrativeRule {
  id: string;
  severity: 'warning';
  /** the table the figure belongs in */
  table: 'T3' | 'T4';
  /** sums of cells the stated figure may equal; the first one is shown in the message */
  readings: string[][];
  /** sentences that state the figure: group 1 is the number */
  counts: RegExp[];
  /** sentences that state there was none (the figure is 0) */
  none: RegExp[];
}

/** Characters a clause of one sentence does not cross. */
const C = '[^。；;，,、\\n\\t|\\d]';
/** The stated figure and its unit, not followed by more figures (a table row printed with units). */
const NUM = '(\\d{1,6})\\s*(?:件|条|起|宗|个)(?!\\s*\\d)';
/** Words of a case's outcome: a denial that names one (未发生被纠错的…) does not say there was no case. */
const RESULT = '纠错|纠正|败诉|撤销|确认违法';
/** A character of a denial's clause: any of C, and 、 (未发生行政复议、行政诉讼), but no outcome word. */
const D = `(?:(?!${RESULT})[^。；;，,\\n\\t|\\d])`;
/** …nor right after it (未发生行政复议纠错的情况). */
const NOT_ABOUT_RESULT = `(?!${C}{0,8}(?:${RESULT}))`;

/** Global: a text may state a figure more than once, and every statement is checked. */
const re = (s: string) => new RegExp(s, 'g');

export const NARRATIVE_RULES: NarrativeRule[] = [
  {
    id: 'TEXT-T3-NEW',
    severity: 'warning',
    table: 'T3',
    readings: [['T3.new.total'], ['T3.new.total', 'T3.carry_in.total']],
    counts: [re(`(?:新收|收到|受理|接收|接到)${C}{0,8}(?:政府信息公开|依申请公开)${C}{0,12}?${NUM}`)],
    none: [re(`(?:未|没有)(?:新收|收到|受理|接收|接到)${C}{0,8}(?:政府信息公开|依申请公开)`)],
  },
  {
    id: 'TEXT-T4-REVIEW',
    severity: 'warning',
    table: 'T4',
    readings: [['T4.review.total']],
    counts: [re(`(?:被|发生|收到|涉及|提起)${C}{0,12}行政复议(?:案件)?${C}{0,2}?${NUM}`)],
    none: [re(`(?:未|没有)(?:发生|出现|收到|有|被|涉及)${D}{0,20}行政复议${NOT_ABOUT_RESULT}`)],
  },
  {
    id: 'TEXT-T4-LITIGATION',
    severity: 'warning',
    table: 'T4',
    readings: [['T4.lit_direct.total', 'T4.lit_after_review.total']],
    counts: [re(`(?:被|发生|收到|涉及|提起)${C}{0,12}(?:行政)?诉讼(?:案件)?${C}{0,2}?${NUM}`)],
    none: [re(`(?:未|没有)(?:发生|出现|收到|有|被|涉及)${D}{0,20}诉讼${NOT_ABOUT_RESULT}`)],
  },
];

// Which table a row belongs to: every label cell votes for the tables whose labels it names, and
// section headings (二、主动公开… / 三、收到和处理… / 四、…行政复议… / 五、存在的主要问题…) switch
// tables outright. Words shared by tables 3 and 4 (总计, 合计) vote for neither.
import type { TableId } from '../report';
import type { RowParts } from './row-parts';
import { lexicon } from './lexicon';
import { matchLabel, labelKey } from './labels';

export interface RowSignal {
  heading: TableId | 'end' | null;
  votes: Record<TableId, number>;
}

const SHARED = new Set(['总计', '合计', '小计', '其他'].map(labelKey));
const HEADING_MAX = 40;
/** Votes need no fuzzy matching: a table has many labels, one missed costs nothing. */
const NO_FUZZ = { fuzzy: false } as const;

export function cellVotes(text: string, votes: Record<TableId, number>): TableId | 'end' | null {
  const lx = lexicon();
  const key = labelKey(text);
  if (key === '') return null;
  if (key.length <= HEADING_MAX) {
    const h = matchLabel(text, lx.headings, NO_FUZZ);
    if (h) return h.id;
  }
  if (SHARED.has(key)) return null;
  if (key.startsWith(lx.t2HeaderWord) || matchLabel(text, lx.t2Blocks, NO_FUZZ) || matchLabel(text, lx.t2Rows, NO_FUZZ) || matchLabel(text, lx.t2Cols, NO_FUZZ)) votes.T2++;
  if (lx.t3HeaderWords.some((w) => key.includes(w)) || matchLabel(text, lx.t3Rows, NO_FUZZ) || matchLabel(text, lx.t3Cols, NO_FUZZ)) votes.T3++;
  if (lx.t4HeaderWords.includes(key) || matchLabel(text, lx.t4Groups, NO_FUZZ) || matchLabel(text, lx.t4Cols, NO_FUZZ)) votes.T4++;
  return null;
}

export function rowSignal(parts: RowParts): RowSignal {
  const votes: Record<TableId, number> = { T2: 0, T3: 0, T4: 0 };
  let heading: RowSignal['heading'] = null;
  for (const c of parts.labels) heading = cellVotes(c.text, votes) ?? heading;
  return { heading, votes };
}

export function strongest(votes: Record<TableId, number>, current: TableId | null): TableId | null {
  const max = Math.max(votes.T2, votes.T3, votes.T4);
  if (max === 0) return null;
  if (current && votes[current] === max) return current;
  return (['T3', 'T4', 'T2'] as const).find((t) => votes[t] === max) ?? null;
}

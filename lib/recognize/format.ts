// Which official format the tables follow: the spec's marker words (本年制发件数 … for 2021,
// 本年新制作数量 … for 2019) in the labels of tables 2 and 3; both kinds → hybrid; none → the
// format of the report year (X-FORMAT-YEAR).
import type { FormatId, TableId } from '../report';
import { formatForYear, type FormatKey } from '../spec';
import type { RowParts } from './row-parts';
import { lexicon } from './lexicon';
import { labelKey } from './labels';

export interface FormatDecision {
  /** the format the labels show (null when they show none) */
  format: FormatId | null;
  /** the format table 2 is read with */
  t2: FormatKey;
  /** the format table 3 is read with: F2021 only where its （六） sub-rows are printed */
  t3: FormatKey;
}

function markersIn(rows: RowParts[]): Record<FormatKey, number> {
  const { markers } = lexicon();
  const n: Record<FormatKey, number> = { F2019: 0, F2021: 0 };
  for (const r of rows) {
    for (const c of [...r.labels, ...r.context]) {
      const key = labelKey(c.text);
      for (const f of ['F2019', 'F2021'] as const) if (markers[f].some((m) => key.includes(m))) n[f]++;
    }
  }
  return n;
}

export function decideFormat(rows: Record<TableId, RowParts[]>, year: number | null): FormatDecision {
  const t2 = markersIn(rows.T2);
  const t3 = markersIn(rows.T3);
  const f19 = t2.F2019 + t3.F2019 > 0;
  const f21 = t2.F2021 + t3.F2021 > 0;
  const byYear = year !== null ? formatForYear(year) : null;
  const format: FormatId | null = f19 && f21 ? 'hybrid' : f21 ? 'F2021' : f19 ? 'F2019' : null;
  const fallback: FormatKey = format === 'F2019' || format === 'F2021' ? format : (byYear ?? 'F2021');
  return {
    format,
    t2: t2.F2021 > t2.F2019 ? 'F2021' : t2.F2019 > 0 ? 'F2019' : fallback,
    t3: t3.F2021 > 0 ? 'F2021' : format === 'hybrid' || format === 'F2019' ? 'F2019' : fallback,
  };
}

// The cross-year checks over a stream of reports, without holding the reports: each report is
// reduced to a compact entry (agency, year, format, source and the values of the few cells the
// cross-year rules read), and the entries are paired as they arrive. A pair is found when the
// second of its two years arrives; crossYearPairs (year-pairs.ts) finds the same pairs over a
// list: each report of year Y pairs with the first report of year Y-1 of its agency.
import type { Finding, Report, ReportCell, TableId } from '../report';
import { CROSS_YEAR_RULES } from '../spec';
import { checkCrossYear } from './cross-year';
import { expandRelations } from './expand';
import { sameAgencyKey, type YearPair } from './year-pairs';

const TERM = /^-?(T[234])@(?:Y|Y-1|\d{4})\.(.+)$/;

/** Every cell id a cross-year rule names, of either year, in a fixed order. */
export const CROSS_YEAR_CELL_IDS: readonly string[] = (() => {
  const ids = new Set<string>();
  for (const inst of expandRelations(CROSS_YEAR_RULES)) {
    for (const t of [...inst.lhs, ...inst.rhs]) {
      const m = TERM.exec(t);
      if (m) ids.add(`${m[1]}.${m[2]}`);
    }
  }
  return [...ids];
})();

/**
 * What the cross-year rules need of one report. `values[i]` is the value of cell
 * CROSS_YEAR_CELL_IDS[i]: a number, null for a blank cell, undefined where the report lacks it.
 */
export interface CrossYearEntry {
  source: string;
  agency: string;
  year: number;
  format: Report['format'];
  values: (number | null | undefined)[];
}

/**
 * A copy of a string that holds nothing else: V8 keeps a substring as a slice of the string it was
 * cut from, so an agency name cut from a page would keep the whole page alive in the index.
 */
function own(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** The entry of a report, or null when its agency or year is unknown (it cannot be paired). */
export function crossYearEntry(r: Report): CrossYearEntry | null {
  if (!r.agency || r.year === null) return null;
  const byId = new Map<string, ReportCell>();
  for (const c of r.cells) if (!byId.has(c.id)) byId.set(c.id, c);
  return {
    source: own(r.source),
    agency: own(r.agency),
    year: r.year,
    format: r.format,
    values: CROSS_YEAR_CELL_IDS.map((id) => byId.get(id)?.value),
  };
}

/** A Report that holds only what checkCrossYear reads, rebuilt from an entry. */
export function entryReport(e: CrossYearEntry): Report {
  const cells: ReportCell[] = [];
  CROSS_YEAR_CELL_IDS.forEach((id, i) => {
    const value = e.values[i];
    if (value === undefined) return;
    const [table, row, col] = id.split('.') as [TableId, string, string];
    cells.push({ id, table, row, col, value, raw: value === null ? '' : String(value), unit: null, flags: value === null ? ['blank'] : [], loc: null });
  });
  return {
    schema: 1, source: e.source, title: null, readAt: '', isReport: true, agency: e.agency, year: e.year, format: e.format,
    tables: [], cells, findings: [], unrecognized: [], leftovers: [], attachments: [], notice: null,
  };
}

/** A pair of consecutive years found in the stream, checked. */
export interface StreamPair {
  agency: string;
  previous: { source: string; year: number };
  current: { source: string; year: number };
  findings: Finding[];
  /**
   * true when the later report came first: it was already written when its earlier year
   * arrived, so its findings go after all the reports (a trailing record)
   */
  late: boolean;
}

interface Slot {
  entry: CrossYearEntry;
  /** paired with an earlier year already */
  paired: boolean;
}

/** Pairs the reports of a batch as they arrive, in output order; memory: one entry per report. */
export class CrossYearIndex {
  private byKey = new Map<string, Slot[]>();
  /** every pair found, in the order found */
  readonly pairs: StreamPair[] = [];

  private key(agency: string, year: number): string {
    return `${sameAgencyKey(agency)}\u0000${year}`;
  }

  /**
   * Adds the entry of the next report in output order. Returns the pair in which this report is
   * the later year (its findings belong to it, written with it), and the pairs in which it is
   * the earlier year of reports already written (late pairs, for the end).
   */
  add(entry: CrossYearEntry | null): { own: StreamPair | null; late: StreamPair[] } {
    if (!entry) return { own: null, late: [] };
    const slot: Slot = { entry, paired: false };
    let own: StreamPair | null = null;
    const previous = this.byKey.get(this.key(entry.agency, entry.year - 1))?.[0];
    if (previous) {
      own = this.pair(previous.entry, entry, false);
      slot.paired = true;
    }
    const late: StreamPair[] = [];
    for (const next of this.byKey.get(this.key(entry.agency, entry.year + 1)) ?? []) {
      if (next.paired) continue;
      next.paired = true;
      late.push(this.pair(entry, next.entry, true));
    }
    const k = this.key(entry.agency, entry.year);
    const list = this.byKey.get(k);
    if (list) list.push(slot);
    else this.byKey.set(k, [slot]);
    return { own, late };
  }

  private pair(previous: CrossYearEntry, current: CrossYearEntry, late: boolean): StreamPair {
    const p: StreamPair = {
      agency: current.agency,
      previous: { source: previous.source, year: previous.year },
      current: { source: current.source, year: current.year },
      findings: checkCrossYear(entryReport(current), entryReport(previous)),
      late,
    };
    this.pairs.push(p);
    return p;
  }

  /** The pairs as crossYearPairs gives them (sorted by agency, then year), for the text summary. */
  yearPairs(): YearPair[] {
    const stub = (s: { source: string; year: number }, agency: string): Report =>
      entryReport({ source: s.source, agency, year: s.year, format: null, values: [] });
    return this.pairs
      .map((p) => ({ agency: p.agency, previous: stub(p.previous, p.agency), current: stub(p.current, p.agency), findings: p.findings }))
      .sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.current.year! - b.current.year!);
  }
}

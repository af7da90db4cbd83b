// What a correct reading of a generated page is, as a list of differences (empty = correct).
import { cellIds } from '../../../lib/spec';
import type { Report } from '../../../lib/report';
import { findingKey, type GenPage } from '../../fixtures/generate';

/** A text as a reader compares it: NFKC, no white space, no invisible marks. */
export function bare(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u200b-\u200f\u202a-\u202e\u2060\ufeff]+/g, '');
}

/**
 * Every cell id of the format is read, with the value the page prints (null for a blank), its unit
 * and its text; no cell, row or table more; the errors and warnings are exactly the expected ones
 * (info findings are not compared: T2-REG-AUTHORITY and the semantic rules depend on the agency,
 * not on the figures).
 */
export function differences(page: GenPage, r: Report): string[] {
  const out: string[] = [];
  const { report } = page;
  const byId = new Map(r.cells.map((c) => [c.id, c]));
  for (const [id, want] of Object.entries(page.cells)) {
    const got = byId.get(id);
    if (!got) {
      out.push(`${id}: missing (printed ${JSON.stringify(want.text)})`);
      continue;
    }
    if (!Object.is(got.value, want.value)) out.push(`${id}: value ${got.value}, want ${want.value} (printed ${JSON.stringify(want.text)}, raw ${JSON.stringify(got.raw)})`);
    if (bare(got.raw) !== bare(want.text)) out.push(`${id}: raw ${JSON.stringify(got.raw)}, printed ${JSON.stringify(want.text)}`);
    if (got.unit !== want.unit) out.push(`${id}: unit ${got.unit}, want ${want.unit}`);
  }
  const known = new Set(cellIds(report.format));
  if (Object.keys(page.cells).length !== known.size) out.push(`generator printed ${Object.keys(page.cells).length} of ${known.size} cells`);
  for (const c of r.cells) if (!known.has(c.id)) out.push(`unexpected cell ${c.id}`);
  if (r.cells.length !== byId.size) out.push(`${r.cells.length - byId.size} duplicated cell ids`);
  for (const l of r.leftovers) out.push(`leftover ${l.table} ${l.label}: ${l.reason}`);
  for (const t of r.unrecognized) out.push(`unrecognised table ${t.id}`);
  if (r.notice) out.push(`notice: ${r.notice.en}`);
  if (!r.isReport) out.push('not read as a report');
  if (r.format !== report.format) out.push(`format ${r.format}, want ${report.format}`);
  if (r.year !== report.year) out.push(`year ${r.year}, want ${report.year}`);
  if (r.agency !== report.agency) out.push(`agency ${r.agency}, want ${report.agency}`);
  if (r.tables.join() !== 'T2,T3,T4') out.push(`tables ${r.tables.join()}`);
  const got = r.findings.filter((f) => f.severity !== 'info').map(findingKey).sort();
  const want = page.expected.map(findingKey).sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    const extra = got.filter((k, i) => got.indexOf(k) === i && got.filter((x) => x === k).length > want.filter((x) => x === k).length);
    const lost = want.filter((k, i) => want.indexOf(k) === i && want.filter((x) => x === k).length > got.filter((x) => x === k).length);
    out.push(`findings: unexpected ${JSON.stringify(extra)}, missing ${JSON.stringify(lost)}`);
  }
  return out;
}

/** A short account of a generated page for a failure message. */
export function describePage(p: GenPage): string {
  const s = p.style;
  return `${p.report.format} ${p.report.year} ${p.shape} t3=${s.t3Layout}${s.t3Layout === 'flat' ? (s.groupRows ? '+groups' : '') : ''} plant=${JSON.stringify(p.report.plant)}`;
}

/**
 * A test's time limit for n runs of a property: 150 ms a run (a slow machine running other work
 * beside the tests took 60 s for 2000 generated pages), and never under vitest's 60 s.
 */
export function timeoutFor(n: number): number {
  return Math.max(60_000, n * 150);
}

/** Runs per property: PROPERTY_RUNS (CI sets 2000), else the default. */
export function runs(fallback = 200): number {
  const n = Number(process.env.PROPERTY_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

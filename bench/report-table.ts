// Plain-text tables of the results, as `npm run bench` prints them. Times are medians with the
// p25–p75 spread; the full spread (min, p25, median, p75, max, runs) is in bench/results.json.
import type { DetectResult, HostileResult, PipelineResult } from './browser';
import type { NodeCompare } from './library';
import type { CliResult } from './cli';
import type { EntrySize } from './sizes';
import type { Budget } from './budgets';
import type { Spread } from './stats';
import { kb } from './sizes';

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return w;
}

export function table(headers: string[], rows: string[][]): string {
  const w = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c + ' '.repeat(w[i]! - width(c)) : ' '.repeat(w[i]! - width(c)) + c)).join('  ').trimEnd();
  return [line(headers), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

/** A time in ms with sensible precision (µs below 0.01 ms). */
export function t(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x < 0.01) return `${(x * 1000).toFixed(2)}µs`;
  if (x < 1) return x.toFixed(3);
  if (x < 100) return x.toFixed(2);
  return x.toFixed(0);
}

function iqr(s: Spread): string {
  return `${t(s.median)} [${t(s.p25)}–${t(s.p75)}]`;
}

function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(1)} MB` : '–';
}

export function detectionTable(rows: DetectResult[]): string {
  return table(
    ['page', 'bytes', 'elements', 'says', 'per call median [p25–p75] ms', 'calls×batches', 'cold', 'DOM calls (walks)', 'if FP: pipeline ms'],
    rows.map((d) => [
      d.page, kb(d.bytes), String(d.elements), d.result ? 'REPORT (FP)' : 'no', iqr(d.perCallMs), `${d.callsPerBatch}×${d.perCallMs.runs}`, t(d.coldMs),
      `${Object.entries(d.touches.cheap).map(([k, n]) => `${k.replace(/^(Document|Node|Element)\./, '')}:${n}`).join(' ')} (${d.touches.walks})`,
      d.falsePositivePipelineMs ? iqr(d.falsePositivePipelineMs) : '',
    ]),
  );
}

export function pipelineTable(rows: PipelineResult[]): string {
  return table(
    ['page', 'cells', 'tables', 'read', 'extract', 'analyze', 'TOTAL ms', 'floor ms', '×floor', 'extract ×floor', 'µs/cell', '| grids', 'recognize', 'check', 'heap Δ', 'runs'],
    rows.map((p) => [
      p.page, String(p.cells), String(p.grids), `${p.recognised.format ?? '-'} ${p.recognised.tables.join('')} ${p.recognised.cells}c`,
      t(p.extractMs.median), t(p.analyzeMs.median), iqr(p.totalMs), iqr(p.floorMs), `${p.ratioToFloor}`, `${p.extractRatioToFloor}`, String(p.usPerCell),
      `| ${t(p.gridsMs.median)}`, t(p.recognizeMs.median), t(p.checkMs.median), mb(p.heapDeltaBytes), `${p.runs}+${p.warmRuns}`,
    ]),
  );
}

export function hostileTable(rows: HostileResult[]): string {
  return table(
    ['page', 'bytes', 'elements', 'load', 'detect', 'extract', 'analyze', 'TOTAL ms', 'says', 'isReport', 'tables', 'grid cells', 'report cells', 'findings (errors)', 'untouched', 'runs', 'truncated / thrown'],
    rows.map((h) => [
      h.page, h.bytes >= 1e6 ? mb(h.bytes) : kb(h.bytes), String(h.elements), t(h.loadMs), t(h.detectMs.median), t(h.extractMs.median), t(h.analyzeMs.median), iqr(h.totalMs),
      h.detected ? 'report' : 'no', h.isReport ? 'yes' : 'no', h.tables.join('') || '-', String(h.gridCells), `${h.reportCells} (${h.figures} figures)`,
      `${h.findings} (${h.errors})`, h.pageUntouched ? 'yes' : 'NO', `${h.runs}+${h.warmRuns}`, h.threw ? `THREW: ${h.threw}` : (h.truncated ?? '').slice(0, 90),
    ]),
  );
}

export function nodeTable(rows: NodeCompare[], generic: string | null): string {
  return table(
    ['page', 'bytes', 'ours ms (parse+pipeline)', 'floor ms (parse+walk)', `${generic ?? 'tabletojson'} ms`, '×floor', '×generic', 'ours CPU ms', 'ours GC ms (major)', 'runs'],
    rows.map((r) => [
      r.page, kb(r.bytes), iqr(r.oursMs), iqr(r.floorMs), r.genericMs ? iqr(r.genericMs) : 'not installed', String(r.ratioToFloor), r.ratioToGeneric === null ? '–' : String(r.ratioToGeneric),
      t(r.oursCpuMs), `${t(r.oursGcMs)} (${t(r.oursMajorGcMs)})`,
      `${r.oursMs.runs}/${r.floorMs.runs}${r.genericMs ? `/${r.genericMs.runs}` : ''}`,
    ]),
  );
}

export function cliTable(c: CliResult): string {
  return table(
    ['mode', 'files/s median [p25–p75]', 'cold round', 'cores busy', 'CPU ms/file', 'peak RSS (sampled)', 'maxRSS', 'rounds'],
    c.modes.map((m) => [
      m.mode, `${m.filesPerSec.median.toFixed(0)} [${m.filesPerSec.p25.toFixed(0)}–${m.filesPerSec.p75.toFixed(0)}]`, m.coldFilesPerSec.toFixed(0),
      m.coresBusy.toFixed(2), m.cpuMsPerFile.toFixed(2), mb(m.peakRssSampledBytes), mb(m.maxRssBytes), `${m.filesPerSec.runs}+1 cold`,
    ]),
  );
}

export function sizeTable(sizes: EntrySize[]): string {
  return table(
    ['entry', 'minified', 'gzip', 'JS', 'CSS', 'budget', 'files'],
    sizes.map((e) => [e.entry, kb(e.bytes), kb(e.gzipBytes), kb(e.jsBytes), kb(e.cssBytes), e.budgetBytes === null ? '–' : kb(e.budgetBytes), e.files.join(' ')]),
  );
}

export function budgetTable(budgets: Budget[]): string {
  return table(['budget', 'measured', 'verdict'], budgets.map((b) => [b.budget, b.measured, b.verdict]));
}

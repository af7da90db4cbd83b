// The output of a run, report by report, in input order: the framing of each format (the CSV
// header, the JSON array's brackets and commas, the blank line between text summaries) and the
// cross-year findings.
//
// Cross-year findings (lib/check/cross-year-index.ts) in each format:
// - text: a closing section "== 跨年度核对 cross-year checks" with every pair, as before.
// - json, jsonl: when the earlier year came first, the later report's `findings` end with the
//   pair's findings, each marked `"crossYear": {"year": Y-1, "source": "<earlier report>"}`.
//   When the later year came first (it was already written), its findings come after all the
//   reports, as records `{"record": "cross-year", "agency", "year", "source", "previous":
//   {"year", "source"}, "findings": [...]}` (further elements of the JSON array, further lines of
//   JSONL). A Report has `schema`; a trailing record has `record` instead.
// - csv --shape report: four columns at the end, `record` ("report"), `cross_year_previous`
//   (the earlier report the line was checked against), `cross_year_findings` (how many) and
//   `cross_year_rules` ("X-T3-CARRY(total); …"); the late pairs as closing lines with
//   record = "cross-year", the later report's source, agency and year, and those columns.
// - csv long and wide: figures only, one line per cell or per table row (no findings of any
//   kind, as in the extension's export); use --shape report or json/jsonl for findings.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { StreamPair } from '../lib/check/cross-year-index';
import { csvLines, streamHeader, WideColumns, type WideRecord } from '../lib/export/csv-stream';
import type { Field } from '../lib/export/neutralize';
import type { Finding } from '../lib/report';
import type { StreamOut } from './stream-out';
import { indentJson, type CsvShape, type FileDone, type OutputFormat } from './work';

export const REPORT_CROSS_YEAR_COLUMNS = ['record', 'cross_year_previous', 'cross_year_findings', 'cross_year_rules'] as const;

/** A pair's findings, each marked with the earlier report it compares with. */
function markFindings(p: StreamPair): (Finding & { crossYear: { year: number; source: string } })[] {
  return p.findings.map((f) => ({ ...f, crossYear: { year: p.previous.year, source: p.previous.source } }));
}

function rulesOf(p: StreamPair): string {
  return p.findings.map((f) => `${f.rule}(${f.col ?? f.row ?? ''})`).join('; ');
}

export class BatchWriter {
  private count = 0;
  private wide: { dir: string; file: WriteStream; path: string; columns: WideColumns } | null = null;

  constructor(private out: StreamOut, private format: OutputFormat, private shape: CsvShape, private bom: boolean) {}

  /** What comes before the first report. */
  async begin(): Promise<void> {
    if (this.format !== 'csv') return;
    const bom = this.bom ? '\uFEFF' : '';
    if (this.shape === 'wide') {
      const dir = mkdtempSync(join(tmpdir(), 'gov-report-wide-'));
      const path = join(dir, 'rows.jsonl');
      this.wide = { dir, path, file: createWriteStream(path), columns: new WideColumns() };
      return;
    }
    const header = this.shape === 'report' ? [...streamHeader('report'), ...REPORT_CROSS_YEAR_COLUMNS] : streamHeader('long');
    await this.out.write(bom + csvLines([header]));
  }

  /** One report, with the pair in which it is the later year (found when it is written). */
  async report(done: FileDone, own: StreamPair | null): Promise<void> {
    const p = done.piece;
    const first = this.count++ === 0;
    if (p.kind === 'json') {
      const cross = own?.findings.length ? markFindings(own) : [];
      const all = cross.length ? [...p.findings, ...cross] : p.findings;
      const findings = this.format === 'json' ? indentJson(JSON.stringify(all, null, 2), '    ') : JSON.stringify(all);
      if (this.format === 'json') await this.out.write(first ? '[\n' : ',\n');
      await this.out.write(p.before);
      await this.out.write(findings);
      await this.out.write(p.after);
      if (this.format === 'jsonl') await this.out.write('\n');
    } else if (p.kind === 'wide') {
      await this.spool(p.records);
    } else if (this.format === 'text') {
      if (!first) await this.out.write('\n\n');
      await this.out.write(p.text);
    } else if (this.shape === 'report') {
      const cross: Field[] = own ? ['report', own.previous.source, own.findings.length, rulesOf(own) || null] : ['report', null, null, null];
      await this.out.write(p.text);
      await this.out.write(',' + csvLines([cross]));
    } else await this.out.write(p.text);
  }

  private async spool(records: WideRecord[]): Promise<void> {
    const w = this.wide!;
    for (const rec of records) {
      w.columns.see(rec);
      if (!w.file.write(JSON.stringify(rec) + '\n')) await new Promise<void>((ok) => w.file.once('drain', () => ok()));
    }
  }

  /** What comes after the last report: the late cross-year pairs, the closing text. */
  async end(late: StreamPair[], summary: string | null): Promise<void> {
    const withFindings = late.filter((p) => p.findings.length > 0);
    if (this.format === 'json' || this.format === 'jsonl') {
      for (const p of withFindings) {
        const rec = { record: 'cross-year', agency: p.agency, year: p.current.year, source: p.current.source, previous: p.previous, findings: markFindings(p) };
        if (this.format === 'jsonl') await this.out.write(JSON.stringify(rec) + '\n');
        else await this.out.write((this.count++ === 0 ? '[\n' : ',\n') + '  ' + indentJson(JSON.stringify(rec, null, 2), '  '));
      }
      if (this.format === 'json') await this.out.write(this.count ? '\n]\n' : '[]\n');
    } else if (this.format === 'text') {
      if (summary) await this.out.write((this.count++ === 0 ? '' : '\n\n') + summary);
      if (this.count) await this.out.write('\n');
    } else if (this.shape === 'report') {
      const blanks = streamHeader('report').length - 3;
      for (const p of withFindings) {
        const row: Field[] = [p.current.source, p.agency, p.current.year, ...Array<Field>(blanks).fill(null), 'cross-year', p.previous.source, p.findings.length, rulesOf(p)];
        await this.out.write(csvLines([row]));
      }
    } else if (this.shape === 'wide') await this.unspool();
  }

  /** The wide shape: the header, now that every column is known, then the spooled lines. */
  private async unspool(): Promise<void> {
    const w = this.wide!;
    await new Promise<void>((ok) => w.file.end(ok));
    try {
      await this.out.write((this.bom ? '\uFEFF' : '') + csvLines([w.columns.header()]));
      const lines = createInterface({ input: createReadStream(w.path), crlfDelay: Infinity });
      let batch: Field[][] = [];
      for await (const line of lines) {
        if (this.out.closed) break;
        batch.push(w.columns.row(JSON.parse(line) as WideRecord));
        if (batch.length >= 200) {
          await this.out.write(csvLines(batch));
          batch = [];
        }
      }
      await this.out.write(csvLines(batch));
    } finally {
      this.dispose();
    }
  }

  /** Removes the wide shape's spool (also when the run stops early). */
  dispose(): void {
    if (!this.wide) return;
    this.wide.file.destroy();
    rmSync(this.wide.dir, { recursive: true, force: true });
    this.wide = null;
  }
}

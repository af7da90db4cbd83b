// `--format xlsx --out FILE`: the batch as one Excel workbook (lib/export/xlsx): a line per report,
// the findings and every cell, the wrong cells marked. A workbook is written whole, so unlike the
// other formats the reports are held until the end: the run reads them as JSONL (cross-year
// findings included) into memory, up to MAX_XLSX_REPORTS, and refuses more with a pointer to CSV.
import { writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { Report } from '../lib/report';

/** a workbook of more reports is better made from the CSV (the reports would fill the memory) */
export const MAX_XLSX_REPORTS = 2000;

/** A stdout stand-in that keeps the JSONL run's Reports, with their cross-year findings. */
export class ReportSink extends Writable {
  readonly reports: Report[] = [];
  overflow = false;
  private rest = '';

  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    const lines = (this.rest + chunk.toString()).split('\n');
    this.rest = lines.pop() ?? '';
    try {
      for (const line of lines) this.take(line);
      done(this.overflow ? new Error(`more than ${MAX_XLSX_REPORTS} reports: use --format csv or jsonl for a batch this size`) : null);
    } catch (e) {
      done(e as Error);
    }
  }

  private take(line: string): void {
    if (line.trim() === '') return;
    const data = JSON.parse(line) as { record?: string; source?: string; findings?: unknown[] };
    // a later year read before the earlier: its cross-year findings come after every report, as a
    // record of their own; in a workbook they join that report's findings
    if (data.record === 'cross-year') {
      const later = this.reports.find((r) => r.source === data.source);
      if (later) later.findings.push(...Report.shape.findings.parse(data.findings));
      return;
    }
    if (this.reports.length >= MAX_XLSX_REPORTS) {
      this.overflow = true;
      return;
    }
    this.reports.push(Report.parse(data));
  }
}

export async function writeWorkbook(reports: Report[], path: string): Promise<number> {
  const { toXlsx } = await import('../lib/export/xlsx/index');
  const bytes = await toXlsx(reports);
  await writeFile(path, bytes);
  return bytes.length;
}

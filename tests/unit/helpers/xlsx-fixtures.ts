// Test-only: the reports the workbook tests use, and what a reader expects of them, worked out
// from the Report and the spec rather than from the writer's own code.
import { fileURLToPath } from 'node:url';
import { readSource } from '../../../cli/read-source';
import { analyzeExtract } from '../../../lib/analyze';
import type { Report } from '../../../lib/report';
import { t3Columns, t3DataRows, type FormatKey } from '../../../lib/spec';

export const SEED_003_PAGE = fileURLToPath(new URL('../../../tests/fixtures/seeds/003_ed735561ce7e8ab6.word.html', import.meta.url));

/** Seed 003's fixture page read as the CLI reads it: 4 errors in table 3 (T3-BALANCE, T3-RESULT-SUM). */
export async function seed003Report(): Promise<Report> {
  return analyzeExtract(await readSource(SEED_003_PAGE), { readAt: '2026-12-07T00:00:00.000Z' });
}

/** Cell id → the colour its findings call for: red when any error involves it, else amber. */
export function expectedMarks(r: Report): Map<string, 'error' | 'warning'> {
  const out = new Map<string, 'error' | 'warning'>();
  for (const f of r.findings) {
    for (const id of f.cells) {
      if (f.severity === 'error') out.set(id, 'error');
      else if (f.severity === 'warning' && !out.has(id)) out.set(id, 'warning');
    }
  }
  return out;
}

/** Messages (zh) of the error and warning findings that involve a cell. */
export function messagesOf(r: Report, id: string): string[] {
  return r.findings.filter((f) => f.severity !== 'info' && f.cells.includes(id)).map((f) => f.message.zh);
}

/** A1 reference, written here again so the tests do not lean on the writer's helper. */
export function a1(row: number, col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

type Grid = (number | string | null)[][];

/**
 * Where table 3's cells sit in a sheet, found the way a reader finds them: the column under
 * each column label of the header, the row beside each row label.
 */
export function locateT3(rows: Grid, format: FormatKey): Map<string, string> {
  const find = (text: string, fromRow = 0, maxCol = Infinity): [number, number] | null => {
    for (let r = fromRow; r < rows.length; r++) {
      const row = rows[r]!;
      for (let c = 0; c < Math.min(row.length, maxCol); c++) if (row[c] === text) return [r, c];
    }
    return null;
  };
  const np = find('自然人');
  if (!np) throw new Error('no 自然人 header');
  const headRows = rows.slice(np[0], np[0] + 2);
  const colOf = (label: string) => {
    for (const row of headRows) {
      const c = row.indexOf(label);
      if (c >= 0) return c;
    }
    throw new Error(`no column ${label}`);
  };
  const cols = t3Columns(format).map((c) => [c.id, colOf(c.label)] as const);
  const firstFigure = Math.min(...cols.map(([, c]) => c));
  const out = new Map<string, string>();
  for (const row of t3DataRows(format)) {
    const at = find(row.label, np[0] + 2, firstFigure);
    if (!at) throw new Error(`no row ${row.label}`);
    for (const [id, c] of cols) out.set(`T3.${row.id}.${id}`, a1(at[0], c));
  }
  return out;
}

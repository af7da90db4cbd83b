// A real consumer of the CLI's output: the long CSV and the JSONL of the seed pages loaded into
// DuckDB as a researcher would (the README's two-line recipe), queried, and held to the Reports.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeExtract } from '../lib/analyze';
import { longRows } from '../lib/export/csv-long';
import type { Report } from '../lib/report';
import { main } from './main';
import { readSource } from './read-source';

const SEEDS = join(import.meta.dirname, '..', 'tests', 'fixtures', 'seeds');
const pages = readdirSync(SEEDS).filter((f) => f.endsWith('.html')).sort().map((f) => join(SEEDS, f));

async function cliOut(argv: string[]): Promise<string> {
  let out = '';
  const stdout = new Writable({ write: (c: Buffer, _e, cb) => ((out += c.toString('utf8')), cb()) });
  const stderr = new Writable({ write: (_c, _e, cb) => cb() });
  expect(await main(argv, { stdout, stderr, stdin: () => Readable.from([]) })).toBe(0);
  return out;
}

/** Per source: the sum of the T3 values and the number of blank (null) recognised cells. */
function expected(reports: Report[]): Map<string, { t3: number; blanks: number; cells: number }> {
  return new Map(
    reports.map((r) => [
      r.source,
      {
        t3: r.cells.filter((c) => c.table === 'T3').reduce((s, c) => s + (c.value ?? 0), 0),
        blanks: r.cells.filter((c) => c.value === null).length,
        cells: r.cells.length,
      },
    ]),
  );
}

describe('DuckDB reads the CLI output', () => {
  it('long CSV and JSONL: numbers typed as numbers, blanks NULL, one row per cell, the reports’ totals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-duckdb-'));
    const csvPath = join(dir, 'cells.csv');
    const jsonlPath = join(dir, 'reports.jsonl');
    writeFileSync(csvPath, await cliOut([...pages, '--format', 'csv', '--jobs', '1']));
    writeFileSync(jsonlPath, await cliOut([...pages, '--format', 'jsonl', '--jobs', '1']));
    const reports = await Promise.all(pages.map(async (p) => analyzeExtract(await readSource(p))));
    const want = expected(reports);

    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS();
      // the recipe: one line each
      await con.run(`CREATE TABLE cells AS SELECT * FROM read_csv('${csvPath}')`);
      await con.run(`CREATE TABLE reports AS SELECT * FROM read_json('${jsonlPath}', format = 'newline_delimited')`);

      const types = new Map((await rows(`DESCRIBE cells`)).map((r) => [r.column_name as string, r.column_type as string]));
      expect(types.get('value')).toMatch(/^(BIGINT|DOUBLE|DECIMAL.*|INTEGER)$/);
      expect(types.get('year')).toMatch(/^(BIGINT|INTEGER)$/);
      expect(types.get('raw')).toBe('VARCHAR');

      // one row per cell: every line of the long shape, and each recognised cell once
      const [all] = await rows(`SELECT count(*) AS n, count(cell_id) AS ids FROM cells`);
      expect(Number(all!.n)).toBe(reports.reduce((n, r) => n + longRows(r).length, 0));
      expect(Number(all!.ids)).toBe(reports.reduce((n, r) => n + r.cells.length, 0));

      const bySource = await rows(
        `SELECT source, sum(value) FILTER (WHERE "table" = 'T3') AS t3, count(*) FILTER (WHERE cell_id IS NOT NULL AND value IS NULL) AS blanks
         FROM cells GROUP BY source ORDER BY source`,
      );
      expect(bySource).toHaveLength(pages.length);
      for (const r of bySource) {
        const w = want.get(r.source as string)!;
        expect(Number(r.t3 ?? 0)).toBeCloseTo(w.t3, 6);
        expect(Number(r.blanks)).toBe(w.blanks);
      }

      // JSONL: one row per report, its cells a list of structs with value a number or NULL
      const rtypes = new Map((await rows(`DESCRIBE reports`)).map((r) => [r.column_name as string, r.column_type as string]));
      expect(rtypes.get('cells')).toMatch(/"value" (BIGINT|DOUBLE|DECIMAL)/);
      const [count] = await rows(`SELECT count(*) AS n FROM reports`);
      expect(Number(count!.n)).toBe(pages.length);
      const fromJson = await rows(
        `SELECT source, sum(c.value) FILTER (WHERE c."table" = 'T3') AS t3, count(*) FILTER (WHERE c.value IS NULL) AS blanks, count(*) AS cells
         FROM (SELECT source, unnest(cells) AS c FROM reports) GROUP BY source ORDER BY source`,
      );
      for (const r of fromJson) {
        const w = want.get(r.source as string)!;
        expect(Number(r.t3 ?? 0)).toBeCloseTo(w.t3, 6);
        expect(Number(r.blanks)).toBe(w.blanks);
        expect(Number(r.cells)).toBe(w.cells);
      }
      // the two loads agree cell for cell on the figures
      const [diff] = await rows(
        `SELECT count(*) AS n FROM (SELECT source, c.id AS cell_id, c.value AS jv FROM (SELECT source, unnest(cells) AS c FROM reports))
         FULL JOIN (SELECT source, cell_id, value AS cv FROM cells WHERE cell_id IS NOT NULL) USING (source, cell_id)
         WHERE jv IS DISTINCT FROM cv`,
      );
      expect(Number(diff!.n)).toBe(0);
    } finally {
      con.closeSync();
      db.closeSync();
    }
  }, 60_000);
});

// The workbook opened by LibreOffice Calc (headless): its CSV of each sheet has the figures of
// our CSV export, and its own document model (flat ODS) has the red and amber cells and the
// notes where the findings are. Needs `soffice` with Calc (apt-get install -y libreoffice-calc);
// skips with a message without it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../report';
import { toCsv } from '../index';
import { f2019Report, f2021Report, hostileMeta, parseCsv, unneutralize } from '../test-reports';
import { toXlsx } from './index';
import { expectedMarks, locateT3, messagesOf, seed003Report } from '../../../tests/unit/helpers/xlsx-fixtures';

const work = mkdtempSync(join(tmpdir(), 'xlsx-lo-'));
// a profile of our own, so a LibreOffice already running (or another test) does not take the job
const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;

function soffice(args: string[]): { ok: boolean; out: string } {
  const p = spawnSync('soffice', [profile, '--headless', ...args], { cwd: work, encoding: 'utf8', timeout: 120_000 });
  return { ok: p.status === 0 && !p.error, out: `${p.stdout ?? ''}${p.stderr ?? ''}${p.error ? String(p.error) : ''}` };
}

/** soffice present and able to load a spreadsheet (Calc installed, not just Writer). */
function calcAvailable(): string | null {
  const v = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (v.error || v.status !== 0) return 'soffice not found';
  writeFileSync(join(work, 'probe.csv'), 'a,b\n1,2\n');
  const r = soffice(['--convert-to', 'ods', '--outdir', join(work, 'probe'), join(work, 'probe.csv')]);
  return r.ok && readdirSync(join(work, 'probe'), { withFileTypes: false }).length ? null : `LibreOffice Calc cannot load a sheet: ${r.out.trim()}`;
}

const why = (() => {
  try {
    return calcAvailable();
  } catch (e) {
    return String(e);
  }
})();
if (why) rmSync(work, { recursive: true, force: true });
if (why) console.warn(`[tests] workbook tests that need LibreOffice are skipped: ${why} (apt-get install -y libreoffice-calc)`);

/** CSV of every sheet, by sheet name (UTF-8, raw values rather than formatted ones). */
function sheetsAsCsv(xlsx: Uint8Array, stem: string): Map<string, string[][]> {
  const dir = join(work, stem);
  writeFileSync(join(work, `${stem}.xlsx`), xlsx);
  // 44 ',' · 34 '"' · 76 UTF-8 · … · 9th false: values, not as shown · 12th -1: every sheet to its own file
  const r = soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, join(work, `${stem}.xlsx`)]);
  if (!r.ok) throw new Error(`soffice failed: ${r.out}`);
  const out = new Map<string, string[][]>();
  for (const f of readdirSync(dir)) out.set(f.slice(stem.length + 1, -4), Papa.parse<string[]>(readFileSync(join(dir, f), 'utf8'), { newline: '\n' }).data.filter((x) => x.length > 1 || x[0] !== ''));
  return out;
}

/**
 * The same field? Numbers are compared as numbers (LibreOffice writes them its own way). A line
 * break is one paragraph break in LibreOffice's model, so CR LF inside a text comes back as LF
 * (a lone CR survives: the workbook carries both as written).
 */
function sameField(lo: string, ours: string): boolean {
  if (lo === ours || lo === ours.replace(/\r\n/g, '\n')) return true;
  return lo !== '' && ours !== '' && !Number.isNaN(Number(lo)) && Number(lo) === Number(ours);
}

function expectSameTable(lo: string[][], csvText: string, what: string) {
  const ours = parseCsv(csvText);
  expect(lo.length, what).toBe(ours.length);
  ours.forEach((row, i) => {
    row.forEach((field, j) => {
      const want = i === 0 ? field : unneutralize(field);
      const got = lo[i]![j] ?? '';
      if (!sameField(got, want)) expect(`${what} line ${i + 1} field ${j + 1}: ${JSON.stringify(got)}`).toBe(`${what} line ${i + 1} field ${j + 1}: ${JSON.stringify(want)}`);
    });
  });
}

interface OdsCell {
  value: string;
  background: string | null;
  note: string | null;
}

/** Cells of one sheet of a flat ODS, by 0-based [row, col], expanding repeated rows and cells. */
function odsSheet(fods: string, name: string): Map<string, OdsCell> {
  const doc = new DOMParser().parseFromString(fods, 'text/xml') as unknown as Document;
  const bg = new Map<string, string>();
  for (const s of doc.getElementsByTagName('style:style')) {
    const props = s.getElementsByTagName('style:table-cell-properties')[0];
    const color = props?.getAttribute('fo:background-color');
    if (color && color !== 'transparent') bg.set(s.getAttribute('style:name')!, color.toLowerCase());
  }
  const table = [...doc.getElementsByTagName('table:table')].find((t) => t.getAttribute('table:name') === name);
  if (!table) throw new Error(`no sheet ${name} in the ODS`);
  const cells = new Map<string, OdsCell>();
  let row = 0;
  for (const tr of table.getElementsByTagName('table:table-row')) {
    const rowRepeat = Number(tr.getAttribute('table:number-rows-repeated') ?? 1);
    let col = 0;
    for (const tc of [...tr.children]) {
      if (tc.tagName !== 'table:table-cell' && tc.tagName !== 'table:covered-table-cell') continue;
      const repeat = Number(tc.getAttribute('table:number-columns-repeated') ?? 1);
      const ann = tc.getElementsByTagName('office:annotation')[0];
      const note = ann ? [...ann.getElementsByTagName('text:p')].map((p) => p.textContent).join('\n') : null;
      const text = [...tc.children].filter((c) => c.tagName === 'text:p').map((p) => p.textContent).join('\n');
      const background = bg.get(tc.getAttribute('table:style-name') ?? '') ?? null;
      if (repeat < 100 && rowRepeat < 100) {
        for (let k = 0; k < repeat; k++) cells.set(`${row},${col + k}`, { value: tc.getAttribute('office:value') ?? text, background, note });
      }
      col += repeat;
    }
    row += rowRepeat;
  }
  return cells;
}

describe.skipIf(why !== null)('the workbook in LibreOffice Calc (needs LibreOffice)', () => {
  let seed: Report;
  let seedXlsx: Uint8Array;
  const several = [f2019Report(hostileMeta()), f2021Report()];
  beforeAll(async () => {
    seed = await seed003Report();
    seedXlsx = await toXlsx(seed);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('seed 003: its 数据 sheet as LibreOffice writes it equals our long CSV; 表三 has the same figures (needs LibreOffice)', () => {
    const sheets = sheetsAsCsv(seedXlsx, 'seed003');
    expect([...sheets.keys()].sort()).toEqual(['数据', '核对结果', '表三', '表二', '表四'].sort());
    expectSameTable(sheets.get('数据')!, toCsv(seed), '数据');
    const t3 = sheets.get('表三')!;
    const grid = t3.map((row) => row.map((v) => (v === '' ? null : v)));
    const where = locateT3(grid, 'F2019');
    const byId = new Map(seed.cells.map((c) => [c.id, c]));
    for (const [id, ref] of where) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const got = t3[Number(m[2]) - 1]![m[1]!.charCodeAt(0) - 65] ?? '';
      const c = byId.get(id)!;
      expect(got, id).toBe(c.value !== null ? String(c.value) : c.raw.trim());
    }
  });

  it('several reports: 报告 equals our report CSV and 数据 our long CSV, hostile texts included (needs LibreOffice)', async () => {
    const sheets = sheetsAsCsv(await toXlsx(several), 'several');
    expect([...sheets.keys()].sort()).toEqual(['报告', '数据', '核对结果'].sort());
    expectSameTable(sheets.get('报告')!, toCsv(several, { shape: 'report' }), '报告');
    expectSameTable(sheets.get('数据')!, toCsv(several), '数据');
  });

  it('seed 003: LibreOffice sees the red and amber cells and the notes where the findings are (needs LibreOffice)', () => {
    writeFileSync(join(work, 'seed003m.xlsx'), seedXlsx);
    const r = soffice(['--convert-to', 'fods', '--outdir', join(work, 'fods'), join(work, 'seed003m.xlsx')]);
    expect(r.ok, r.out).toBe(true);
    const cells = odsSheet(readFileSync(join(work, 'fods', 'seed003m.fods'), 'utf8'), '表三');
    const grid: (string | null)[][] = [];
    for (const [k, c] of cells) {
      const [row, col] = k.split(',').map(Number) as [number, number];
      while (grid.length <= row) grid.push([]);
      grid[row]![col] = c.value === '' ? null : c.value;
    }
    const where = locateT3(grid.map((row) => Array.from(row, (v) => v ?? null)), 'F2019');
    const marks = expectedMarks(seed);
    let red = 0;
    for (const [id, ref] of where) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const c = cells.get(`${Number(m[2]) - 1},${m[1]!.charCodeAt(0) - 65}`)!;
      const want = marks.get(id);
      expect(c.background, id).toBe(want === 'error' ? '#ffc7ce' : want === 'warning' ? '#ffeb9c' : null);
      if (want === 'error') red++;
      if (want) for (const msg of messagesOf(seed, id)) expect(c.note, id).toContain(msg);
      else expect(c.note, id).toBeNull();
    }
    // 自然人 and 总计 columns: the balance's four cells and the result sum's twenty, （七）总计 in both
    expect(red).toBe(2 * (4 + 20 - 1));
  });
});

// The command line through real pipes: the CLI is started as its own process (node + tsx, as
// `npm run check` runs it) and its stdout read by a shell pipeline or by this process.
import { spawn, spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'tests', 'fixtures', 'seeds');
const seedPages = readdirSync(SEEDS).filter((f) => f.endsWith('.html')).sort().map((f) => join(SEEDS, f));
const CLI = `node --import tsx ${join(ROOT, 'cli', 'main.ts')}`;

/** A directory of `count` report pages (hard links to the seed pages, cycled). */
function pagesDir(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-pipe-'));
  mkdirSync(join(dir, 'pages'));
  for (let i = 0; i < count; i++) linkSync(seedPages[i % seedPages.length]!, join(dir, 'pages', `${String(i).padStart(4, '0')}.html`));
  return join(dir, 'pages');
}

const sh = (script: string) => spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120_000 });

describe('cli through a pipe', () => {
  const dir = pagesDir(48);

  it('writes as many bytes into a pipe as into a file (CSV of 48 pages, far over 64 KB)', () => {
    const out = join(dir, '..', 'out.csv');
    const toFile = sh(`${CLI} ${dir} --format csv --jobs 2 > ${out}`);
    expect(toFile.status).toBe(0);
    const size = statSync(out).size;
    expect(size).toBeGreaterThan(20 * 65536);
    const piped = sh(`set -o pipefail; ${CLI} ${dir} --format csv --jobs 2 | wc -c`);
    expect(piped.status).toBe(0);
    expect(Number(piped.stdout.trim())).toBe(size);
  }, 120_000);

  it('JSON and JSONL through a pipe parse, one report per input; one report read with $(…) too', () => {
    const json = sh(`set -o pipefail; ${CLI} ${dir} --format json | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).length))"`);
    expect(json.stdout.trim()).toBe('48');
    const jsonl = sh(`set -o pipefail; ${CLI} ${dir} --format jsonl --jobs 2 | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(s.trimEnd().split('\\n').map(l=>JSON.parse(l).schema).length))"`);
    expect(jsonl.stdout.trim()).toBe('48');
    // one report whose JSON is well over 64 KB: a seed page with a large table of other figures
    const big = join(dir, '..', 'big.html');
    const extra = `<table>${Array.from({ length: 300 }, (_, i) => `<tr><td>其他事项${i}</td>${'<td>12345</td>'.repeat(8)}</tr>`).join('')}</table>`;
    writeFileSync(big, readFileSync(seedPages[0]!, 'utf8').replace(/<\/body>/i, `${extra}</body>`));
    const one = sh(`out=$(${CLI} ${big} --format json --jobs 1); printf %s "$out" | wc -c; printf %s "$out" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s)[0].source))"`);
    const [bytes, source] = one.stdout.trim().split('\n');
    expect(Number(bytes)).toBeGreaterThan(65536);
    expect(source).toBe(big);
  }, 120_000);

  it('ends quietly when the reader closes the pipe early (| head -c)', () => {
    const many = pagesDir(400);
    const r = sh(`set -o pipefail; ${CLI} ${many} --format jsonl --jobs 2 | head -c 1000 | wc -c`);
    // the pipeline's status is the CLI's: 0, no EPIPE error
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('1000');
    expect(r.stderr).not.toMatch(/EPIPE|Error|at .*\.ts:\d+/);
    const summary = r.stderr.trimEnd().split('\n').pop()!;
    expect(summary).toMatch(/stopped: output closed by its reader/);
    // it stopped soon after, instead of reading all 400 files
    expect(Number(/^check: (\d+) files?/.exec(summary)![1])).toBeLessThan(400);
  }, 120_000);

  it('a reader that closes early mid-stream: the process ends and writes nothing after', async () => {
    const many = pagesDir(200);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'main.ts'), many, '--format', 'csv', '--jobs', '2'], { cwd: ROOT });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    expect(code).toBe(0);
    expect(err).toMatch(/stopped: output closed by its reader\n$/);
  }, 120_000);

  it('reads the paths from stdin with - (find … | check -)', () => {
    const r = sh(`set -o pipefail; find ${dir} -name '000*.html' | sort -r | ${CLI} - --format jsonl --jobs 2 | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(s.trimEnd().split('\\n').map(l=>JSON.parse(l).source.slice(-9)).join(' ')))"`);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('0009.html 0008.html 0007.html 0006.html 0005.html 0004.html 0003.html 0002.html 0001.html 0000.html');
  }, 120_000);
});

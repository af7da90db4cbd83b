// npm run demo [-- --ci] [--port N]
// Serves the sample report pages (demo/samples/), the test fixtures and the shared corpus on
// 127.0.0.1, and opens Chromium with the extension loaded at the sample index. Without a display
// (CI, a server) it prints the address and how to load the extension instead; with --ci (or
// CI=true) it then checks that the pages are served and exits 0, as a smoke test.
//
// The demo loads the test build of the extension (E2E=1 in wxt.config.ts): the same code, whose
// content script also runs on 127.0.0.1, so the badge shows on the samples as on a *.gov.cn site.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, startStaticServer } from './static-server';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const EXTENSION = join(ROOT, '.output-e2e/chrome-mv3');
const SAMPLES = join(ROOT, 'demo/samples');
const FIXTURES = join(ROOT, 'tests/fixtures');
const CORPUS = resolve(ROOT, '../shared/corpus/html');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = process.argv.slice(2);
const ci = args.includes('--ci') || process.env.CI === 'true';
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 8765);

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An index of whatever pages exist, for when demo/samples/index.html does not (yet). */
function fallbackIndex(): string {
  const section = (title: string, prefix: string, files: string[]) =>
    files.length === 0
      ? ''
      : `<h2>${escapeHtml(title)}</h2><ul>${files.map((f) => `<li><a href="${prefix}${encodeURI(f)}">${escapeHtml(f)}</a></li>`).join('')}</ul>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例页面 · 政府信息公开年报核对</title></head><body>
<h1>政府信息公开年报核对：示例页面</h1>
<p>打开一份报告，点击浏览器工具栏上的扩展图标。</p>
${section('示例报告', '/', listFiles(SAMPLES))}
${section('种子报告（tests/fixtures/seeds）', '/fixtures/seeds/', listFiles(join(FIXTURES, 'seeds')))}
${section('其他页面（tests/fixtures/pages）', '/fixtures/pages/', listFiles(join(FIXTURES, 'pages')))}
${section('真实报告（../shared/corpus/html）', '/corpus/', listFiles(CORPUS))}
</body></html>`;
}

/** Newest modification time of the sources the extension is built from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  const manifest = join(EXTENSION, 'manifest.json');
  const sources = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts'].map((p) => join(ROOT, p)).filter(existsSync);
  const newest = Math.max(...sources.map((p) => (statSync(p).isDirectory() ? newestSource(p) : statSync(p).mtimeMs)));
  if (existsSync(manifest) && statSync(manifest).mtimeMs > newest && !args.includes('--rebuild')) return;
  console.log('Building the extension (E2E=1 npx wxt build) …');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, E2E: '1' } });
}

async function listen() {
  const mounts = { '/': SAMPLES, '/fixtures/': FIXTURES, '/corpus/': CORPUS };
  const index = existsSync(join(SAMPLES, 'index.html')) ? undefined : fallbackIndex();
  try {
    return await startStaticServer(mounts, { port, index });
  } catch {
    // the port is taken: any free one will do
    return startStaticServer(mounts, { index });
  }
}

async function smokeTest(origin: string): Promise<void> {
  const res = await fetch(`${origin}/`);
  if (!res.ok) throw new Error(`index: HTTP ${res.status}`);
  const html = await res.text();
  const links = [...html.matchAll(/href="([^"#]+\.html?)"/g)].map((m) => m[1]!).slice(0, 20);
  for (const link of links) {
    const page = await fetch(new URL(link, `${origin}/`));
    if (!page.ok) throw new Error(`${link}: HTTP ${page.status}`);
  }
  console.log(`Smoke test: the index and ${links.length} linked pages are served.`);
}

async function main(): Promise<void> {
  buildIfNeeded();
  const server = await listen();
  const url = `${server.origin}/`;
  console.log(`\nSample pages: ${url}`);
  console.log(`Unpacked extension: ${EXTENSION}`);

  if (process.env.DISPLAY && !ci && existsSync(CHROMIUM)) {
    const profile = mkdtempSync(join(tmpdir(), 'gra-demo-'));
    console.log('Opening Chromium with the extension loaded; close it to end the demo.');
    const child = spawn(
      CHROMIUM,
      [`--user-data-dir=${profile}`, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--no-first-run', '--disable-sync', url],
      { stdio: 'ignore' },
    );
    await new Promise<void>((done) => child.on('exit', () => done()));
    rmSync(profile, { recursive: true, force: true });
    await server.close();
    return;
  }

  console.log(`
No display here: open the extension by hand in Chrome or Chromium —
  1. chrome://extensions → turn on "Developer mode" (开发者模式)
  2. "Load unpacked" (加载已解压的扩展程序) → choose ${EXTENSION}
  3. open ${url} and click the extension's icon on a report.
For Firefox: npm run build:firefox, then about:debugging → "Load Temporary Add-on" → .output/firefox-mv3/manifest.json`);

  if (ci) {
    await smokeTest(server.origin);
    await server.close();
    return;
  }
  console.log('\nServing until Ctrl-C.');
  await new Promise<void>((done) => process.once('SIGINT', () => done()));
  await server.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

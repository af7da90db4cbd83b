// (g) The shipped manifests ask for nothing beyond activeTab, scripting, storage and the *.gov.cn
// content-script match: no network, no tabs, no downloads, no <all_urls>. One optional host
// permission, "*://*/*", is declared and granted one site at a time at the user's click (a report
// file on another site than the tab's); nothing is granted at install. Only the test build may add
// the 127.0.0.1 test server.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';
import { measureSizes } from '../../bench/sizes';

const PERMISSIONS = ['activeTab', 'scripting', 'storage'];
const GOV = '*://*.gov.cn/*';
/** asked for one site at a time, at the click on "read" of a file on another site */
const OPTIONAL_HOSTS = ['*://*/*'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; all_frames?: boolean; run_at?: string }[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  default_locale?: string;
  options_ui?: { page: string; open_in_tab?: boolean };
}

function manifest(dir: string, build: string[]): Manifest {
  const file = join(ROOT, dir, 'manifest.json');
  if (!existsSync(file)) execFileSync('npx', ['wxt', 'build', ...build], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, E2E: '' } });
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

for (const [name, dir, build] of [
  ['chrome', '.output/chrome-mv3', []],
  ['firefox', '.output/firefox-mv3', ['-b', 'firefox', '--mv3']],
] as const) {
  test(`(g) the shipped ${name} manifest asks for the smallest permissions`, () => {
    const m = manifest(dir, [...build]);
    expect(m.manifest_version).toBe(3);
    expect([...(m.permissions ?? [])].sort()).toEqual([...PERMISSIONS].sort());
    expect(m.optional_permissions ?? []).toEqual([]);
    expect((m.host_permissions ?? []).filter((p) => p !== GOV)).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual(OPTIONAL_HOSTS);
    // the files page is the options page, in a tab of its own
    expect(m.options_ui).toEqual({ page: 'files.html', open_in_tab: true });
    expect(m.content_scripts?.flatMap((c) => c.matches)).toEqual([GOV]);
    expect(m.content_scripts?.[0]).toMatchObject({ all_frames: true, run_at: 'document_idle' });
    expect(m.web_accessible_resources ?? []).toEqual([]);
    expect(m.externally_connectable).toBeUndefined();
    // the default CSP of MV3 forbids remote code; an own CSP could only loosen it
    expect(m.content_security_policy).toBeUndefined();
    expect(m.default_locale).toBe('zh_CN');
  });
}

test('(g) the test build differs only by the 127.0.0.1 test server', () => {
  const m = JSON.parse(readFileSync(join(ROOT, '.output-e2e/chrome-mv3/manifest.json'), 'utf8')) as Manifest;
  expect([...(m.permissions ?? [])].sort()).toEqual([...PERMISSIONS].sort());
  expect(m.host_permissions).toEqual(['http://127.0.0.1/*']);
  expect(m.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
  expect(m.optional_permissions ?? []).toEqual([]);
  expect(m.content_scripts?.flatMap((c) => c.matches)).toEqual([GOV, 'http://127.0.0.1/*']);
});

test('bundle budgets: content script under 40 KB, popup first load under 150 KB (minified); the PDF code is not in either', () => {
  manifest('.output/chrome-mv3', []);
  const dir = join(ROOT, '.output/chrome-mv3');
  const sizes = measureSizes(dir);
  const content = sizes.find((e) => e.entry === 'content')!;
  const popup = sizes.find((e) => e.entry === 'popup')!;
  console.log(`content ${content.bytes} B, popup first load ${popup.bytes} B: ${popup.files.join(' ')}`);
  expect(content.bytes).toBeLessThan(40_000);
  expect(popup.bytes).toBeLessThan(150_000);
  // pdfjs (its "getDocument") and the file readers load only when a file is read
  for (const f of [...content.files, ...popup.files]) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/getDocument|GlobalWorkerOptions|convertToHtml/);
  // the worker and the CMaps are inside the extension (nothing is fetched from elsewhere)
  expect(statSync(join(dir, 'pdfjs/pdf.worker.min.js')).size).toBeGreaterThan(500_000);
  expect(readdirSync(join(dir, 'pdfjs/cmaps')).filter((f) => f.endsWith('.bcmap')).length).toBeGreaterThan(100);
  expect(existsSync(join(dir, 'pdfjs/cmaps/UniGB-UCS2-H.bcmap'))).toBe(true);
});

test('(g) the built scripts hold no HTML-writing sink and no code from strings', () => {
  for (const dir of ['.output/chrome-mv3', '.output/firefox-mv3']) {
    const root = join(ROOT, dir);
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.js')) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const js = readFileSync(f, 'utf8');
      // page text reaches the popup and the page only as text nodes (scripts/vite-no-inner-html.ts)
      expect(js, f).not.toMatch(/\.(?:inner|outer)HTML\s*=[^=]|insertAdjacentHTML|document\.write\(|\bnew Function\(|\beval\(/);
    }
  }
});

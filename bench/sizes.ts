// Part 7: bytes of each entry of the built extension (.output/chrome-mv3): the content script,
// the background, and the popup (every JS and CSS file popup.html loads, with the chunks those
// import: its first load; chunks it imports dynamically are not counted). Without budgets: the
// files page's first load, and what reading a file loads on top (the pdfjs chunk, its worker,
// the file readers' chunk). The build is already minified; gzip is zlib.gzipSync at its default level.
// 1 KB = 1000 bytes here, as vite and wxt print sizes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = { content: 40_000, popup: 150_000 } as const;

export interface EntrySize {
  entry: 'content' | 'background' | 'popup' | 'files' | 'pdfjs' | 'pdf-worker';
  files: string[];
  bytes: number;
  gzipBytes: number;
  /** popup only: JS and CSS apart */
  jsBytes: number;
  cssBytes: number;
  budgetBytes: number | null;
}

function fileSize(dir: string, rel: string): { bytes: number; gzip: number } {
  const buf = readFileSync(join(dir, rel));
  return { bytes: buf.length, gzip: gzipSync(buf).length };
}

/** JS chunks a module imports statically (import"./x.js", from"../chunks/y.js"), relative to dir. */
function importsOf(dir: string, rel: string): string[] {
  const src = readFileSync(join(dir, rel), 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) out.push(posix.normalize(posix.join(posix.dirname(rel), m[1]!)));
  return out;
}

/** Every JS and CSS file an extension page loads at once, with the chunks they import statically. */
function pageFiles(dir: string, page: string): string[] {
  if (!existsSync(join(dir, page))) return [];
  const html = readFileSync(join(dir, page), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)=["']\/?([^"']+\.(?:js|css))["']/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = [...refs];
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f) || !existsSync(join(dir, f))) continue;
    seen.add(f);
    if (f.endsWith('.js')) queue.push(...importsOf(dir, f));
  }
  return [...seen];
}

export function measureSizes(dir: string): EntrySize[] {
  const entry = (name: EntrySize['entry'], files: string[], budget: number | null): EntrySize => {
    let bytes = 0;
    let gzip = 0;
    let js = 0;
    let css = 0;
    for (const f of files) {
      const s = fileSize(dir, f);
      bytes += s.bytes;
      gzip += s.gzip;
      if (f.endsWith('.css')) css += s.bytes;
      else js += s.bytes;
    }
    return { entry: name, files, bytes, gzipBytes: gzip, jsBytes: js, cssBytes: css, budgetBytes: budget };
  };
  const content = readdirSync(join(dir, 'content-scripts')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `content-scripts/${f}`);
  const out = [entry('content', content, BUDGET_BYTES.content), entry('background', ['background.js'], null), entry('popup', pageFiles(dir, 'popup.html'), BUDGET_BYTES.popup)];
  const files = pageFiles(dir, 'files.html');
  if (files.length) out.push(entry('files', files, null));
  // pdfjs itself: the largest chunk that holds its getDocument (loaded on the first PDF)
  const chunks = existsSync(join(dir, 'chunks')) ? readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`) : [];
  const pdfjs = chunks.filter((f) => readFileSync(join(dir, f), 'utf8').includes('GlobalWorkerOptions')).sort((a, b) => fileSize(dir, b).bytes - fileSize(dir, a).bytes)[0];
  if (pdfjs) out.push(entry('pdfjs', [pdfjs], null));
  if (existsSync(join(dir, 'pdfjs/pdf.worker.min.js'))) out.push(entry('pdf-worker', ['pdfjs/pdf.worker.min.js'], null));
  return out;
}

export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

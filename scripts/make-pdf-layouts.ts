// The PDF reader against page layouts it was not written for: the seed and corpus pages printed by
// Chromium in five page setups and two fonts, and Word-style PDFs exported by LibreOffice, each
// compared with the reading of the page itself (HTML → analyzeExtract).
//   npx tsx scripts/make-pdf-layouts.ts --sweep [--out=DIR]   print every page × setup × font, read
//                                                             them all, print the match table
//   npx tsx scripts/make-pdf-layouts.ts --libreoffice         remake tests/fixtures/files/pdf/layouts/
// The sweep needs Debian's Chromium (/usr/bin/chromium) and CJK fonts (fonts-noto-cjk,
// fonts-wqy-microhei); the Word-style files need LibreOffice (`apt-get install -y libreoffice-writer`).
// tests/unit/pdf-layouts.test.ts prints a subset in its setup with printPages and checks it.
//
// Word-style files (<stem>.<a4|a5>.libreoffice.pdf): the seed page with its numbers centred in
// their cells, converted by LibreOffice to .docx and then to PDF: bordered tables, labels wrapping
// over several lines, tables crossing pages with or without a repeated header. The A5 file is the
// same .docx with the page and every table width scaled to an A5 page (as Word lays out a
// document set on A5), so labels wrap more.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import JSZip from 'jszip';
import type { Report } from '../lib/report';

const ROOT = resolve(import.meta.dirname, '..');
export const SEEDS = join(ROOT, 'tests/fixtures/seeds');
export const CORPUS_HTML = join(ROOT, '..', 'shared', 'corpus', 'html');
export const LAYOUTS = join(ROOT, 'tests/fixtures/files/pdf/layouts');
export const CHROMIUM = '/usr/bin/chromium';

/** The page setups: paper, scale and orientation (scale below 1 makes small type, above 1 squeezes tables). */
export const SETUPS = {
  a4: { format: 'A4' },
  letter08: { format: 'Letter', scale: 0.8 },
  a5_07: { format: 'A5', scale: 0.7 },
  a4land: { format: 'A4', landscape: true },
  a4_13: { format: 'A4', scale: 1.3 },
} as const;
export type SetupName = keyof typeof SETUPS;
export const SETUP_NAMES = Object.keys(SETUPS) as SetupName[];

/**
 * The fonts: the system's default CJK font with Chromium's default margins, or one compact font
 * (WenQuanYi Micro Hei, as the committed prints use) with 2 cm margins. Glyph widths and margins
 * move every cell, so the same page gives two different layouts.
 */
export type FontName = 'default' | 'compact';
const COMPACT_FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

export interface PrintedPdf {
  /** the page's file name without .html */
  stem: string;
  html: string;
  setup: SetupName;
  font: FontName;
  pdf: string;
}

/** Prints each page in each setup and font with one headless Chromium; the PDFs go to outDir. */
export async function printPages(htmlFiles: string[], setups: readonly SetupName[], fonts: readonly FontName[], outDir: string): Promise<PrintedPdf[]> {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const out: PrintedPdf[] = [];
  try {
    const page = await browser.newPage();
    for (const font of fonts) {
      for (const html of htmlFiles) {
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
        if (font === 'compact') await page.addStyleTag({ content: `* { font-family: ${COMPACT_FONT} !important; }` });
        const stem = html.slice(html.lastIndexOf('/') + 1).replace(/\.html$/, '');
        for (const setup of setups) {
          const pdf = join(outDir, `${stem}__${setup}__${font}.pdf`);
          const margin = font === 'compact' ? { top: '2cm', bottom: '2cm', left: '1.8cm', right: '1.8cm' } : undefined;
          await page.pdf({ path: pdf, printBackground: true, ...SETUPS[setup], ...(margin ? { margin } : {}) });
          out.push({ stem, html, setup, font, pdf });
        }
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** The differences between the page's reading and the PDF's: figures, errors, tables, agency and year. */
export function diffReports(html: Report, pdf: Report): string[] {
  const diffs: string[] = [];
  const hv = new Map(html.cells.map((c) => [c.id, c.value]));
  const pv = new Map(pdf.cells.map((c) => [c.id, c.value]));
  for (const id of new Set([...hv.keys(), ...pv.keys()])) {
    if (hv.get(id) !== pv.get(id)) diffs.push(`${id}: ${String(hv.get(id))} → ${String(pv.get(id))}`);
  }
  const errors = (r: Report) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}:${f.col ?? f.row ?? ''}`).sort().join(',');
  if (errors(html) !== errors(pdf)) diffs.push(`errors [${errors(html)}] → [${errors(pdf)}]`);
  if (html.tables.join() !== pdf.tables.join()) diffs.push(`tables ${html.tables.join()} → ${pdf.tables.join()}`);
  if (html.agency !== pdf.agency || html.year !== pdf.year) diffs.push(`agency/year ${html.agency}/${html.year} → ${pdf.agency}/${pdf.year}`);
  return diffs;
}

function has(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Seed pages exported as Word-style PDFs: table 3 cut in two without a repeated header (002), a
 * plain page (004), and 003's irregular table 3 (its real errors; a total cell merged over two
 * columns, sub-rows shifted by a cell).
 */
export const LIBREOFFICE_PAGES = ['002_09235f57ffce7de4.split-noheader', '004_ae40354b57ac477a.cms', '003_ed735561ce7e8ab6.cms'];
/** The page sizes of the Word-style files (twips) and the share of the A4 table widths they keep. */
const WORD_PAGES = { a4: { w: 11906, h: 16838, scale: 1 }, a5: { w: 8391, h: 11906, scale: 0.66 } } as const;
/** The files made: every page at every size. */
export const LIBREOFFICE_FILES = LIBREOFFICE_PAGES.flatMap((stem) => Object.keys(WORD_PAGES).map((size) => `${stem}.${size}`));

/** Numbers centred in their cells, as Word and WPS tables print them. */
function centreNumbers(html: string): string {
  return html.replace(/<td([^>]*)>(\s*(?:&nbsp;)?\s*[0-9][0-9.,]*\s*(?:&nbsp;)?\s*)<\/td>/g, '<td$1 align="center" valign="middle">$2</td>');
}

/** The .docx with another page size and every table width scaled to it. */
async function resizeDocx(docx: Uint8Array, page: { w: number; h: number; scale: number }): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml in the .docx LibreOffice wrote');
  let xml = await file.async('string');
  xml = xml.replace(/<w:pgSz[^>]*\/>/g, `<w:pgSz w:w="${page.w}" w:h="${page.h}"/>`);
  xml = xml.replace(/(<w:(?:tblW|gridCol|tcW|tblInd)\b[^>]*\bw:w=")(\d+)(")/g, (_m, a: string, n: string, b: string) => `${a}${Math.round(Number(n) * page.scale)}${b}`);
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function exportWithLibreOffice(): Promise<void> {
  if (!has('soffice')) {
    console.warn('skipped the Word-style PDFs: soffice not found (apt-get install -y libreoffice-writer)');
    return;
  }
  mkdirSync(LAYOUTS, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'pdf-layouts-'));
  const soffice = (args: string[]) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, ...args], { cwd: work, stdio: 'ignore', timeout: 120_000 });
  try {
    for (const stem of LIBREOFFICE_PAGES) {
      writeFileSync(join(work, `${stem}.html`), centreNumbers(readFileSync(join(SEEDS, `${stem}.html`), 'utf8')));
      soffice(['--convert-to', 'docx:MS Word 2007 XML', `${stem}.html`]);
      const docx = new Uint8Array(readFileSync(join(work, `${stem}.docx`)));
      for (const [size, page] of Object.entries(WORD_PAGES)) {
        const name = `${stem}.${size}`;
        writeFileSync(join(work, `${name}.docx`), await resizeDocx(docx, page));
        soffice(['--convert-to', 'pdf', `${name}.docx`]);
        const out = join(LAYOUTS, `${name}.libreoffice.pdf`);
        renameSync(join(work, `${name}.pdf`), out);
        console.log(`${out.slice(ROOT.length + 1)}  ${(statSync(out).size / 1024).toFixed(0)} KB`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every seed and corpus page × setup × font, read and compared: the match table. */
async function sweep(outDir: string): Promise<void> {
  const { readPdf } = await import('../lib/extract/pdf');
  const { analyzeExtract } = await import('../lib/analyze');
  const { readSource } = await import('../cli/read-source');
  const { loadPdfjsNode } = await import('../cli/pdfjs-node');
  const pages = [
    ...readdirSync(SEEDS).filter((f) => f.endsWith('.html')).map((f) => join(SEEDS, f)),
    ...(existsSync(CORPUS_HTML) ? readdirSync(CORPUS_HTML).filter((f) => f.endsWith('.html')).map((f) => join(CORPUS_HTML, f)) : []),
  ];
  const t0 = performance.now();
  const printed = await printPages(pages, SETUP_NAMES, ['default', 'compact'], outDir);
  const printMs = performance.now() - t0;
  const rt = await loadPdfjsNode();
  const htmlReports = new Map<string, Report>();
  const rows = new Map<string, string[]>();
  let matched = 0;
  let readMs = 0;
  for (const p of printed) {
    if (!htmlReports.has(p.html)) htmlReports.set(p.html, analyzeExtract(await readSource(p.html)));
    const t = performance.now();
    const extract = await readPdf(new Uint8Array(readFileSync(p.pdf)), { source: p.pdf, ...rt });
    readMs += performance.now() - t;
    const diffs = diffReports(htmlReports.get(p.html)!, analyzeExtract(extract));
    if (!diffs.length) matched++;
    else console.log(`${p.stem} ${p.setup} ${p.font}: ${diffs.length} differences: ${diffs.slice(0, 4).join('; ')}`);
    const key = `${p.stem} (${p.font})`;
    rows.set(key, [...(rows.get(key) ?? []), diffs.length ? 'x' : 'ok']);
  }
  console.log(`\n${'page (font)'.padEnd(52)} ${SETUP_NAMES.map((s) => s.padEnd(9)).join(' ')}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(52)} ${v.map((s) => s.padEnd(9)).join(' ')}`);
  console.log(`\nmatched ${matched} of ${printed.length}; printing ${(printMs / 1000).toFixed(1)} s, readPdf ${(readMs / 1000).toFixed(1)} s in all`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const out = args.find((a) => a.startsWith('--out='))?.slice(6) ?? join(tmpdir(), 'pdf-layouts');
  if (args.includes('--libreoffice')) await exportWithLibreOffice();
  if (args.includes('--sweep')) {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: the sweep prints with Chromium`);
    await sweep(out);
  }
  if (!args.includes('--libreoffice') && !args.includes('--sweep')) console.log('usage: npx tsx scripts/make-pdf-layouts.ts --sweep [--out=DIR] | --libreoffice');
}

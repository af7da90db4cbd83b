// Remakes the PDF fixtures of tests/fixtures/files/pdf/ from the seed pages of tests/fixtures/seeds:
//   npx tsx scripts/make-pdf-fixtures.ts
// Needs Debian's Chromium and a compact CJK font (`apt-get install -y chromium fonts-wqy-microhei`), and for the Word-style
// and encrypted files LibreOffice (`apt-get install -y libreoffice-writer`) and qpdf
// (`apt-get install -y qpdf`); a file whose tool is missing is skipped with a message.
//
// - <stem>.<shape>.chromium.pdf: the page printed by headless Chromium (A4), as a browser's
//   "save as PDF" makes it: radicals for some ideographs, runs merged by pdfjs;
// - <stem>.cms.libreoffice.pdf: the page converted to .docx, then to PDF, as Word/WPS exports
//   look: bordered tables, numbers in their own cells, labels wrapped over several lines;
// - 003_ed735561ce7e8ab6.encrypted.pdf: the Chromium print of 003 with a user password (qpdf).
// Scanned, truncated and very long PDFs are made by the tests themselves (tests/unit/pdf-files.test.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'tests/fixtures/seeds');
const OUT = join(ROOT, 'tests/fixtures/files/pdf');
const CHROMIUM = '/usr/bin/chromium';
/** Fixtures are committed: each must stay small. */
const MAX_BYTES = 300 * 1024;

const PRINT_FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';
/** Seed pages printed by Chromium: 003 (its real T3 errors), 002 cut at a page break, 004 as pasted from Word. */
const CHROMIUM_PAGES = ['003_ed735561ce7e8ab6.cms.html', '002_09235f57ffce7de4.split.html', '004_ae40354b57ac477a.word.html'];
/** Seed pages exported through LibreOffice (html → docx → pdf). */
const LIBREOFFICE_PAGES = ['003_ed735561ce7e8ab6.cms.html'];

function has(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function checkSize(file: string): void {
  const size = statSync(file).size;
  if (size > MAX_BYTES) throw new Error(`${file}: ${size} bytes, over the ${MAX_BYTES} a committed fixture may have`);
  console.log(`${file.slice(ROOT.length + 1)}  ${(size / 1024).toFixed(0)} KB`);
}

async function printWithChromium(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.warn(`skipped Chromium prints: ${CHROMIUM} not found`);
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    for (const name of CHROMIUM_PAGES) {
      await page.goto(`file://${join(SEEDS, name)}`, { waitUntil: 'load' });
      // one compact font (fonts-wqy-microhei) keeps the embedded subsets, and the file, small
      await page.addStyleTag({ content: `* { font-family: ${PRINT_FONT} !important; }` });
      const out = join(OUT, name.replace(/\.html$/, '.chromium.pdf'));
      await page.pdf({ path: out, format: 'A4', printBackground: true, margin: { top: '2cm', bottom: '2cm', left: '1.8cm', right: '1.8cm' } });
      checkSize(out);
    }
  } finally {
    await browser.close();
  }
}

function exportWithLibreOffice(): void {
  if (!has('soffice')) {
    console.warn('skipped LibreOffice exports: soffice not found');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'pdf-fixtures-'));
  try {
    for (const name of LIBREOFFICE_PAGES) {
      const stem = name.replace(/\.html$/, '');
      copyFileSync(join(SEEDS, name), join(work, name));
      const run = (args: string[]) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, ...args], { cwd: work, stdio: 'ignore', timeout: 120_000 });
      run(['--convert-to', 'docx:MS Word 2007 XML', name]);
      run(['--convert-to', 'pdf', `${stem}.docx`]);
      const out = join(OUT, `${stem}.libreoffice.pdf`);
      renameSync(join(work, `${stem}.pdf`), out);
      checkSize(out);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function encrypt(): void {
  const from = join(OUT, '003_ed735561ce7e8ab6.cms.chromium.pdf');
  if (!has('qpdf') || !existsSync(from)) {
    console.warn('skipped the encrypted PDF: qpdf or the 003 print is missing');
    return;
  }
  const out = join(OUT, '003_ed735561ce7e8ab6.encrypted.pdf');
  // a user password: the file cannot be opened (nor its text read) without it
  execFileSync('qpdf', ['--encrypt', 'open-sesame', 'owner-pass', '256', '--', from, out]);
  checkSize(out);
}

mkdirSync(OUT, { recursive: true });
await printWithChromium();
exportWithLibreOffice();
encrypt();
writeFileSync(join(OUT, 'README.md'), readFileSync(join(import.meta.dirname, 'make-pdf-fixtures.ts'), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');

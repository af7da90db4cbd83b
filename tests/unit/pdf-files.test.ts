// PDFs made from the project's own fixture pages (scripts/make-pdf-fixtures.ts: Chromium prints and
// a LibreOffice export) read exactly like the pages themselves; bad PDFs (scanned, encrypted,
// truncated, not a PDF, 300 pages) give a clear notice, never an exception or a hang.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfReadOptions } from '../../lib/extract/pdf';
import { analyzeExtract } from '../../lib/analyze';
import { htmlToExtract } from '../../cli/read-source';
import { loadPdfjsNode } from '../../cli/pdfjs-node';
import type { PdfjsRuntime } from '../../lib/extract/file';
import type { Report } from '../../lib/report';
import { longPdf, makePdf, scannedPdf } from './pdf-synthetic';

const PDFS = join(__dirname, '../fixtures/files/pdf');
const SEEDS = join(__dirname, '../fixtures/seeds');
const prints = readdirSync(PDFS).filter((f) => f.endsWith('.pdf') && !f.includes('encrypted')).sort();
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(PDFS, name)));

let rt: PdfjsRuntime;
beforeAll(async () => {
  rt = await loadPdfjsNode();
});
const read = (bytes: Uint8Array, name: string, more: Partial<PdfReadOptions> = {}) => readPdf(bytes, { source: name, ...rt, ...more });

const figures = (r: Report) => Object.fromEntries(r.cells.map((c) => [c.id, c.value]));
const errorKeys = (r: Report) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}:${f.col ?? f.row ?? ''}`).sort();

describe('PDFs of the seed pages', () => {
  it('cover seed 003, two other seeds, a Chromium print and a Word-style export', () => {
    expect(prints.filter((f) => f.startsWith('003_')).length).toBeGreaterThanOrEqual(2);
    expect(new Set(prints.map((f) => f.slice(0, 3))).size).toBeGreaterThanOrEqual(3);
    expect(prints.some((f) => f.includes('.libreoffice.'))).toBe(true);
  });

  for (const name of prints) {
    it(`${name} reads as its page does: the same figures, the same errors, agency and year`, async () => {
      const page = name.replace(/\.(chromium|libreoffice)\.pdf$/, '.html');
      const html = analyzeExtract(htmlToExtract(readFileSync(join(SEEDS, page), 'utf8'), page));
      const extract = await read(bytesOf(name), name);
      expect(extract.notice ?? null).toBeNull();
      const pdf = analyzeExtract(extract);
      expect(pdf.tables).toEqual(['T2', 'T3', 'T4']);
      expect(figures(pdf)).toEqual(figures(html));
      expect(errorKeys(pdf)).toEqual(errorKeys(html));
      expect([pdf.agency, pdf.year, pdf.format]).toEqual([html.agency, html.year, html.format]);
      // the title lines at the top of the first page are its headings
      expect(extract.headings.join(' ')).toContain('政府信息公开');
    });
  }

  it('finds the real errors of seed 003 in its PDF: （七）总计 is 0 where 新收 and 予以公开 are 1', async () => {
    for (const name of prints.filter((f) => f.startsWith('003_'))) {
      const r = analyzeExtract(await read(bytesOf(name), name));
      for (const rule of ['T3-BALANCE', 'T3-RESULT-SUM']) {
        for (const col of ['np', 'total']) {
          const f = r.findings.find((x) => x.rule === rule && x.col === col);
          expect(f, `${name} ${rule} ${col}`).toBeDefined();
          expect(f!.severity).toBe('error');
        }
      }
      const total = r.cells.find((c) => c.id === 'T3.r7_total.np');
      expect(total?.value).toBe(0);
      expect(total?.loc?.page).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives the text in reading order for the narrative check', async () => {
    const extract = await read(bytesOf(prints[0]!), prints[0]!);
    expect(extract.text).toContain('政府信息公开');
    expect(extract.text.length).toBeGreaterThan(500);
  });
});

describe('bad PDFs: a notice, no figures, no exception', () => {
  it('a scanned PDF (pages that are images) says so with its page count', async () => {
    const e = await read(scannedPdf(5), 'scan.pdf');
    expect(e.notice?.zh).toBe('扫描件：PDF 共 5 页，没有可读取的文字');
    expect(e.notice?.en).toMatch(/Scanned.*5 pages.*no text/);
    expect(e.grids).toEqual([]);
    const r = analyzeExtract(e);
    expect(r.cells).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('an encrypted PDF', async () => {
    const e = await read(bytesOf('003_ed735561ce7e8ab6.encrypted.pdf'), 'enc.pdf');
    expect(e.notice?.zh).toMatch(/加密/);
    expect(e.notice?.en).toMatch(/encrypted/);
    expect(e.grids).toEqual([]);
  });

  it('a truncated PDF, a file that is not a PDF, an empty file', async () => {
    const good = bytesOf(prints[0]!);
    for (const [name, bytes] of [
      ['half.pdf', good.slice(0, Math.floor(good.length / 2))],
      ['head.pdf', good.slice(0, 1500)],
      ['text.pdf', new TextEncoder().encode('这不是 PDF')],
      ['empty.pdf', new Uint8Array()],
    ] as const) {
      const e = await read(bytes, name);
      expect(e.notice, name).toBeTruthy();
      expect(e.notice!.zh, name).toMatch(/损坏|不完整|无法读取/);
      expect(e.grids, name).toEqual([]);
    }
  });

  it('a 300-page PDF is read to the stated page limit, in bounded time', async () => {
    const t0 = Date.now();
    const e = await read(longPdf(300), 'long.pdf');
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(e.notice?.zh).toBe('PDF 共 300 页，只读取了前 50 页');
    expect(e.text).toContain('Appendix page 50');
    expect(e.text).not.toContain('Appendix page 51');
    const few = await read(longPdf(12), 'long.pdf', { maxPages: 10 });
    expect(few.notice?.en).toBe('The PDF has 12 pages; only the first 10 were read');
  });

  it('stops at its time limit with a notice', async () => {
    const e = await read(longPdf(300), 'long.pdf', { timeoutMs: 1, maxPages: 300 });
    expect(e.notice?.zh).toMatch(/超时/);
  });

  it('a PDF with text but no table is read without tables', async () => {
    const e = await read(makePdf([{ texts: [{ x: 72, y: 760, text: 'Minutes of the meeting' }] }]), 'minutes.pdf');
    expect(e.notice ?? null).toBeNull();
    expect(e.grids).toEqual([]);
    expect(e.text).toBe('Minutes of the meeting');
    expect(analyzeExtract(e).isReport).toBe(false);
  });
});

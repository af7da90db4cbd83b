// The CLI's entry to every file: Word files through the core's file reader, pages and text as
// before, and the bytes deciding over the name (a .docx saved as .html is read as a .docx).
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToExtract, readSource } from './read-source';
import { analyzeExtract } from '../lib/analyze';
import type { Report } from '../lib/report';
import { SHARED } from '../tests/unit/shared-data';

const WORD = join(__dirname, '../tests/fixtures/files/word');
const SEED_PAGE = join(__dirname, '../tests/fixtures/seeds/003_ed735561ce7e8ab6.word.html');
const errorKeys = (r: Report) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}:${f.col ?? f.row ?? ''}`).sort();
const figures = (r: Report) => Object.fromEntries(r.cells.map((c) => [c.id, c.value]));
const tmp = mkdtempSync(join(tmpdir(), 'read-source-'));

describe('readSource', () => {
  const page = analyzeExtract(htmlToExtract(readFileSync(SEED_PAGE, 'utf8'), SEED_PAGE));

  for (const name of ['seed-003.docx', 'seed-003.doc']) {
    it(`${name}: the report of its page, its T3 errors found, the path as source`, async () => {
      const path = join(WORD, name);
      const ex = await readSource(path);
      expect(ex.source).toBe(path);
      const r = analyzeExtract(ex);
      expect(r.isReport).toBe(true);
      expect(figures(r)).toEqual(figures(page));
      expect(errorKeys(r)).toEqual(['T3-BALANCE:np', 'T3-BALANCE:total', 'T3-RESULT-SUM:np', 'T3-RESULT-SUM:total']);
    });
  }

  it('a .docx saved under a page’s name is read as a .docx; a .doc named .txt as a .doc', async () => {
    const asHtml = join(tmp, 'report.html');
    copyFileSync(join(WORD, 'seed-003.docx'), asHtml);
    const docx = await readSource(asHtml);
    expect(docx.grids.length).toBeGreaterThan(0);
    expect(docx.grids.every((g) => g.source === 'docx')).toBe(true);
    const asText = join(tmp, 'report.txt');
    copyFileSync(join(WORD, 'seed-003.doc'), asText);
    expect((await readSource(asText)).grids.every((g) => g.source === 'doc')).toBe(true);
  });

  it('pages and text files are read as before (a GBK page by its charset)', async () => {
    const seed = analyzeExtract(await readSource(SEED_PAGE));
    expect(figures(seed)).toEqual(figures(page));
    const gbk = join(tmp, 'gbk.htm');
    // 政府 in GBK, in a page that names its charset
    writeFileSync(gbk, Buffer.concat([Buffer.from('<html><head><meta charset="gbk"><title>'), Buffer.from([0xd5, 0xfe, 0xb8, 0xae]), Buffer.from('</title></head><body></body></html>')]));
    expect((await readSource(gbk)).title).toBe('政府');
    const txt = join(tmp, 'r.txt');
    writeFileSync(txt, '某镇2023年政府信息公开工作年度报告\n信息内容\t本年新制作数量\n');
    expect((await readSource(txt)).grids[0]?.source).toBe('text');
  });

  it('a kind that is not read comes back with its notice, not as "not a report"', async () => {
    const png = join(tmp, 'scan.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = analyzeExtract(await readSource(png));
    expect(r.isReport).toBe(false);
    expect(r.notice?.zh).toMatch(/图片/);
  });

  const corpusPdf = join(SHARED, 'corpus-files/pdf/05-pingtan-2024.chromium.pdf');
  it.skipIf(!existsSync(corpusPdf))('a PDF saved as .html is read as a PDF, with pdfjs’s Node build (needs ../shared)', async () => {
    const asHtml = join(tmp, 'attachment.html');
    copyFileSync(corpusPdf, asHtml);
    const ex = await readSource(asHtml);
    expect(ex.grids.length).toBeGreaterThan(0);
    expect(ex.grids.every((g) => g.source === 'pdf')).toBe(true);
    const r = analyzeExtract(ex);
    expect(r.isReport).toBe(true);
    expect(r.year).toBe(2024);
  });
});

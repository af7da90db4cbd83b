// The file dispatcher: kinds told by their bytes (the name only as a hint), kinds not read named
// in the notice (never "not a report"), and the notice carried to the Report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKind, readReportFile, type FileReaderDeps } from './file';
import { analyzeExtract } from '../analyze';
import { parseLiteHtml } from '../../cli/lite-dom';
import { buildCfb, buildZip, PNG_HEAD } from '../../tests/unit/helpers/files-build';

const WORD = join(__dirname, '../../tests/fixtures/files/word');
const word = (name: string) => new Uint8Array(readFileSync(join(WORD, name)));
const deps: FileReaderDeps = { parseHtml: (html) => parseLiteHtml(html) as unknown as Document };
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('fileKind: the bytes decide, the name is a hint', () => {
  it('tells each kind by its bytes', () => {
    expect(fileKind(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'x.bin')).toBe('pdf');
    expect(fileKind(word('seed-003.docx'), 'x.bin')).toBe('docx');
    expect(fileKind(word('seed-003.doc'), 'x.bin')).toBe('doc');
    expect(fileKind(buildZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]), 'x.bin')).toBe('xlsx');
    expect(fileKind(buildZip([{ name: 'OFD.xml', data: '<ofd:OFD/>' }]), 'x.bin')).toBe('ofd');
    expect(fileKind(buildZip([{ name: 'a.txt', data: 'a' }]), 'x.bin')).toBe('zip');
    expect(fileKind(buildCfb(['Workbook']), 'x.bin')).toBe('xls');
    expect(fileKind(buildCfb(['CONTENTS']), 'x.bin')).toBe('wps');
    expect(fileKind(PNG_HEAD, 'x.bin')).toBe('image');
    expect(fileKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'x.bin')).toBe('image');
    expect(fileKind(utf8('<!DOCTYPE html><html><body><table></table></body></html>'), 'x.bin')).toBe('html');
    expect(fileKind(utf8('2023年政府信息公开工作年度报告\n一、总体情况\n'), 'x.bin')).toBe('text');
    expect(fileKind(new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0x0a]), 'x.txt')).toBe('text'); // 政府 in GBK
    expect(fileKind(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 9]), 'x.bin')).toBe('unknown');
  });

  it('a PDF saved as .html is a PDF; a .doc that is a .docx is a .docx', () => {
    expect(fileKind(utf8('%PDF-1.4\n'), 'report.html')).toBe('pdf');
    expect(fileKind(word('seed-003.docx'), 'report.doc')).toBe('docx');
    expect(fileKind(word('seed-003.doc'), 'report.docx')).toBe('doc');
  });

  it('uses the name where the bytes do not tell: a cut ZIP named .docx, a compound file named .wps', () => {
    const cut = word('seed-003.docx').subarray(0, 4000);
    expect(fileKind(cut, 'a.docx')).toBe('docx');
    expect(fileKind(cut, 'a.zip')).toBe('zip');
    expect(fileKind(buildCfb(['Other']), 'a.wps')).toBe('wps');
    expect(fileKind(buildCfb(['Other']), 'a.bin')).toBe('unknown');
  });
});

describe('readReportFile: kinds not read are named, never called "not a report"', () => {
  const cases: [string, Uint8Array, string, RegExp][] = [
    ['.xlsx', buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }]), 'a.xlsx', /Excel 工作簿（\.xlsx）/],
    ['.xls', buildCfb(['Workbook']), 'a.xls', /Excel 工作簿（\.xls）/],
    ['.wps (not in Word format)', buildCfb(['CONTENTS']), 'a.wps', /WPS 文字文件（\.wps）暂不能读取/],
    ['.ofd', buildZip([{ name: 'OFD.xml', data: '<ofd:OFD/>' }]), 'a.ofd', /OFD/],
    ['.zip', buildZip([{ name: 'report.pdf', data: '%PDF-1.4' }]), 'a.zip', /压缩包/],
    ['an image', PNG_HEAD, 'scan.png', /图片/],
    ['unknown bytes', new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8]), 'a.bin', /无法识别的文件类型/],
    ['an empty file', new Uint8Array(0), 'a.pdf', /空/],
  ];
  for (const [what, bytes, name, zh] of cases) {
    it(`${what}: no grids, a notice naming the kind, and the Report keeps it`, async () => {
      const ex = await readReportFile(bytes, name, deps);
      expect(ex.grids).toEqual([]);
      expect(ex.source).toBe(name);
      expect(ex.notice?.zh).toMatch(zh);
      expect(ex.notice?.en.length).toBeGreaterThan(10);
      const r = analyzeExtract(ex);
      expect(r.isReport).toBe(false);
      expect(r.notice).toEqual(ex.notice);
      expect(r.notice?.zh).not.toContain('不是政府信息公开工作年度报告');
    });
  }

  it('a PDF without a pdfjs loader says so rather than failing', async () => {
    const ex = await readReportFile(utf8('%PDF-1.4\n'), 'a.pdf', deps);
    expect(ex.notice?.zh).toMatch(/PDF/);
    expect(ex.grids).toEqual([]);
  });

  it('a PDF goes to the PDF reader with the loader’s pdfjs (loaded only for a PDF)', async () => {
    let loads = 0;
    const loader: FileReaderDeps = {
      ...deps,
      loadPdfjs: async () => {
        loads++;
        return { pdfjs: (await import('pdfjs-dist/legacy/build/pdf.mjs')) as never };
      },
    };
    await readReportFile(word('seed-003.docx'), 'a.docx', loader);
    expect(loads).toBe(0);
    const ex = await readReportFile(utf8('%PDF-1.4\n%%EOF\n'), 'a.pdf', loader);
    expect(loads).toBe(1);
    expect(ex.source).toBe('a.pdf');
    expect(ex.grids).toEqual([]);
  });

  it('a Word file in Word’s format named .wps is read as Word', async () => {
    const r = analyzeExtract(await readReportFile(word('seed-003.doc'), 'draft.wps', deps));
    expect(r.isReport).toBe(true);
    expect(r.tables).toEqual(['T2', 'T3', 'T4']);
  });

  it('HTML and text files are read as pages are', async () => {
    const html = '<html><head><title>某镇2023年政府信息公开工作年度报告</title></head><body><p>正文</p></body></html>';
    const page = await readReportFile(utf8(html), 'page.htm', deps);
    expect(page.title).toBe('某镇2023年政府信息公开工作年度报告');
    const text = await readReportFile(utf8('某镇2023年政府信息公开工作年度报告\n信息内容\t本年新制作数量\n'), 'r.txt', deps);
    expect(text.grids[0]?.source).toBe('text');
    expect(analyzeExtract(text).year).toBe(2023);
  });

  it('without an HTML parser a Word file gets a notice, not an exception', async () => {
    const ex = await readReportFile(word('seed-003.docx'), 'a.docx', {});
    expect(ex.notice?.en).toMatch(/HTML parser/);
  });
});

describe('a file reader’s notice in the Report', () => {
  it('stays beside the figures when the file was read (a PDF with some pages scanned …)', async () => {
    const ex = await readReportFile(word('seed-003.docx'), 'a.docx', deps);
    const notice = { zh: '第 3–5 页是扫描件，没有可读取的文字', en: 'Pages 3–5 are scanned: no text to read' };
    const r = analyzeExtract({ ...ex, notice });
    expect(r.isReport).toBe(true);
    expect(r.cells.length).toBeGreaterThan(100);
    expect(r.notice).toEqual(notice);
  });

  it('replaces "not a report" when nothing was read', () => {
    const notice = { zh: '扫描件：PDF 共 5 页，没有可读取的文字', en: 'Scanned: 5 pages, no text' };
    const r = analyzeExtract({ source: 'scan.pdf', title: '', headings: [], grids: [], attachments: [], text: '', truncated: null, notice });
    expect(r.isReport).toBe(false);
    expect(r.notice).toEqual(notice);
  });
});

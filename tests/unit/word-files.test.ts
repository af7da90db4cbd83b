// The project's own Word files (tests/fixtures/files/word, made by scripts/make-word-fixtures.sh
// from fixture pages): seed 003 as .docx and .doc reads as its page does, real T3 errors included;
// table 3 cut in two; a .docx that is not a report; and files that must be refused with a clear
// word and in bounded time: a zip bomb disguised as .docx, damaged and encrypted files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import WordExtractor from 'word-extractor';
import { htmlToExtract } from '../../cli/read-source';
import { analyzeExtract } from '../../lib/analyze';
import { readReportFile, type FileReaderDeps } from '../../lib/extract/file';
import { MAX_DOCUMENT_XML } from '../../lib/extract/docx';
import type { Report } from '../../lib/report';
import { parseLiteHtml } from '../../cli/lite-dom';
import { buildZip } from './helpers/files-build';
import { listZip, readZipEntry } from '../../lib/extract/zip';
import { docParagraphText, foldForOracle } from './helpers/doc-text';

const WORD = join(__dirname, '../fixtures/files/word');
const SEED_PAGE = join(__dirname, '../fixtures/seeds/003_ed735561ce7e8ab6.word.html');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(WORD, name)));
const lite: FileReaderDeps = { parseHtml: (html) => parseLiteHtml(html) as unknown as Document };
const browser: FileReaderDeps = { parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document };
const read = async (name: string, deps = lite) => analyzeExtract(await readReportFile(bytesOf(name), name, deps));
const figures = (r: Report) => Object.fromEntries(r.cells.map((c) => [c.id, c.value]));
const errorKeys = (r: Report) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}:${f.col ?? f.row ?? ''}`).sort();
const page = analyzeExtract(htmlToExtract(readFileSync(SEED_PAGE, 'utf8'), SEED_PAGE));

describe('seed 003 as Word files: the page’s report, its real T3 errors found', () => {
  it('the page itself has the errors the files must show', () => {
    expect(errorKeys(page)).toEqual(['T3-BALANCE:np', 'T3-BALANCE:total', 'T3-RESULT-SUM:np', 'T3-RESULT-SUM:total']);
  });

  for (const name of ['seed-003.docx', 'seed-003.doc', 'seed-003-split.docx']) {
    for (const [dom, deps] of [
      ['the CLI’s DOM', lite],
      ['a browser-like DOMParser', browser],
    ] as const) {
      it(`${name} through ${dom}: same figures, errors, agency, year and format as the page`, async () => {
        const r = await read(name, deps);
        expect(r.isReport).toBe(true);
        expect(r.tables).toEqual(['T2', 'T3', 'T4']);
        expect(r.cells.length).toBe(page.cells.length);
        expect(figures(r)).toEqual(figures(page));
        expect(errorKeys(r)).toEqual(errorKeys(page));
        // expected 1 (new np) against 0 found in the results
        const balance = r.findings.find((f) => f.rule === 'T3-BALANCE' && f.col === 'np');
        expect(balance?.severity).toBe('error');
        expect(r.agency).toBe(page.agency);
        expect(r.year).toBe(2020);
        expect(r.format).toBe('F2019');
        expect(r.notice).toBeNull();
      });
    }
  }

  it('seed-003-split.docx: table 3 is two Word tables, read as one', async () => {
    const ex = await readReportFile(bytesOf('seed-003-split.docx'), 'seed-003-split.docx', lite);
    const r = analyzeExtract(ex);
    const t3grids = new Set(r.cells.filter((c) => c.table === 'T3').map((c) => c.loc?.grid));
    expect(t3grids.size).toBe(2);
    expect(ex.grids.every((g) => g.source === 'docx')).toBe(true);
  });

  it('seed-003.doc: the text is word-extractor’s, and the tables are Word’s own rows', async () => {
    const bytes = bytesOf('seed-003.doc');
    const oracle = (await new WordExtractor().extract(Buffer.from(bytes))).getBody();
    expect(docParagraphText(bytes)).toBe(foldForOracle(oracle));
    const ex = await readReportFile(bytes, 'seed-003.doc', lite);
    expect(ex.grids.every((g) => g.source === 'doc')).toBe(true);
    // the page's table rows, row for row (Word joins the two halves of table 3, which no paragraph
    // parts, into one table; its columns are the cells' edges, finer than the page's colspans)
    const pageGrids = htmlToExtract(readFileSync(SEED_PAGE, 'utf8'), SEED_PAGE).grids;
    const rows = (gs: typeof pageGrids) =>
      gs.flatMap((g) => Array.from({ length: g.nrows }, (_, r) => g.cells.filter((c) => c.row === r && c.text !== '').map((c) => c.text).join('|')));
    expect(rows(ex.grids)).toEqual(rows(pageGrids));
    expect(ex.grids.some((g) => g.cells.some((c) => c.rowspan > 1)) && ex.grids.some((g) => g.cells.some((c) => c.colspan > 1))).toBe(true);
  });
});

describe('agency and year of a Word file: its own title lines first', () => {
  /** seed-003.docx with its properties' title replaced (or, with null, its properties left out) */
  async function withPropertiesTitle(title: string | null): Promise<Uint8Array> {
    const bytes = bytesOf('seed-003.docx');
    const entries = [];
    for (const e of listZip(bytes)) {
      if (e.name === 'docProps/core.xml' && title === null) continue;
      let data: Uint8Array | string = await readZipEntry(bytes, e, 1 << 24);
      if (e.name === 'docProps/core.xml') data = new TextDecoder().decode(data).replace(/<dc:title>[^<]*<\/dc:title>/, `<dc:title>${title}</dc:title>`);
      entries.push({ name: e.name, data, deflate: true });
    }
    return buildZip(entries);
  }

  it('last year’s title left in the properties does not override the document’s title line', async () => {
    const bytes = await withPropertiesTitle('广州市增城区小楼镇人民政府2019年政府信息公开工作年度报告');
    const r = analyzeExtract(await readReportFile(bytes, 'draft.docx', lite));
    expect(r.year).toBe(2020);
    expect(r.title).toBe('广州市增城区小楼镇人民政府2020年政府信息公开工作年度报告');
  });

  it('without a title in its properties, the document’s title lines name it', async () => {
    const ex = await readReportFile(await withPropertiesTitle(null), 'draft.docx', lite);
    const r = analyzeExtract(ex);
    expect(r.agency).toBe('广州市增城区小楼镇人民政府');
    expect(r.year).toBe(2020);
  });
});

describe('a Word file that is not a report', () => {
  it('news.docx: not a report, no figures, no finding; its table kept raw', async () => {
    const r = await read('news.docx');
    expect(r.isReport).toBe(false);
    expect(r.cells.filter((c) => c.value !== null)).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.notice?.zh).toContain('不是');
    expect(r.unrecognized.length).toBeGreaterThan(0);
  });
});

describe('Word files refused with a clear word', () => {
  const docxWith = (documentXml: Uint8Array | string, declaredSize?: number) =>
    buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: documentXml, deflate: true, declaredSize },
    ]);
  const zeros = new Uint8Array(MAX_DOCUMENT_XML + 4 * 1024 * 1024);

  it('a zip bomb that states its true size is refused before inflating', async () => {
    const ex = await readReportFile(docxWith(zeros), 'bomb.docx', lite);
    expect(ex.grids).toEqual([]);
    expect(ex.notice?.zh).toMatch(/解压后过大/);
    expect(ex.notice?.en).toMatch(/declares \d+ bytes/);
  });

  it('a zip bomb that lies about its size is stopped where its stated size ends', async () => {
    const ex = await readReportFile(docxWith(zeros, 1000), 'bomb.docx', lite);
    expect(ex.grids).toEqual([]);
    expect(ex.notice?.zh).toMatch(/解压后过大/);
    expect(ex.notice?.en).toMatch(/inflates past 1000 bytes/);
    expect(analyzeExtract(ex).notice?.zh).toMatch(/解压后过大/);
  });

  it('a .docx cut short, and one whose document does not inflate, are damaged', async () => {
    const cut = await readReportFile(bytesOf('seed-003.docx').subarray(0, 5000), 'cut.docx', lite);
    expect(cut.notice?.zh).toMatch(/\.docx）已损坏/);
    const good = docxWith('<w:document/>');
    const broken = good.slice();
    // scramble the deflated bytes of word/document.xml
    for (let i = 100; i < 110 && i < broken.length; i++) broken[i] = 0xff;
    const bad = await readReportFile(broken, 'bad.docx', lite);
    expect(bad.grids).toEqual([]);
    expect(bad.notice?.zh).toMatch(/\.docx/);
  });

  it('a .doc cut short is damaged; one marked encrypted says so', async () => {
    const doc = bytesOf('seed-003.doc');
    const cut = await readReportFile(doc.subarray(0, 3000), 'cut.doc', lite);
    expect(cut.grids).toEqual([]);
    expect(cut.notice?.zh).toMatch(/\.doc）已损坏/);
    const encrypted = doc.slice();
    const wordDocumentAt = findFib(encrypted);
    encrypted[wordDocumentAt + 0x0b]! |= 0x01; // fEncrypted (bit 8 of the flags at 0x0A)
    const ex = await readReportFile(encrypted, 'locked.doc', lite);
    expect(ex.notice?.zh).toMatch(/加密/);
  });
});

/** Offset of the FIB (the WordDocument stream's start): its signature 0xA5EC at a sector boundary. */
function findFib(bytes: Uint8Array): number {
  for (let at = 512; at + 2 < bytes.length; at += 512) if (bytes[at] === 0xec && bytes[at + 1] === 0xa5) return at;
  throw new Error('no FIB');
}

// Every Word file of ../shared/corpus-files (.docx and .doc made from corpus pages) against its
// truth, through the CLI's reader (cli/read-source.ts → lib/extract/file.ts) and through a
// browser-like DOMParser (linkedom's) as an extension page reads them: every value exact, every
// finding found, no false error. The .doc text is also held to word-extractor's, as an oracle.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import WordExtractor from 'word-extractor';
import { SHARED, type Truth } from './shared-data';
import { compareWithTruth } from './helpers/truth-compare';
import { readSource } from '../../cli/read-source';
import { analyzeExtract } from '../../lib/analyze';
import { readReportFile } from '../../lib/extract/file';
import { docParagraphText, foldForOracle } from './helpers/doc-text';

const FILES = join(SHARED, 'corpus-files');
const HAS_FILES = existsSync(join(FILES, 'truth'));
const wordFiles = HAS_FILES
  ? readdirSync(join(FILES, 'truth'))
      .filter((f) => /\.(docx|doc)\.json$/.test(f))
      .sort()
      .map((f) => ({ name: f.replace(/\.json$/, ''), truth: JSON.parse(readFileSync(join(FILES, 'truth', f), 'utf8')) as Truth }))
  : [];
if (!HAS_FILES) console.warn(`[tests] ${FILES} not found: the Word corpus tests (needs ../shared) are skipped.`);

const browserParse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe.skipIf(!HAS_FILES)('Word files of the corpus against truth (needs ../shared)', () => {
  it('there are .docx and .doc files to read', () => {
    expect(wordFiles.filter((f) => f.name.endsWith('.docx')).length).toBeGreaterThan(0);
    expect(wordFiles.filter((f) => f.name.endsWith('.doc')).length).toBeGreaterThan(0);
  });

  for (const { name, truth } of wordFiles) {
    const path = join(FILES, truth.file);
    it(`${name}: through the CLI, every value exact, every finding found (needs ../shared)`, async () => {
      const report = analyzeExtract(await readSource(path));
      expect(report.isReport).toBe(true);
      expect(Object.keys(truth.cells).length).toBeGreaterThan(100);
      expect(compareWithTruth(report, truth, { agency: true })).toEqual([]);
      expect(report.notice).toBeNull();
    });

    it(`${name}: through a browser-like DOMParser, the same report (needs ../shared)`, async () => {
      const bytes = new Uint8Array(readFileSync(path));
      const viaBrowser = analyzeExtract(await readReportFile(bytes, name, { parseHtml: browserParse }), { readAt: 'x' });
      expect(compareWithTruth(viaBrowser, truth, { agency: true })).toEqual([]);
      const viaCli = analyzeExtract({ ...(await readSource(path)), source: name }, { readAt: 'x' });
      expect(viaBrowser.cells.map((c) => [c.id, c.value])).toEqual(viaCli.cells.map((c) => [c.id, c.value]));
    });

    if (name.endsWith('.doc')) {
      it(`${name}: its text is word-extractor's (needs ../shared)`, async () => {
        const bytes = new Uint8Array(readFileSync(path));
        const oracle = (await new WordExtractor().extract(Buffer.from(bytes))).getBody();
        expect(docParagraphText(bytes)).toBe(foldForOracle(oracle));
      });
    }
  }
});


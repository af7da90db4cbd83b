// .docx → PageExtract: the ZIP opened with its sizes capped (zip.ts), word/document.xml walked
// into paragraphs and tables (docx-blocks.ts), written as HTML and read by the page extraction, so
// a Word table's rowspans, colspans and blank cells are read as a web page's are.
import type { PageExtract } from './types';
import { blocksToHtml, documentTitle } from './doc/blocks';
import { asFileExtract, fileNotice } from './file-notice';
import { documentBlocks } from './docx-blocks';
import { attr, decodeXml, scanXml } from './docx-xml';
import { extractPage } from './page';
import { listZip, readZipEntry, ZipError, type ZipEntry } from './zip';

/** word/document.xml inflated at most to this (a 300-page report is a few MB) */
export const MAX_DOCUMENT_XML = 64 * 1024 * 1024;
const MAX_SMALL_PART = 1024 * 1024;
const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

function findEntry(entries: ZipEntry[], name: string): ZipEntry | undefined {
  const lower = name.toLowerCase();
  return entries.find((e) => e.name.toLowerCase() === lower);
}

/** The main part: word/document.xml, or whatever [Content_Types].xml names as the document. */
async function mainPart(bytes: Uint8Array, entries: ZipEntry[]): Promise<ZipEntry | undefined> {
  const plain = findEntry(entries, 'word/document.xml');
  if (plain) return plain;
  const types = findEntry(entries, '[Content_Types].xml');
  if (!types) return undefined;
  let part: string | null = null;
  scanXml(decodeXml(await readZipEntry(bytes, types, MAX_SMALL_PART)), {
    open(name, attrs) {
      if (part === null && name.endsWith('Override') && attr(attrs, 'ContentType') === MAIN_TYPE) part = attr(attrs, 'PartName');
    },
    close() {},
    text() {},
  });
  return part ? findEntry(entries, String(part).replace(/^\//, '')) : undefined;
}

/** dc:title of docProps/core.xml, '' when absent. */
async function coreTitle(bytes: Uint8Array, entries: ZipEntry[]): Promise<string> {
  const core = findEntry(entries, 'docProps/core.xml');
  if (!core) return '';
  try {
    let inTitle = false;
    let title = '';
    scanXml(decodeXml(await readZipEntry(bytes, core, MAX_SMALL_PART)), {
      open(name) {
        inTitle = name === 'dc:title' || name.endsWith(':title');
      },
      close() {
        inTitle = false;
      },
      text(s) {
        if (inTitle) title += s;
      },
    });
    return title.trim();
  } catch {
    return '';
  }
}

export async function readDocx(bytes: Uint8Array, source: string, parseHtml: (html: string) => Document): Promise<PageExtract> {
  try {
    const entries = listZip(bytes);
    const main = await mainPart(bytes, entries);
    if (!main) return fileNotice(source, 'docx-damaged');
    const xml = decodeXml(await readZipEntry(bytes, main, MAX_DOCUMENT_XML));
    const title = await coreTitle(bytes, entries);
    const blocks = documentBlocks(xml);
    const page = extractPage(parseHtml(blocksToHtml(documentTitle(blocks, title), blocks)), source);
    return asFileExtract(page, 'docx');
  } catch (e) {
    if (e instanceof ZipError) return fileNotice(source, e.kind === 'too-large' ? 'zip-too-large' : e.kind === 'encrypted' ? 'encrypted' : 'docx-damaged', e.message);
    return fileNotice(source, 'docx-damaged', e instanceof Error ? e.message : String(e));
  }
}

// Reads a file into a PageExtract, by what its bytes are (a .html that is really a PDF is read as
// a PDF): saved pages through the CLI's small DOM (lite-dom.ts: the tree linkedom would build, at
// a third of the cost), text as is, PDF, .docx and .doc through the core's file reader
// (lib/extract/file.ts) with pdfjs's Node build (pdfjs-node.ts), loaded on the first PDF only.
// Government pages are often saved in GBK/GB2312; the charset named in the page, a BOM, or a
// failed UTF-8 decode decides the decoding.
import { readFile } from 'node:fs/promises';
import type { PageExtract } from '../lib/extract/types';
import { extractPage } from '../lib/extract/page';
import { textToExtract } from '../lib/extract/text';
import { decodeText } from '../lib/extract/file-kind';
import { fileKind, readReportFile, type FileReaderDeps, type PdfjsRuntime } from '../lib/extract/file';
import { isRowStart } from '../lib/recognize';
import { parseLiteHtml } from './lite-dom';

export function decode(bytes: Uint8Array, html: boolean): string {
  return decodeText(bytes, html);
}

export function isHtmlPath(path: string): boolean {
  return /\.s?html?$/i.test(path);
}

export function htmlToExtract(html: string, source: string): PageExtract {
  return extractPage(parseLiteHtml(html) as unknown as Document, source);
}

const loadPdfjsNode = async (): Promise<PdfjsRuntime> => (await import('./pdfjs-node')).loadPdfjsNode();

/** What the core's file reader needs in Node: pdfjs's legacy build and the small DOM. */
export const NODE_FILE_DEPS: FileReaderDeps = {
  loadPdfjs: loadPdfjsNode,
  parseHtml: (html) => parseLiteHtml(html) as unknown as Document,
};

export async function readSource(path: string): Promise<PageExtract> {
  const bytes = new Uint8Array(await readFile(path));
  const kind = fileKind(bytes, path);
  if (kind === 'html' || kind === 'text') {
    const html = kind === 'html' || isHtmlPath(path);
    const text = decode(bytes, html);
    return html ? htmlToExtract(text, path) : textToExtract(text, path, { isRowStart });
  }
  return readReportFile(bytes, path, NODE_FILE_DEPS);
}

// Reads a saved page or a text file into a PageExtract: HTML through the CLI's small DOM
// (lite-dom.ts: the tree linkedom would build, at a third of the cost), text as is.
// Government pages are often saved in GBK/GB2312; the charset named in the page, a BOM, or a
// failed UTF-8 decode decides the decoding.
import { readFile } from 'node:fs/promises';
import type { PageExtract } from '../lib/extract/types';
import { extractPage } from '../lib/extract/page';
import { textToExtract } from '../lib/extract/text';
import { isRowStart } from '../lib/recognize';
import { parseLiteHtml } from './lite-dom';

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

export function decode(bytes: Uint8Array, html: boolean): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (html) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const named = CHARSET.exec(head)?.[1]?.toLowerCase();
    if (named && /^(gb2312|gbk|gb18030)$/.test(named)) return new TextDecoder('gb18030').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function isHtmlPath(path: string): boolean {
  return /\.html?$/i.test(path);
}

export function htmlToExtract(html: string, source: string): PageExtract {
  return extractPage(parseLiteHtml(html) as unknown as Document, source);
}

export async function readSource(path: string): Promise<PageExtract> {
  const bytes = await readFile(path);
  const html = isHtmlPath(path);
  const text = decode(bytes, html);
  return html ? htmlToExtract(text, path) : textToExtract(text, path, { isRowStart });
}

// A report file's bytes → PageExtract, in an extension page: the core's file reader, whose readers
// (pdfjs, mammoth, the .doc reader) each load on their first file. This module is only ever
// imported dynamically (gateway-browser.ts), so none of it is in the popup's first load; the
// extract is then analysed by the background, which has the recogniser anyway (the popup and the
// files page share chunks, so a recogniser imported here would weigh on the popup's first load).
import { readReportFile } from '@/lib/extract/file';
import type { PageExtract } from '@/lib/extract/types';
import { loadPdfjs } from './pdfjs-loader';

const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/**
 * `name` is what the reader sees (its extension helps tell the kind); `source` is what the
 * report says it was read from: the file's address, or its name for a file from disk.
 * `pdfInPage`: a small PDF may be parsed in the page rather than in a Worker (pdfjs-loader.ts).
 */
export async function readFileExtract(bytes: Uint8Array, name: string, source: string, pdfInPage: boolean): Promise<PageExtract> {
  const extract = await readReportFile(bytes, name, { loadPdfjs: () => loadPdfjs(pdfInPage ? bytes.length : Infinity), parseHtml });
  return { ...extract, source };
}

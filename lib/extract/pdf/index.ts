// PDF (text layer) → PageExtract: tables rebuilt from the text items' positions.
// CONTRACT (implementation pending): never throws for a bad file; a scanned, encrypted or damaged
// PDF gives a PageExtract with no grids and `notice` set.
import type { PageExtract } from '../types';

/** The pdfjs module the caller loaded (Node: the legacy build; an extension page: the browser build). */
export type PdfjsModule = typeof import('pdfjs-dist');

export interface PdfReadOptions {
  /** file name or address, becomes PageExtract.source */
  source: string;
  pdfjs: PdfjsModule;
  /** folder of pdfjs's bCMaps (with a trailing slash), for Chinese fonts that are not embedded */
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

export async function readPdf(_bytes: Uint8Array, opts: PdfReadOptions): Promise<PageExtract> {
  return { source: opts.source, title: '', headings: [], grids: [], attachments: [], text: '', truncated: null, notice: { zh: 'PDF 读取尚未实现', en: 'PDF reading is not implemented yet' } };
}

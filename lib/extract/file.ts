// A report file's bytes → PageExtract, by the kind the bytes say they are (not only the name).
// CONTRACT (implementation pending): one reader per kind, each loaded only when a file of its kind
// is read; kinds not read (.wps, .xls, .ofd, images …) give a PageExtract whose notice names the kind.
import type { PageExtract } from './types';
import type { PdfjsModule } from './pdf';

export interface PdfjsRuntime {
  pdfjs: PdfjsModule;
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

export interface FileReaderDeps {
  /** loads pdfjs: the CLI gives the legacy build, an extension page the browser build and its worker */
  loadPdfjs?: () => Promise<PdfjsRuntime>;
  /** parses HTML into a Document (the browser's DOMParser, the CLI's small DOM), for readers that go through HTML */
  parseHtml?: (html: string) => Document;
}

export type FileKind = 'pdf' | 'docx' | 'doc' | 'html' | 'text' | 'wps' | 'xls' | 'xlsx' | 'ofd' | 'zip' | 'image' | 'unknown';

export async function readReportFile(_bytes: Uint8Array, name: string, _deps: FileReaderDeps): Promise<PageExtract> {
  return { source: name, title: '', headings: [], grids: [], attachments: [], text: '', truncated: null, notice: { zh: '文件读取尚未实现', en: 'Reading files is not implemented yet' } };
}

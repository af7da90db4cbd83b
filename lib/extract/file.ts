// A report file's bytes → PageExtract, by the kind the bytes say they are (the name is a hint
// only): PDF through pdfjs (pdf/index.ts), .docx and .doc through their own readers (docx.ts,
// doc/), HTML and text as pages are read. Each reader is a dynamic import(), loaded only when a
// file of its kind is read, so this module adds a few KB to whatever imports it. Kinds not read
// (.wps not in Word's format, .xls/.xlsx, .ofd, ZIP, images, unknown) give a PageExtract with no
// grids and a notice naming the kind. Never throws: a reader's failure is the extract's notice.
import type { PageExtract } from './types';
import type { PdfjsModule } from './pdf';
import { fileNotice, problemMessage, type FileProblem } from './file-notice';
import { decodeText, extensionOf, sniffFileKind } from './file-kind';

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

/** The kind of a file by its bytes (its name only where the bytes do not tell). */
export function fileKind(bytes: Uint8Array, name: string): FileKind {
  const k = sniffFileKind(bytes, name);
  return k === 'empty' ? 'unknown' : k;
}

type HtmlParser = (html: string) => Document;

function htmlParser(deps: FileReaderDeps): HtmlParser | null {
  if (deps.parseHtml) return deps.parseHtml;
  const P = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  return P ? (html) => new P().parseFromString(html, 'text/html') : null;
}

const NOT_READ: Partial<Record<ReturnType<typeof sniffFileKind>, FileProblem>> = {
  wps: 'wps',
  xls: 'xls',
  xlsx: 'xlsx',
  ofd: 'ofd',
  zip: 'zip',
  image: 'image',
  unknown: 'unknown',
  empty: 'empty',
};

export async function readReportFile(bytes: Uint8Array, name: string, deps: FileReaderDeps): Promise<PageExtract> {
  const kind = sniffFileKind(bytes, name);
  const notRead = NOT_READ[kind];
  if (notRead) return fileNotice(name, notRead);
  try {
    return await readKind(kind, bytes, name, deps);
  } catch (e) {
    // readers say what went wrong themselves; this is for what they did not foresee
    const detail = e instanceof Error ? e.message : String(e);
    return { ...fileNotice(name, 'unknown'), notice: { zh: `文件读取失败：${detail}`, en: `The file could not be read: ${detail}` } };
  }
}

async function readKind(kind: ReturnType<typeof sniffFileKind>, bytes: Uint8Array, name: string, deps: FileReaderDeps): Promise<PageExtract> {
  if (kind === 'pdf') {
    if (!deps.loadPdfjs) return fileNotice(name, 'no-pdf-reader');
    const [runtime, { readPdf }] = await Promise.all([deps.loadPdfjs(), import('./pdf')]);
    return readPdf(bytes, { source: name, pdfjs: runtime.pdfjs, cMapUrl: runtime.cMapUrl, standardFontDataUrl: runtime.standardFontDataUrl });
  }
  if (kind === 'text') {
    const [{ textToExtract }, { isRowStart }] = await Promise.all([import('./text'), import('../recognize')]);
    return textToExtract(decodeText(bytes, false), name, { isRowStart });
  }
  const parse = htmlParser(deps);
  if (!parse) return fileNotice(name, 'no-html-parser');
  if (kind === 'html') {
    const { extractPage } = await import('./page');
    return extractPage(parse(decodeText(bytes, true)), name);
  }
  if (kind === 'docx') {
    const { readDocx } = await import('./docx');
    return readDocx(bytes, name, parse);
  }
  // a .doc, or a WPS file in Word's format: read as Word; a WPS file that is not is named as one
  const { readDoc } = await import('./doc');
  const page = await readDoc(bytes, name, parse);
  if (extensionOf(name) === 'wps' && page.grids.length === 0 && page.notice) return { ...page, notice: problemMessage('wps') };
  return page;
}

// PDF (text layer) → PageExtract: tables rebuilt from the text items' positions (table.ts), the
// text in reading order, the title lines. Never throws for a bad file: a scanned, encrypted,
// damaged or endless PDF gives a PageExtract with no grids and `notice` set, and reading stops at
// a stated page limit and a time limit.
import type { Message } from '../../report';
import type { PageExtract } from '../types';
import { normalizeText } from '../normalize';
import { looksLikeReportTitle } from '../../detect';
import { layoutOf, readingText, type Layout, type PageItems, type RawItem } from './layout';
import { tablesOf } from './table';

/** The pdfjs module the caller loaded (Node: the legacy build; an extension page: the browser build). */
export type PdfjsModule = typeof import('pdfjs-dist');

export interface PdfReadOptions {
  /** file name or address, becomes PageExtract.source */
  source: string;
  pdfjs: PdfjsModule;
  /** folder of pdfjs's bCMaps (with a trailing slash), for Chinese fonts that are not embedded */
  cMapUrl?: string;
  standardFontDataUrl?: string;
  /** pages read at most (default 50): a report has a handful; the rest is said in the notice */
  maxPages?: number;
  /** milliseconds before reading gives up (default 20,000) */
  timeoutMs?: number;
}

export const PDF_MAX_PAGES = 50;
export const PDF_TIMEOUT_MS = 20_000;
/** characters of text kept for the narrative check */
const TEXT_CHARS = 400_000;
const HEADING_LINES = 6;
/** a title line is short; the first longer line is running text */
const HEADING_CHARS = 48;

function empty(source: string, notice: Message): PageExtract {
  return { source, title: '', headings: [], grids: [], attachments: [], text: '', truncated: null, notice };
}

class Timeout extends Error {}

/** p, or a Timeout at `until`; p's own later failure (pdfjs rejects pending calls on destroy) is handled. */
function withTimeout<T>(p: Promise<T>, until: number): Promise<T> {
  const left = until - Date.now();
  if (left <= 0) {
    p.catch(() => undefined);
    return Promise.reject(new Timeout('timeout'));
  }
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Timeout('timeout')), left);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** The notice for a PDF pdfjs could not open, by the kind of error it raised. */
function openFailure(e: unknown): Message {
  const name = e instanceof Error ? e.name : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') {
    return { zh: 'PDF 已加密（需要密码），无法读取', en: 'The PDF is encrypted (it needs a password) and cannot be read' };
  }
  if (name === 'InvalidPDFException' || name === 'MissingPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return { zh: `PDF 文件已损坏或不完整，无法读取（${msg.slice(0, 80)}）`, en: `The PDF is damaged or incomplete and cannot be read (${msg.slice(0, 80)})` };
  }
  return { zh: `无法读取此 PDF（${msg.slice(0, 80)}）`, en: `This PDF could not be read (${msg.slice(0, 80)})` };
}

function timeoutNotice(secs: number, pagesRead: number): Message {
  return {
    zh: `PDF 读取超时（${secs} 秒），只读取了前 ${pagesRead} 页`,
    en: `Reading the PDF took too long (${secs} s); only its first ${pagesRead} pages were read`,
  };
}

export async function readPdf(bytes: Uint8Array, opts: PdfReadOptions): Promise<PageExtract> {
  const maxPages = Math.max(1, opts.maxPages ?? PDF_MAX_PAGES);
  const timeoutMs = opts.timeoutMs ?? PDF_TIMEOUT_MS;
  const until = Date.now() + timeoutMs;
  const secs = Math.max(1, Math.ceil(timeoutMs / 1000));
  let task: ReturnType<PdfjsModule['getDocument']>;
  try {
    task = opts.pdfjs.getDocument({
      // pdfjs takes the buffer over (transfers it to its worker): give it a copy
      data: bytes.slice(),
      ...(opts.cMapUrl ? { cMapUrl: opts.cMapUrl, cMapPacked: true } : {}),
      ...(opts.standardFontDataUrl ? { standardFontDataUrl: opts.standardFontDataUrl } : {}),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    });
  } catch (e) {
    return empty(opts.source, openFailure(e));
  }
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await withTimeout(task.promise, until);
    } catch (e) {
      return empty(opts.source, e instanceof Timeout ? { zh: `PDF 读取超时（${secs} 秒）`, en: `Reading the PDF took too long (${secs} s)` } : openFailure(e));
    }
    const numPages = doc.numPages;
    const toRead = Math.min(numPages, maxPages);
    const pages: PageItems[] = [];
    let notice: Message | null = null;
    let damaged = 0;
    for (let p = 1; p <= toRead; p++) {
      try {
        const page = await withTimeout(doc.getPage(p), until);
        const content = await withTimeout(page.getTextContent(), until);
        const items = content.items.filter((it): it is typeof it & RawItem => 'str' in it) as RawItem[];
        pages.push({ page: p, height: page.view[3]! - page.view[1]!, items });
        page.cleanup();
      } catch (e) {
        if (e instanceof Timeout) {
          notice = timeoutNotice(secs, pages.length);
          break;
        }
        // one bad page does not lose the others
        damaged++;
      }
    }
    const title = await metadataTitle(doc, until);
    const chars = pages.reduce((n, p) => n + p.items.reduce((k, it) => k + it.str.trim().length, 0), 0);
    if (chars === 0 && !notice) {
      const n = numPages;
      return {
        ...empty(opts.source, damaged === toRead
          ? { zh: `PDF 文件已损坏，${n} 页都无法读取`, en: `The PDF is damaged: none of its ${n} pages could be read` }
          : { zh: `扫描件：PDF 共 ${n} 页，没有可读取的文字`, en: `Scanned document: the PDF has ${n} page${n === 1 ? '' : 's'} and no text to read` }),
        title,
      };
    }
    if (!notice && numPages > toRead) {
      notice = { zh: `PDF 共 ${numPages} 页，只读取了前 ${toRead} 页`, en: `The PDF has ${numPages} pages; only the first ${toRead} were read` };
    }
    const layout = layoutOf(pages);
    return {
      source: opts.source,
      title,
      headings: headingsOf(layout),
      grids: tablesOf(layout),
      attachments: [],
      text: readingText(layout, TEXT_CHARS),
      truncated: null,
      notice,
    };
  } catch (e) {
    return empty(opts.source, openFailure(e));
  } finally {
    // frees the worker side; never awaited long
    void task.destroy().catch(() => undefined);
  }
}

/** The document's Title, when it names a report (producers often leave 'Microsoft Word - 1.docx'). */
async function metadataTitle(doc: { getMetadata(): Promise<{ info: object }> }, until: number): Promise<string> {
  try {
    const meta = await withTimeout(doc.getMetadata(), until);
    const t = (meta.info as { Title?: unknown }).Title;
    if (typeof t !== 'string') return '';
    const title = normalizeText(t);
    return looksLikeReportTitle(title) ? title.slice(0, 200) : '';
  } catch {
    return '';
  }
}

/** The title lines at the top of the first page: its short lines, up to the first long one. */
function headingsOf(layout: Layout): string[] {
  const out: string[] = [];
  const firstPage = layout.lines[0]?.page;
  for (const l of layout.lines) {
    if (l.page !== firstPage || out.length >= HEADING_LINES) break;
    const text = normalizeText(l.chunks.map((c) => c.text).join(' '));
    if (text.length > HEADING_CHARS) break;
    if (text.length > 0) out.push(text);
  }
  return out;
}

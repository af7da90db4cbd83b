// pdfjs for the extension's pages (the files page, and the popup when it reads a PDF): the modern
// build, loaded on the first PDF only (a dynamic import: it is never part of the popup's first
// load nor of the content script), with its CMaps from inside the extension. No eval, no module
// loaded from a variable: the build strips both (scripts/vite-no-eval-pdfjs.ts).
//
// Where pdfjs parses: the caller says how many bytes may be parsed in the page itself, with the
// worker's code imported as a module (`globalThis.pdfjsWorker`). The files page, which reads file
// after file, parses small PDFs so: a Worker started (and its 1.2 MB parsed) for each file cost as
// much as reading a 5-page report (scripts/measure-file-reading.ts: median 0.24–0.44 s a file in
// the page, 0.47–0.76 s with a Worker, on a loaded 2-core machine). The popup reads one PDF: there
// the Worker wins (0.44–0.56 s against 0.75–0.86 s), its code parsed beside the popup's own work.
// A larger PDF always goes to the Worker (the copy wxt.config.ts puts in the extension), so that
// the page stays responsive and the reader's time limit can fire: pdfjs in the page runs a
// document's parsing as one chain of microtasks, which no timer interrupts.
import { browser } from 'wxt/browser';
import type { PdfjsRuntime } from '@/lib/extract/file';
import { PDFJS_CMAPS, PDFJS_STANDARD_FONTS, PDFJS_WORKER } from './pdfjs-paths';

/** PDFs up to this size are parsed in the page; larger ones in a Worker. */
export const IN_PAGE_MAX_BYTES = 3 * 1024 * 1024;

/** an address inside the extension; the build's own files (wxt.config.ts) are not in WXT's typed list of public paths */
const extensionUrl = (path: string): string => (browser.runtime.getURL as (p: string) => string)(path);

let loading: Promise<PdfjsRuntime> | null = null;
let workerModule: Promise<unknown> | null = null;

function pdfjsRuntime(): Promise<PdfjsRuntime> {
  loading ??= import('pdfjs-dist').then(
    (pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = extensionUrl(PDFJS_WORKER);
      return { pdfjs, cMapUrl: extensionUrl(PDFJS_CMAPS), standardFontDataUrl: extensionUrl(PDFJS_STANDARD_FONTS) };
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/**
 * pdfjs, set up to parse a PDF of `inPageBytes` bytes in the page (up to IN_PAGE_MAX_BYTES) or in
 * a Worker (Infinity: always). Files are read one at a time, so the global switch is safe.
 */
export async function loadPdfjs(inPageBytes: number): Promise<PdfjsRuntime> {
  const runtime = await pdfjsRuntime();
  const g = globalThis as { pdfjsWorker?: unknown };
  if (inPageBytes <= IN_PAGE_MAX_BYTES) {
    workerModule ??= import('pdfjs-dist/build/pdf.worker.mjs').catch((e: unknown) => {
      workerModule = null;
      throw e;
    });
    g.pdfjsWorker = await workerModule;
  } else {
    delete g.pdfjsWorker;
  }
  return runtime;
}

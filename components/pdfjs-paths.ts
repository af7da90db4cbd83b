// Where the build puts pdfjs's worker and data files inside the extension (wxt.config.ts copies
// them there; components/pdfjs-loader.ts points pdfjs at them). Paths from the extension's root.
export const PDFJS_DIR = 'pdfjs';
/** the worker, a module script (pdfjs starts it with type: 'module'); named .js, not .mjs, so that every browser serves it as JavaScript */
export const PDFJS_WORKER = `/${PDFJS_DIR}/pdf.worker.min.js`;
/** bCMaps, packed (pdfjs's default cMapPacked: true) */
export const PDFJS_CMAPS = `/${PDFJS_DIR}/cmaps/`;
export const PDFJS_STANDARD_FONTS = `/${PDFJS_DIR}/standard_fonts/`;

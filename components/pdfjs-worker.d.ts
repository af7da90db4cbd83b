// The worker's module, imported into the page for small PDFs (pdfjs-loader.ts); pdfjs-dist
// publishes no types for it. pdfjs only reads its WorkerMessageHandler.
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

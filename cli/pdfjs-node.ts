// pdfjs for Node: the legacy build (the modern one needs DOMMatrix), with the package's CMaps and
// standard fonts as absolute folder paths (pdfjs reads them with fs in Node). Chinese PDFs whose
// fonts are not embedded give no text without the CMaps.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfjsRuntime } from '../lib/extract/file';
import type { PdfjsModule } from '../lib/extract/pdf';

let loading: Promise<PdfjsRuntime> | null = null;

/** The folder of the installed pdfjs-dist package, with a trailing slash on the paths given out. */
function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

export function loadPdfjsNode(): Promise<PdfjsRuntime> {
  loading ??= (async () => {
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsModule;
    const dir = packageDir();
    return { pdfjs, cMapUrl: join(dir, 'cmaps') + '/', standardFontDataUrl: join(dir, 'standard_fonts') + '/' };
  })().catch((e: unknown) => {
    // a failed load is not kept: the next file tries again
    loading = null;
    throw e;
  });
  return loading;
}

import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noInnerHtml } from './scripts/vite-no-inner-html';
import { noEvalPdfjs, stripPdfjsEval } from './scripts/vite-no-eval-pdfjs';
import { PDFJS_DIR, PDFJS_WORKER } from './components/pdfjs-paths';

// The test build (E2E=1) lets the content script run on the 127.0.0.1 test server too;
// the shipped build matches government sites only.
const e2e = process.env.E2E === '1';
const PDFJS_PKG = resolve('node_modules/pdfjs-dist');

/**
 * pdfjs's data files, shipped inside the extension (never committed): the CMaps that Chinese PDFs
 * with fonts that are not embedded need to give any text, and the standard fonts. Read only by the
 * PDF reader, from extension pages; not web-accessible.
 */
function pdfjsDataFiles(): { absoluteSrc: string; relativeDest: string }[] {
  const out: { absoluteSrc: string; relativeDest: string }[] = [];
  for (const sub of ['cmaps', 'standard_fonts']) {
    for (const f of readdirSync(join(PDFJS_PKG, sub))) out.push({ absoluteSrc: join(PDFJS_PKG, sub, f), relativeDest: `${PDFJS_DIR}/${sub}/${f}` });
  }
  return out;
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: e2e ? '.output-e2e' : '.output',
  vite: () => ({ plugins: [noInnerHtml(), noEvalPdfjs(), preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'storage'],
    // asked for one site at a time, at the user's click on "read" for a file on another site than
    // the tab's (components/gateway-browser.ts); nothing is granted at install
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gov-report-auditor@example.org',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // the files page (entrypoints/files) is the options page too, opened in a tab of its own
      manifest.options_ui = { page: 'files.html', open_in_tab: true };
      // The test build's content script also runs on the test server (tests/e2e), and the build
      // may script it: tests cannot click the toolbar button, so activeTab is never granted there.
      if (!e2e) return;
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...(cs.matches ?? []), 'http://127.0.0.1/*'];
      manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
    },
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsDataFiles());
      // the worker as published, less its code from strings and variables (scripts/vite-no-eval-pdfjs.ts)
      const worker = join(PDFJS_PKG, 'build/pdf.worker.min.mjs');
      files.push({ contents: stripPdfjsEval(readFileSync(worker, 'utf8'), worker, { functions: 2, imports: 1 }), relativeDest: PDFJS_WORKER.slice(1) });
    },
  },
  zip: { excludeSources: ['.output/**', '.output-e2e/**', 'test-results/**', 'bench/results*.json', 'node_modules/**'] },
});

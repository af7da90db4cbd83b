import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noInnerHtml } from './scripts/vite-no-inner-html';

// The test build (E2E=1) lets the content script run on the 127.0.0.1 test server too;
// the shipped build matches government sites only.
const e2e = process.env.E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: e2e ? '.output-e2e' : '.output',
  vite: () => ({ plugins: [noInnerHtml(), preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'storage'],
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
    // The test build's content script also runs on the test server (tests/e2e), and the build
    // may script it: tests cannot click the toolbar button, so activeTab is never granted there.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!e2e) return;
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...(cs.matches ?? []), 'http://127.0.0.1/*'];
      manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
    },
  },
  zip: { excludeSources: ['.output/**', '.output-e2e/**', 'test-results/**', 'bench/results*.json', 'node_modules/**'] },
});

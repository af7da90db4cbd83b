// `chrome` as seen inside sw.evaluate(...) (the extension's service worker), for tsc.
declare const chrome: typeof import('wxt/browser').browser;

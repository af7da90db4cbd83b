// Page text must never reach innerHTML. Our components never use dangerouslySetInnerHTML, but
// Preact's renderer still carries the one `dom.innerHTML = props.dangerouslySetInnerHTML.__html`
// write, which `web-ext lint` flags (UNSAFE_VAR_ASSIGNMENT) and a reviewer must then reason about.
// This plugin removes that write from Preact's module at build time, so the built extension holds
// no innerHTML assignment at all (tests/e2e/manifest.spec.ts checks the built files). The build
// fails if Preact's code no longer has the expected shape, rather than shipping it unpatched.
import type { Plugin } from 'vite';

const WRITE = /\(\s*([A-Za-z_$][\w$]*)\.innerHTML\s*=\s*([A-Za-z_$][\w$]*)\.__html\s*\)/g;

export function noInnerHtml(): Plugin {
  return {
    name: 'no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.m?js$/.test(id.split('?')[0]!)) return null;
      const writes = code.match(WRITE)?.length ?? 0;
      if (writes !== 1) this.error(`no-inner-html: expected one innerHTML write in ${id}, found ${writes}`);
      // The branch is only reached through dangerouslySetInnerHTML, which nothing here uses.
      return { code: code.replace(WRITE, 'void 0'), map: null };
    },
  };
}

// pdfjs carries code it would load from strings or from variables, none of which an extension
// page needs or may run for reading text:
// - two `new Function(...)` calls: a feature test (isEvalSupported) and a compiler for PostScript
//   functions used only when that test passes (extension pages forbid eval: script-src 'self');
// - two `import(variable)` calls: the "fake worker" that loads the worker script into the page
//   when no Worker can be started (extension pages always can), and the worker's JPEG 2000
//   decoder fallback (images are never decoded for text).
// `web-ext lint` flags both kinds and tests/e2e/manifest.spec.ts fails on code-from-string, so
// each call becomes the failure the browser would give (an EvalError, a rejected import), in the
// main build (a Vite transform) and in the worker (copied into the extension by wxt.config.ts
// with this same rewrite). The build fails if pdfjs no longer has the expected calls, rather than
// shipping them unpatched.
import type { Plugin } from 'vite';

const FUNCTION = /new Function\(/g;
const NO_FUNCTION = '((..._a)=>{throw new EvalError("code from strings is not allowed in the extension")})(';
/** import( followed by pdfjs's bundler comments: the calls whose argument is a variable */
const IMPORT = /\bimport\(\s*\/\*webpackIgnore: true\*\/\s*\/\*@vite-ignore\*\/\s*/g;
const NO_IMPORT = '((_u)=>Promise.reject(new Error("pdfjs: no module is loaded from a variable in the extension")))(';

export interface Expected {
  functions: number;
  imports: number;
}

/** Rewrites pdfjs code; `expected` says how many calls of each kind the file must hold. */
export function stripPdfjsEval(code: string, file: string, expected: Expected): string {
  const functions = code.match(FUNCTION)?.length ?? 0;
  const imports = code.match(IMPORT)?.length ?? 0;
  if (functions !== expected.functions || imports !== expected.imports) {
    throw new Error(`no-eval-pdfjs: expected ${expected.functions} "new Function(" and ${expected.imports} "import(variable)" in ${file}, found ${functions} and ${imports}`);
  }
  return code.replace(FUNCTION, NO_FUNCTION).replace(IMPORT, NO_IMPORT);
}

export function noEvalPdfjs(): Plugin {
  return {
    name: 'no-eval-pdfjs',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!;
      const m = /[\\/]pdfjs-dist[\\/]build[\\/]pdf(\.worker)?\.m?js$/.exec(path);
      if (!m) return null;
      try {
        return { code: stripPdfjsEval(code, path, m[1] ? { functions: 2, imports: 1 } : { functions: 1, imports: 1 }), map: null };
      } catch (e) {
        this.error(e instanceof Error ? e.message : String(e));
      }
    },
  };
}

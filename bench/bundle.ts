// Bundles a bench entry with esbuild (a dependency of vite, already in node_modules): the core for
// the page (IIFE, browser) and the CLI child for Node (ESM, packages left to node_modules).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = dirname(BENCH_DIR);
/** Bench build output; bench/.gitignore keeps it out of git. */
export const BUILD_DIR = join(BENCH_DIR, '.build');

/** The core plus the timing loops, as one script for page.addScriptTag({ content }). */
export async function bundleForPage(): Promise<string> {
  const r = await build({
    entryPoints: [join(BENCH_DIR, 'page-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'error',
  });
  return r.outputFiles[0]!.text;
}

/** A Node ESM bundle of `entry` written to bench/.build/<out>; returns its path. */
export async function bundleForNode(entry: string, out: string): Promise<string> {
  const outfile = join(BUILD_DIR, out);
  await build({
    entryPoints: [join(BENCH_DIR, entry)],
    bundle: true,
    outfile,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

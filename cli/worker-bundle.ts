// The script a worker runs. From the TypeScript sources (`npm run check` runs tsx), a worker would
// load tsx again: about 60 MB more per worker (tsx's loader runs on a thread of its own), and
// Node 20 gives worker threads no loader hooks at all. So worker.ts is bundled once per run with
// esbuild (tsx's own dependency) into node_modules/.cache, where its imports of packages resolve,
// and the file is removed at the end of the run. Built JavaScript (worker.js beside this file)
// is used as it is.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export interface WorkerScript {
  path: string;
  dispose(): void;
}

export async function workerScript(): Promise<WorkerScript> {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return { path: join(dirname(here), 'worker.js'), dispose: () => {} };
  const root = dirname(dirname(here));
  const dir = join(root, 'node_modules', '.cache', 'gov-report-check');
  mkdirSync(dir, { recursive: true });
  // scripts of runs that were killed before they could remove theirs
  for (const f of readdirSync(dir)) {
    const old = join(dir, f);
    if (/^worker-\d+-\d+\.mjs$/.test(f) && Date.now() - statSync(old).mtimeMs > 86_400_000) rmSync(old, { force: true });
  }
  const path = join(dir, `worker-${process.pid}-${Date.now()}.mjs`);
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(dirname(here), 'worker.ts')],
    bundle: true,
    outfile: path,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  // esbuild's service process is not needed any more
  await esbuild.stop();
  return { path, dispose: () => rmSync(path, { force: true }) };
}

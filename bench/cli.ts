// Part 5: the command line's throughput. The corpus (html pages, text files) and the seed fixture
// pages are copied, cycled, into a temp dir of 1,000 files; bench/cli-child.ts is bundled and run in
// a fresh process per mode: the real CLI main() once, one thread, then worker_threads on every core.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { bundleForNode } from './bundle';
import { spread, rounded, type Spread } from './stats';

const run = promisify(execFile);

export interface CliMode {
  mode: string;
  threads: number;
  /** steady rounds (round 1, the cold one, left out), files per second */
  filesPerSec: Spread;
  coldFilesPerSec: number;
  peakRssSampledBytes: number;
  maxRssBytes: number;
}

export interface CliResult {
  files: number;
  sources: number;
  rounds: number;
  modes: CliMode[];
  /** files/s with all cores ÷ files/s with one thread (steady medians) */
  scaling: number | null;
}

interface ChildOut {
  files: number;
  mode: string;
  roundMs: number[];
  peakRssSampled: number;
  maxRss: number;
}

/** Writes `count` copies of the sources, cycled, into a fresh temp dir. */
function replicate(sources: string[], count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-bench-'));
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length]!;
    copyFileSync(src, join(dir, `${String(i).padStart(4, '0')}-${basename(src)}`));
  }
  return dir;
}

async function child(script: string, dir: string, mode: string, rounds: number): Promise<ChildOut> {
  const { stdout } = await run(process.execPath, [script, dir, mode, String(rounds)], { maxBuffer: 64 << 20, timeout: 300_000 });
  const last = stdout.trim().split('\n').pop()!;
  return JSON.parse(last) as ChildOut;
}

export async function benchCli(sources: string[], count: number, rounds: number, log: (s: string) => void): Promise<CliResult> {
  const script = await bundleForNode('cli-child.ts', 'cli-child.mjs');
  const dir = replicate(sources, count);
  const cores = availableParallelism();
  const modes: CliMode[] = [];
  try {
    const plan: [string, number, number][] = [
      ['main', 1, 1],
      ['1', 1, rounds],
      ...(cores > 1 ? [[String(cores), cores, rounds] as [string, number, number]] : []),
    ];
    for (const [mode, threads, r] of plan) {
      log(`  cli: mode ${mode}, ${r} round(s) of ${count} files …`);
      const o = await child(script, dir, mode, r);
      const fps = o.roundMs.map((ms) => (o.files * 1000) / ms);
      const steady = fps.length > 1 ? fps.slice(1) : fps;
      modes.push({
        mode: mode === 'main' ? 'cli main() --format json (reads all, then prints)' : `${threads} thread${threads > 1 ? 's (worker_threads)' : ' (in the main thread)'}`,
        threads, filesPerSec: rounded(spread(steady)), coldFilesPerSec: Number(fps[0]!.toFixed(1)), peakRssSampledBytes: o.peakRssSampled, maxRssBytes: o.maxRss,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const one = modes.find((m) => m.threads === 1 && !m.mode.startsWith('cli'));
  const all = modes.find((m) => m.threads === cores && m.threads > 1);
  return { files: count, sources: sources.length, rounds, modes, scaling: one && all ? Number((all.filesPerSec.median / one.filesPerSec.median).toFixed(2)) : null };
}

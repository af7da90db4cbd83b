// Part 6: the command line's throughput. The corpus (html pages, text files) and the seed fixture
// pages are copied, cycled, into a temp dir of 1,000 files; bench/cli-child.ts is bundled and run in
// a fresh process per mode: the real CLI main() once, one thread, then worker_threads on every core,
// then as many child processes. CPU time is recorded with the wall time: one JavaScript thread
// keeps more than one core busy (V8 collects garbage on helper threads), which bounds the scaling.
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
  /** worker_threads or child processes (the one-thread and main() modes: 'thread') */
  kind: 'thread' | 'process';
  /** steady rounds: CPU time of the process(es) ÷ wall time = cores kept busy (median) */
  coresBusy: number;
  /** steady rounds: CPU ms per file (median) */
  cpuMsPerFile: number;
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
  /** files/s with all cores ÷ files/s with one thread (steady medians), worker_threads */
  scaling: number | null;
  /** the same with child processes */
  scalingProcesses: number | null;
}

interface ChildOut {
  files: number;
  mode: string;
  roundMs: number[];
  roundCpuMs: number[];
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
      ...(cores > 1 ? [[String(cores), cores, rounds] as [string, number, number], [`p${cores}`, cores, rounds] as [string, number, number]] : []),
    ];
    for (const [mode, threads, r] of plan) {
      log(`  cli: mode ${mode}, ${r} round(s) of ${count} files …`);
      const o = await child(script, dir, mode, r);
      const fps = o.roundMs.map((ms) => (o.files * 1000) / ms);
      const steady = (a: number[]): number[] => (a.length > 1 ? a.slice(1) : a);
      const busy = o.roundMs.map((ms, i) => (o.roundCpuMs[i] ?? NaN) / ms);
      const perFile = o.roundCpuMs.map((c) => c / o.files);
      const kind = mode.startsWith('p') ? 'process' : 'thread';
      modes.push({
        mode:
          mode === 'main'
            ? 'cli main() --format json (reads all, then prints)'
            : kind === 'process'
              ? `${threads} child processes`
              : `${threads} thread${threads > 1 ? 's (worker_threads)' : ' (in the main thread)'}`,
        threads, kind, filesPerSec: rounded(spread(steady(fps))), coldFilesPerSec: Number(fps[0]!.toFixed(1)),
        coresBusy: Number(spread(steady(busy)).median.toFixed(2)), cpuMsPerFile: Number(spread(steady(perFile)).median.toFixed(2)),
        peakRssSampledBytes: o.peakRssSampled, maxRssBytes: o.maxRss ?? NaN,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const one = modes.find((m) => m.threads === 1 && !m.mode.startsWith('cli'));
  const ratio = (kind: CliMode['kind']): number | null => {
    const all = modes.find((m) => m.threads === cores && m.threads > 1 && m.kind === kind);
    return one && all ? Number((all.filesPerSec.median / one.filesPerSec.median).toFixed(2)) : null;
  };
  return { files: count, sources: sources.length, rounds, modes, scaling: ratio('thread'), scalingProcesses: ratio('process') };
}

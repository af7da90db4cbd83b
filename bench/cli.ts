// Part 6: the command line's throughput and memory, the real CLI as people run it. The corpus
// (html pages, text files) and the seed fixture pages are linked, cycled, into a temp dir of
// 10,000 files; cli/main.ts runs over the directory (--format csv, stdout into a pipe that counts
// the bytes) with --jobs 1, then --jobs <cores> with child processes (the default) and with worker
// threads, each a few times (bench/cli-child.ts measures one run: wall time, CPU time and peak RSS
// of the CLI and every process it starts). Every run is a fresh process, so each includes its
// start (tsx, and for --jobs > 1 bundling the worker script and starting the workers).
import { copyFileSync, linkSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ROOT } from './bundle';
import { runCli, type CliRun } from './cli-child';
import { spread, rounded, type Spread } from './stats';

export interface CliMode {
  mode: string;
  threads: number;
  /** worker_threads or child processes (--jobs 1: 'thread', the main one) */
  kind: 'thread' | 'process';
  /** CPU time of the CLI's processes ÷ wall time = cores kept busy (median) */
  coresBusy: number;
  /** CPU ms per file (median) */
  cpuMsPerFile: number;
  /** files per second of the runs after the first */
  filesPerSec: Spread;
  /** the first run */
  coldFilesPerSec: number;
  /** highest RSS of the CLI and its child processes, summed, sampled every 20 ms (max over runs) */
  peakRssSampledBytes: number;
  /** not measured for a process tree: NaN */
  maxRssBytes: number;
  /** bytes of CSV the CLI wrote into the pipe (the same for every mode, or the output was cut) */
  bytesOut: number;
}

export interface CliResult {
  files: number;
  sources: number;
  rounds: number;
  modes: CliMode[];
  /** files/s with all cores ÷ files/s with --jobs 1 (medians), worker_threads */
  scaling: number | null;
  /** the same with child processes */
  scalingProcesses: number | null;
}

/** Links (or copies) `count` files, the sources cycled, into a fresh temp dir. */
function replicate(sources: string[], count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-bench-'));
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length]!;
    const to = join(dir, `${String(i).padStart(5, '0')}-${basename(src)}`);
    try {
      linkSync(src, to);
    } catch {
      copyFileSync(src, to);
    }
  }
  return dir;
}

export async function benchCli(sources: string[], count: number, rounds: number, log: (s: string) => void): Promise<CliResult> {
  const dir = replicate(sources, count);
  const cores = availableParallelism();
  const modes: CliMode[] = [];
  try {
    type Mode = [number, 'threads' | 'processes'];
    const plan: Mode[] = [[1, 'threads'], ...(cores > 1 ? [[cores, 'processes'] as Mode, [cores, 'threads'] as Mode] : [])];
    for (const [jobs, pool] of plan) {
      const runs: CliRun[] = [];
      for (let r = 0; r < rounds; r++) {
        log(`  cli: --jobs ${jobs}${jobs > 1 ? ` (${pool})` : ''}, run ${r + 1} of ${rounds} over ${count} files …`);
        const run = await runCli(ROOT, jobs, pool, 'csv', [dir]);
        if (run.exitCode !== 0) throw new Error(`the CLI exited ${run.exitCode}: ${run.summary}`);
        runs.push(run);
      }
      const fps = runs.map((r) => (count * 1000) / r.wallMs);
      const steady = (a: number[]): number[] => (a.length > 1 ? a.slice(1) : a);
      const kind = jobs > 1 && pool === 'processes' ? 'process' : 'thread';
      modes.push({
        // (budgets.ts leaves out modes named cli…: these are all the real CLI)
        mode: jobs === 1 ? '--jobs 1' : `--jobs ${jobs}, ${pool === 'processes' ? 'child processes' : 'worker_threads'}`,
        threads: jobs, kind,
        filesPerSec: rounded(spread(steady(fps))), coldFilesPerSec: Number(fps[0]!.toFixed(1)),
        coresBusy: Number(spread(steady(runs.map((r) => r.cpuMs / r.wallMs))).median.toFixed(2)),
        cpuMsPerFile: Number(spread(steady(runs.map((r) => r.cpuMs / count))).median.toFixed(2)),
        peakRssSampledBytes: Math.max(...runs.map((r) => r.peakRssBytes)), maxRssBytes: NaN,
        bytesOut: runs[0]!.bytesOut,
      });
      const sizes = new Set(runs.map((r) => r.bytesOut));
      if (sizes.size > 1) throw new Error(`--jobs ${jobs}: output sizes differ between runs: ${[...sizes].join(', ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sizes = new Set(modes.map((m) => m.bytesOut));
  if (sizes.size > 1) throw new Error(`output sizes differ between modes: ${[...sizes].join(', ')}`);
  const one = modes.find((m) => m.threads === 1);
  const ratio = (kind: CliMode['kind']): number | null => {
    const all = modes.find((m) => m.threads === cores && m.threads > 1 && m.kind === kind);
    return one && all ? Number((all.filesPerSec.median / one.filesPerSec.median).toFixed(2)) : null;
  };
  return { files: count, sources: sources.length, rounds, modes, scaling: ratio('thread'), scalingProcesses: ratio('process') };
}

// Part 6, one run of the real command line, measured from outside (runCli, used by bench/cli.ts;
// or on its own: npx tsx bench/cli-child.ts <jobs> <threads|processes> <format> <path>...).
// Starts `node --import tsx cli/main.ts <path>... --format <format> --jobs <jobs>` (the code
// `npm run check` runs, without npm's and tsx's own launcher processes) with stdout into a pipe
// that counts the bytes and drops them, samples the resident memory of the CLI and all its
// descendants (worker threads are in the CLI's own RSS, child processes are summed) every 20 ms
// from /proc, and prints one JSON line: wall time, CPU time of the whole tree (each process's
// utime + stime as last sampled), peak RSS, bytes out, the CLI's exit
// status and the summary line it printed on stderr.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CliRun {
  jobs: number;
  pool: string;
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
  bytesOut: number;
  exitCode: number | null;
  summary: string;
}

/** utime+stime of a process in ms (and of its waited-for children), from /proc/<pid>/stat (100 ticks a second). */
function cpuTimes(pid: number): { own: number; children: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
  const tick = (i: number) => Number(f[i]) * 10;
  return { own: tick(11) + tick(12), children: tick(13) + tick(14) };
}

/** RSS in bytes of a process and every descendant, and the CPU ms each has used so far, from /proc. */
function sampleTree(root: number, cpu: Map<number, number>): number {
  let rss = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      rss += m ? Number(m[1]) * 1024 : 0;
      cpu.set(pid, cpuTimes(pid).own);
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const kids = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (kids) stack.push(...kids.split(' ').map(Number));
      }
    } catch {
      // the process ended between two reads
    }
  }
  return rss;
}

export function runCli(root: string, jobs: number, pool: string, format: string, paths: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'cli', 'main.ts'), ...paths, '--format', format, '--jobs', String(jobs)], {
      cwd: root,
      env: { ...process.env, GOV_REPORT_CHECK_POOL: pool },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let bytesOut = 0;
    let stderrTail = '';
    let peak = 0;
    child.stdout.on('data', (b: Buffer) => (bytesOut += b.length));
    child.stderr.on('data', (b: Buffer) => (stderrTail = (stderrTail + b.toString('utf8')).slice(-4000)));
    // CPU: the last sample of each process of the tree; the CLI's children may end unwaited for
    const cpu = new Map<number, number>();
    const sampler = setInterval(() => (peak = Math.max(peak, sampleTree(child.pid!, cpu))), 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const wallMs = performance.now() - t0;
      const summary = stderrTail.trim().split('\n').pop() ?? '';
      // as last sampled (≤ 20 ms before each process ended): the CLI's cutime would count the
      // children it waited for twice, and miss those it did not
      const cpuMs = [...cpu.values()].reduce((a, b) => a + b, 0);
      resolve({ jobs, pool, wallMs, cpuMs, peakRssBytes: peak, bytesOut, exitCode: code, summary });
    });
  });
}

// npx tsx bench/cli-child.ts <jobs> <pool> <format> <path>... (the root is the working directory)
if (process.argv[1] && /cli-child\.ts$/.test(process.argv[1])) {
  const [jobs, pool, format, ...paths] = process.argv.slice(2);
  void runCli(process.cwd(), Number(jobs), pool!, format!, paths).then((r) => process.stdout.write(JSON.stringify(r) + '\n'));
}

// Part 6, run in a fresh child process (bundled by bench/cli.ts) so its memory is its own:
//   node cli-child.mjs <dir> <mode> <rounds>
// mode "main":  the real CLI, cli/main.ts main() once over every file (--format json, output
//               counted and dropped): reads all, then prints all, as the command does
// mode "1":     one thread, file by file: readSource → analyzeExtract → summarize (text output)
// mode "N>1":   N worker_threads pulling files from a shared counter, same work per file
// mode "pN":    N child processes (this script again, role "proc") pulling files from this one by
//               IPC, same work per file: nothing shared but the machine
// Round 1 is the cold one (JIT, first reads); the others are the steady state. Prints one JSON line
// with the wall time and the CPU time of each round (process.cpuUsage: every thread of the process,
// V8's GC helpers included; in mode pN the children's CPU time as they report it).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSource } from '../cli/read-source';
import { analyzeExtract } from '../lib/analyze';
import { summarize } from '../cli/summary';
import { main as cliMain } from '../cli/main';

interface Job {
  files: string[];
  counter: Int32Array;
}

async function work(job: Job): Promise<number> {
  let chars = 0;
  for (;;) {
    const i = Atomics.add(job.counter, 0, 1);
    if (i >= job.files.length) return chars;
    chars += summarize(analyzeExtract(await readSource(job.files[i]!))).length;
  }
}

/** Messages between this process and its children in mode pN. */
type ToChild = { go: true } | { files: number[] } | { exit: true };
type ToParent = { want: true } | { done: true; cpuMs: number; chars: number };

/** A child process of mode pN: asks for files a few at a time until none are left, each round. */
function procChild(files: string[]): void {
  let chars = 0;
  let c0 = process.cpuUsage();
  process.on('message', (msg: ToChild) => {
    if ('go' in msg) {
      chars = 0;
      c0 = process.cpuUsage();
      process.send!({ want: true } satisfies ToParent);
    } else if ('files' in msg) {
      void (async () => {
        if (msg.files.length === 0) {
          const c = process.cpuUsage(c0);
          process.send!({ done: true, cpuMs: (c.user + c.system) / 1000, chars } satisfies ToParent);
          return;
        }
        for (const i of msg.files) chars += summarize(analyzeExtract(await readSource(files[i]!))).length;
        process.send!({ want: true } satisfies ToParent);
      })();
    } else process.exit(0);
  });
}

if (!isMainThread) {
  const { files, shared } = workerData as { files: string[]; shared: SharedArrayBuffer };
  const job: Job = { files, counter: new Int32Array(shared) };
  parentPort!.on('message', (msg: string) => {
    if (msg === 'go') void work(job).then((chars) => parentPort!.postMessage(chars));
    else process.exit(0);
  });
} else if (process.env.BENCH_CLI_ROLE === 'proc') {
  procChild(listFiles(process.argv[2]!));
} else {
  void run();
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).sort().map((f) => join(dir, f));
}

/** One round of mode pN: every child pulls batches of `batch` file indices until none are left. */
function procRound(children: ChildProcess[], count: number, batch: number): Promise<number> {
  let next = 0;
  let cpuMs = 0;
  return new Promise((done) => {
    let left = children.length;
    for (const c of children) {
      const onMessage = (msg: ToParent): void => {
        if ('want' in msg) {
          const files: number[] = [];
          while (files.length < batch && next < count) files.push(next++);
          c.send({ files } satisfies ToChild);
        } else {
          cpuMs += msg.cpuMs;
          c.off('message', onMessage);
          if (--left === 0) done(cpuMs);
        }
      };
      c.on('message', onMessage);
      c.send({ go: true } satisfies ToChild);
    }
  });
}

async function run(): Promise<void> {
  const [dir, mode, roundsArg] = process.argv.slice(2);
  const files = listFiles(dir!);
  const rounds = Number(roundsArg ?? '3');
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
  const roundMs: number[] = [];
  const roundCpuMs: number[] = [];
  const cpuNow = (): number => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  if (mode!.startsWith('p')) {
    const n = Number(mode!.slice(1));
    const self = fileURLToPath(import.meta.url);
    const children = Array.from({ length: n }, () => fork(self, [dir!], { env: { ...process.env, BENCH_CLI_ROLE: 'proc' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
    let childPeak = 0;
    const rssSampler = setInterval(() => {
      // the children's memory: /proc/<pid>/status VmRSS, summed
      let sum = 0;
      for (const c of children) sum += procRss(c.pid);
      childPeak = Math.max(childPeak, sum);
    }, 20);
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      const cpu = await procRound(children, files.length, 4);
      roundMs.push(performance.now() - t);
      roundCpuMs.push(cpu);
    }
    clearInterval(rssSampler);
    for (const c of children) c.send({ exit: true } satisfies ToChild);
    peakRss = Math.max(peakRss, childPeak + process.memoryUsage.rss());
  } else if (mode === 'main') {
    let bytes = 0;
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string | Uint8Array) => ((bytes += s.length), true)) as typeof process.stdout.write;
    const t = performance.now();
    const c = cpuNow();
    const code = await cliMain([...files, '--format', 'json']);
    roundMs.push(performance.now() - t);
    roundCpuMs.push(cpuNow() - c);
    process.stdout.write = write;
    if (code !== 0 || bytes === 0) throw new Error(`cli main exited ${code} with ${bytes} bytes of output`);
  } else if (mode === '1') {
    const job: Job = { files, counter: new Int32Array(new SharedArrayBuffer(4)) };
    for (let r = 0; r < rounds; r++) {
      job.counter[0] = 0;
      const t = performance.now();
      const c = cpuNow();
      await work(job);
      roundMs.push(performance.now() - t);
      roundCpuMs.push(cpuNow() - c);
    }
  } else {
    const threads = Number(mode);
    const shared = new SharedArrayBuffer(4);
    const counter = new Int32Array(shared);
    const self = fileURLToPath(import.meta.url);
    const workers = Array.from({ length: threads }, () => new Worker(self, { workerData: { files, shared } }));
    await Promise.all(workers.map((w) => new Promise((ok) => w.once('online', ok))));
    for (let r = 0; r < rounds; r++) {
      counter[0] = 0;
      const t = performance.now();
      const c = cpuNow();
      await Promise.all(workers.map((w) => new Promise((ok) => (w.once('message', ok), w.postMessage('go')))));
      roundMs.push(performance.now() - t);
      roundCpuMs.push(cpuNow() - c);
    }
    for (const w of workers) w.postMessage('exit');
  }
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const maxRssBytes = mode!.startsWith('p') ? NaN : process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ files: files.length, mode, roundMs, roundCpuMs, peakRssSampled: peakRss, maxRss: maxRssBytes }) + '\n');
}

/** Resident memory of a process in bytes, from /proc (0 when unreadable). */
function procRss(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

// Part 5, run in a fresh child process (bundled by bench/cli.ts) so its memory is its own:
//   node cli-child.mjs <dir> <mode> <rounds>
// mode "main":  the real CLI, cli/main.ts main() once over every file (--format json, output
//               counted and dropped): reads all, then prints all, as the command does
// mode "1":     one thread, file by file: readSource → analyzeExtract → summarize (text output)
// mode "N>1":   N worker_threads pulling files from a shared counter, same work per file
// Round 1 is the cold one (JIT, first reads); the others are the steady state. Prints one JSON line.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readdirSync } from 'node:fs';
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

if (!isMainThread) {
  const { files, shared } = workerData as { files: string[]; shared: SharedArrayBuffer };
  const job: Job = { files, counter: new Int32Array(shared) };
  parentPort!.on('message', (msg: string) => {
    if (msg === 'go') void work(job).then((chars) => parentPort!.postMessage(chars));
    else process.exit(0);
  });
} else {
  void run();
}

async function run(): Promise<void> {
  const [dir, mode, roundsArg] = process.argv.slice(2);
  const files = readdirSync(dir!).sort().map((f) => join(dir!, f));
  const rounds = Number(roundsArg ?? '3');
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
  const roundMs: number[] = [];
  if (mode === 'main') {
    let bytes = 0;
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string | Uint8Array) => ((bytes += s.length), true)) as typeof process.stdout.write;
    const t = performance.now();
    const code = await cliMain([...files, '--format', 'json']);
    roundMs.push(performance.now() - t);
    process.stdout.write = write;
    if (code !== 0 || bytes === 0) throw new Error(`cli main exited ${code} with ${bytes} bytes of output`);
  } else if (mode === '1') {
    const job: Job = { files, counter: new Int32Array(new SharedArrayBuffer(4)) };
    for (let r = 0; r < rounds; r++) {
      job.counter[0] = 0;
      const t = performance.now();
      await work(job);
      roundMs.push(performance.now() - t);
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
      await Promise.all(workers.map((w) => new Promise((ok) => (w.once('message', ok), w.postMessage('go')))));
      roundMs.push(performance.now() - t);
    }
    for (const w of workers) w.postMessage('exit');
  }
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ files: files.length, mode, roundMs, peakRssSampled: peakRss, maxRss: maxRssBytes }) + '\n');
}

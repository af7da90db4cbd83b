// The workers of a run: `--jobs 1` works in the main thread; more jobs run in worker threads (the
// default) or child processes (GOV_REPORT_CHECK_POOL=processes; main.ts says why threads), and
// the main thread reads files too, beside N-1 workers: that spares one Node instance's memory
// (about 60 MB) and the passing of its share of the output between threads. A worker that dies
// (a file that exhausts its memory …) fails the files it held with a message and is replaced;
// the run goes on (on the main thread alone, should workers keep dying or be unable to start).
import { fork, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { workerScript, type WorkerScript } from './worker-bundle';
import { WORKER_OPTIONS_ENV, workFile, type FileResult, type Job, type WorkOptions } from './work';

export type PoolKind = 'threads' | 'processes';

/**
 * A worker thread's young generation. V8 sizes it by the machine's memory (up to 48 MB); 16 MB
 * took 20–25 MB off the peak RSS of a 2,000-page run with 2 threads and no CPU time measurable
 * (8.6–8.8 s of CPU either way).
 */
const YOUNG_GENERATION_MB = 16;

/**
 * Files a worker holds at a time: one at work, the others waiting, so it does not idle while the
 * main thread, busy with a file of its own, has not yet read its last result.
 */
const HELD = 3;

export interface Runner {
  run(job: Job): Promise<FileResult>;
  close(): Promise<void>;
}

/** --jobs 1: the main thread does the work. */
class InlineRunner implements Runner {
  constructor(private opts: WorkOptions) {}
  run(job: Job): Promise<FileResult> {
    return workFile(job, this.opts);
  }
  async close(): Promise<void> {}
}

/** A worker thread or a child process, as the pool sees it. */
interface Port {
  send(job: Job): void;
  kill(): void;
}

interface Slot {
  port: Port;
  held: Map<number, Job>;
}

class WorkerPool implements Runner {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private waiting = new Map<number, (r: FileResult) => void>();
  private closed = false;
  /** workers that died since a file last came back: many in a row, and no worker can start */
  private deaths = 0;
  /** why no worker can start (too many died in a row, or no script): the main thread goes on alone */
  private broken: string | null = null;

  private inlineBusy = false;
  private script: WorkerScript | null = null;
  private starting: Promise<void> | null = null;

  constructor(private size: number, private kind: PoolKind, private opts: WorkOptions) {}

  run(job: Job): Promise<FileResult> {
    return new Promise((resolve) => {
      this.waiting.set(job.index, resolve);
      this.queue.push(job);
      this.dispatch();
    });
  }

  private dispatch(): void {
    // the main thread is one of the N: it takes a file whenever it has none (from the start, while
    // the workers' script is made), and N-1 workers take the rest
    if (this.queue.length && !this.inlineBusy && !this.closed) {
      const job = this.queue.shift()!;
      this.inlineBusy = true;
      void workFile(job, this.opts).then((r) => {
        this.inlineBusy = false;
        this.settle(null, r);
      });
    }
    if (!this.queue.length || this.broken) return;
    if (!this.script) {
      // the worker's script is made once, when the first file arrives
      this.starting ??= workerScript().then(
        (script) => {
          this.script = script;
          // closed meanwhile (the reader of the output went away)
          if (this.closed) script.dispose();
          else this.dispatch();
        },
        (e: unknown) => {
          this.broken = `no worker could start (${e instanceof Error ? e.message : String(e)})`;
        },
      );
      return;
    }
    while (this.queue.length) {
      let slot = this.slots.reduce<Slot | undefined>((best, s) => (s.held.size < HELD && (!best || s.held.size < best.held.size) ? s : best), undefined);
      // workers start as work arrives: a run of one file starts none
      if ((!slot || slot.held.size > 0) && this.slots.length < this.size - 1) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.held.set(job.index, job);
      slot.port.send(job);
    }
  }

  private settle(slot: Slot | null, r: FileResult): void {
    slot?.held.delete(r.index);
    const resolve = this.waiting.get(r.index);
    this.waiting.delete(r.index);
    resolve?.(r);
    this.dispatch();
  }

  private died(slot: Slot, why: string): void {
    this.slots = this.slots.filter((s) => s !== slot);
    if (this.closed) return;
    const fail = (job: Job) => this.settle(slot, { ok: false, index: job.index, path: job.path, error: `its reader stopped (${why})` });
    if (++this.deaths > 2 * this.size + 2) this.broken = `no worker could start (${why})`;
    for (const job of [...slot.held.values()]) fail(job);
    this.dispatch();
  }

  private spawn(): Slot {
    const script = this.script!;
    const slot = { held: new Map<number, Job>() } as Slot;
    if (this.kind === 'threads') {
      const w = new Worker(script.path, { workerData: { opts: this.opts }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      w.on('message', (r: FileResult) => ((this.deaths = 0), this.settle(slot, r)));
      w.on('error', (e) => this.died(slot, e.message));
      w.on('exit', (code) => this.died(slot, `exit code ${code}`));
      slot.port = { send: (job) => w.postMessage(job), kill: () => void w.terminate() };
    } else {
      const c: ChildProcess = fork(script.path, [], {
        execArgv: [],
        env: { ...process.env, [WORKER_OPTIONS_ENV]: JSON.stringify(this.opts) },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        serialization: 'advanced',
      });
      c.on('message', (r: FileResult) => ((this.deaths = 0), this.settle(slot, r)));
      c.on('error', (e) => this.died(slot, e.message));
      c.on('exit', (code, signal) => this.died(slot, signal ? `signal ${signal}` : `exit code ${code}`));
      slot.port = { send: (job) => c.send(job), kill: () => void c.kill() };
    }
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) s.port.kill();
    this.slots = [];
    // a script still being made is removed once made, before the process ends
    await this.starting;
    this.script?.dispose();
  }
}

export function createRunner(jobs: number, kind: PoolKind, opts: WorkOptions): Runner {
  return jobs <= 1 ? new InlineRunner(opts) : new WorkerPool(jobs, kind, opts);
}

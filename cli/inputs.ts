// The files of a run, in the order people gave them: files as named, directories walked
// (recursively, names sorted, only the kinds of file-kinds.ts), and `-` for a list of paths on
// stdin, one a line (or NUL-separated, as `find -print0` writes them). Listed lazily, so a run
// over a province's crawl starts at once; InputQueue reads ahead a bounded number of paths so the
// progress line can show a total for all but the largest runs.
import { createInterface } from 'node:readline';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { isReadablePath } from './file-kinds';

export interface Input {
  path: string;
  /** why the path cannot be read, when listing found out already (no such file …) */
  error?: string;
}

export interface ListStats {
  /** files of a walked directory that are not of a kind the CLI reads */
  skipped: number;
}

/** A file-system error as the user should read it. */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  return e instanceof Error ? e.message : String(e);
}

async function* walk(dir: string, stats: ListStats): AsyncGenerator<Input> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { path: dir, error: describeError(e) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of entries) {
    const path = join(dir, d.name);
    if (d.isDirectory()) yield* walk(path, stats);
    else if (d.isFile() || d.isSymbolicLink()) {
      // a link is followed to a file, never to a directory (no cycles); a dangling one is unreadable
      if (d.isSymbolicLink()) {
        const s = await stat(path).catch(() => null);
        if (s?.isDirectory()) continue;
      }
      if (isReadablePath(path)) yield { path };
      else stats.skipped++;
    } else stats.skipped++;
  }
}

/** One path as given: a directory is walked, anything else is one input (read later). */
async function* expand(path: string, stats: ListStats): AsyncGenerator<Input> {
  let s;
  try {
    s = await stat(path);
  } catch (e) {
    yield { path, error: describeError(e) };
    return;
  }
  if (s.isDirectory()) yield* walk(path, stats);
  else yield { path };
}

/** Paths from a stream, one a line or NUL-separated; blank lines left out. */
async function* pathsFrom(stream: NodeJS.ReadableStream | Readable): AsyncGenerator<string> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of lines) {
    for (const p of line.split('\0')) if (p.trim() !== '') yield p.replace(/\r$/, '');
  }
}

/** `stdin` is called only when `-` is among the args. */
export async function* listInputs(args: readonly string[], stdin: () => NodeJS.ReadableStream | Readable, stats: ListStats): AsyncGenerator<Input> {
  for (const a of args) {
    if (a === '-') for await (const p of pathsFrom(stdin())) yield* expand(p, stats);
    else yield* expand(a, stats);
  }
}

/**
 * The inputs read ahead of the workers, up to `ahead` paths (a path is about 100 bytes, so the
 * default holds a few MB at most): `total` is known once the listing ends within that bound.
 */
export class InputQueue {
  private buffer: Input[] = [];
  private head = 0;
  private waiting: ((i: Input | null) => void)[] = [];
  private full: (() => void) | null = null;
  private ended = false;
  private failure: unknown = null;
  /** inputs listed so far */
  listed = 0;

  constructor(private source: AsyncIterable<Input>, private ahead = 10_000) {
    void this.fill();
  }

  /** the number of inputs, once the listing has ended; null before */
  get total(): number | null {
    return this.ended ? this.listed : null;
  }

  private get size(): number {
    return this.buffer.length - this.head;
  }

  private async fill(): Promise<void> {
    try {
      for await (const input of this.source) {
        this.listed++;
        const w = this.waiting.shift();
        if (w) w(input);
        else this.buffer.push(input);
        if (this.size >= this.ahead) await new Promise<void>((ok) => (this.full = ok));
      }
    } catch (e) {
      this.failure = e;
    }
    this.ended = true;
    for (const w of this.waiting.splice(0)) w(null);
  }

  /** The next input, or null when there are no more. Throws what the listing threw. */
  async next(): Promise<Input | null> {
    if (this.size > 0) {
      const input = this.buffer[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.buffer.length) {
        this.buffer = this.buffer.slice(this.head);
        this.head = 0;
      }
      if (this.full && this.size < this.ahead) {
        const f = this.full;
        this.full = null;
        f();
      }
      return input;
    }
    if (this.ended) {
      if (this.failure) throw this.failure;
      return null;
    }
    return new Promise((ok) => this.waiting.push(ok));
  }
}

// Writing to stdout as a stream: each write waits when the stream's buffer is full (back-pressure:
// a slow reader slows the run, memory stays flat), `finish` resolves only once everything written
// has been handed to the system, and a reader that goes away (EPIPE: `| head`) closes the stream
// quietly instead of throwing. Node writes to a pipe asynchronously once the pipe is full; a
// process that exits before then loses the rest, which is how output used to end at 64 KB.
import type { Writable } from 'node:stream';

export class StreamOut {
  /** the reader went away (EPIPE) or the stream failed: nothing more is written */
  closed = false;
  /** bytes handed to the stream */
  bytes = 0;
  private lastWrite: Promise<void> = Promise.resolve();
  private onClose: (() => void)[] = [];

  constructor(private stream: Writable | NodeJS.WriteStream) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      // EPIPE: the reader closed early. Any other error ends the output too; the summary says so.
      this.close(e.code === 'EPIPE' ? null : e);
    });
  }

  /** error other than EPIPE that closed the stream */
  failure: Error | null = null;

  private close(e: Error | null): void {
    if (this.closed) return;
    this.closed = true;
    this.failure = e;
    for (const f of this.onClose.splice(0)) f();
  }

  /** Calls f once when the stream closes (at once if it is closed); returns how to cancel that. */
  whenClosed(f: () => void): () => void {
    if (this.closed) f();
    else this.onClose.push(f);
    return () => {
      const i = this.onClose.indexOf(f);
      if (i >= 0) this.onClose.splice(i, 1);
    };
  }

  /** Writes s; resolves at once, or when the stream has room again if its buffer is full. */
  write(s: string | Uint8Array): Promise<void> | void {
    if (this.closed || s.length === 0) return;
    this.bytes += typeof s === 'string' ? Buffer.byteLength(s) : s.length;
    let flushed!: () => void;
    this.lastWrite = new Promise<void>((ok) => (flushed = ok));
    const room = this.stream.write(s, () => flushed());
    if (room) return;
    return new Promise<void>((ok) => {
      let cancel = (): void => {};
      const done = () => {
        this.stream.off('drain', done);
        cancel();
        ok();
      };
      this.stream.on('drain', done);
      cancel = this.whenClosed(done);
    });
  }

  /** Resolves once everything written so far has left the process (or the stream closed). */
  finish(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((ok) => {
      const cancel = this.whenClosed(ok);
      void this.lastWrite.then(() => (cancel(), ok()));
    });
  }
}

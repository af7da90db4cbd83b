// Politeness: requests start one at a time through this gate, at least `pauseMs` after the
// previous start, and a worker waits `pauseMs` after its own last request ended (so one worker
// alone leaves a pause between requests, not only between their starts). Time is injected.
export interface Clock {
  sleep(ms: number): Promise<void>;
  now(): number;
}

export class Gate {
  private lastStart = Number.NEGATIVE_INFINITY;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly pauseMs: number,
    private readonly clock: Clock,
  ) {}

  /** Resolves when a request may start; `lastEnd`: when the caller's previous request ended. */
  enter(lastEnd = Number.NEGATIVE_INFINITY): Promise<void> {
    const turn = this.queue.then(async () => {
      const wait = Math.max(this.lastStart, lastEnd) + this.pauseMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      this.lastStart = this.clock.now();
    });
    // one caller's failure (a sleep that threw) must not block the others
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

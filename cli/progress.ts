// What a run tells on stderr: each file it could not read or that is not a report, a progress
// line while it runs when stderr is a terminal (files done / total, rate, time left), and always
// one summary line at the end. Never on stdout.

export interface Tally {
  files: number;
  reports: number;
  withErrors: number;
  notReports: number;
  unreadable: number;
  skipped: number;
  pairs: number;
  crossYearFindings: number;
}

export function newTally(): Tally {
  return { files: 0, reports: 0, withErrors: 0, notReports: 0, unreadable: 0, skipped: 0, pairs: 0, crossYearFindings: 0 };
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** The one line at the end of every run. */
export function summaryLine(t: Tally, seconds: number, stopped: string | null): string {
  const parts = [
    plural(t.files, 'file'),
    plural(t.reports, 'report'),
    `${t.withErrors} with errors`,
    `${t.notReports} not ${t.notReports === 1 ? 'a report' : 'reports'}`,
    `${t.unreadable} unreadable`,
  ];
  if (t.skipped) parts.push(`${t.skipped} other files skipped`);
  if (t.pairs) parts.push(`${plural(t.pairs, 'year pair')} checked across years, ${plural(t.crossYearFindings, 'cross-year finding')}`);
  const rate = seconds > 0 ? ` (${(t.files / seconds).toFixed(0)} files/s)` : '';
  return `check: ${parts.join(', ')}; ${seconds.toFixed(1)} s${rate}${stopped ? `; stopped: ${stopped}` : ''}`;
}

export class Progress {
  private started = performance.now();
  private lastDraw = 0;
  private shown = false;

  /** live: stderr is a terminal (the line is redrawn in place) */
  constructor(private err: NodeJS.WriteStream, private live: boolean) {}

  seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** A message about one file, on a line of its own. */
  say(line: string): void {
    this.clear();
    this.err.write(line + '\n');
  }

  private clear(): void {
    if (this.shown) this.err.write('\r\x1b[K');
    this.shown = false;
  }

  /** Redraws the progress line, at most five times a second. */
  tick(done: number, total: number | null): void {
    if (!this.live) return;
    const now = performance.now();
    if (now - this.lastDraw < 200) return;
    this.lastDraw = now;
    const s = this.seconds();
    const rate = s > 0 ? done / s : 0;
    const left = total !== null && rate > 0 ? `, ${clock((total - done) / rate)} left` : '';
    this.err.write(`\r\x1b[Kcheck: ${done}${total !== null ? ` / ${total}` : ''} files, ${rate.toFixed(0)} files/s${left}`);
    this.shown = true;
  }

  /** The summary line; resolves once stderr has taken it. */
  end(t: Tally, stopped: string | null): Promise<void> {
    this.clear();
    return new Promise((ok) => this.err.write(summaryLine(t, this.seconds(), stopped) + '\n', () => ok()));
  }
}

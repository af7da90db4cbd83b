import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { newTally, Progress, summaryLine } from './progress';

function stream(): NodeJS.WriteStream & { text: () => string } {
  let out = '';
  const w = new Writable({ write: (c: Buffer, _e, cb) => ((out += c.toString('utf8')), cb()) });
  return Object.assign(w, { text: () => out }) as unknown as NodeJS.WriteStream & { text: () => string };
}

describe('progress on stderr', () => {
  it('on a terminal: a line redrawn in place with done / total, rate and time left, cleared before messages', async () => {
    const err = stream();
    const p = new Progress(err, true);
    await new Promise((ok) => setTimeout(ok, 30));
    p.tick(5, 20);
    p.tick(6, 20); // within 200 ms of the last: not drawn
    p.say('check: x.html: not a report');
    await p.end({ ...newTally(), files: 20, reports: 19, notReports: 1 }, null);
    const t = err.text();
    expect(t).toMatch(/^\r\x1b\[Kcheck: 5 \/ 20 files, \d+ files\/s, \d+:\d\d left\r\x1b\[Kcheck: x\.html: not a report\n/);
    expect(t).not.toContain('6 / 20');
    expect(t.split('\n').at(-2)).toMatch(/^check: 20 files, 19 reports, 0 with errors, 1 not a report, 0 unreadable; \d+\.\d s/);
  });

  it('elsewhere: no progress line, only the messages and the summary', async () => {
    const err = stream();
    const p = new Progress(err, false);
    p.tick(5, 20);
    await p.end({ ...newTally(), files: 1, reports: 1 }, 'output closed by its reader');
    expect(err.text()).not.toContain('\r');
    expect(err.text()).toMatch(/^check: 1 file, 1 report, .*; stopped: output closed by its reader\n$/);
  });

  it('the summary names cross-year pairs and skipped files only when there are some', () => {
    const t = { ...newTally(), files: 3, reports: 2, withErrors: 1, unreadable: 1, skipped: 4, pairs: 1, crossYearFindings: 2 };
    expect(summaryLine(t, 2, null)).toBe('check: 3 files, 2 reports, 1 with errors, 0 not reports, 1 unreadable, 4 other files skipped, 1 year pair checked across years, 2 cross-year findings; 2.0 s (2 files/s)');
    expect(summaryLine(newTally(), 0, null)).toBe('check: 0 files, 0 reports, 0 with errors, 0 not reports, 0 unreadable; 0.0 s');
  });
});

// Test helpers (tests only): the fixture site of tests/fixtures/site served by a fake fetchBytes
// that reads its files, on a fake clock, recording every request with its start and end.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseLiteHtml } from '../../../cli/lite-dom';
import { NODE_FILE_DEPS } from '../../../cli/read-source';
import { readReportFile } from '../../../lib/extract/file';
import type { FetchedBytes, SweepDeps } from '../../../lib/sweep/types';

export const SITE_DIR = resolve(__dirname, '../../fixtures/site');
export const ORIGIN = 'http://127.0.0.1:8000';
export const COLUMN_URL = `${ORIGIN}/zwgk/zfxxgknb/`;
export const OTHER_SITE = 'http://www.qingshixian.example/zwgk/zfxxgknb/202401/t20240126_5501.html';

const TYPES: Record<string, string> = { html: 'text/html', pdf: 'application/pdf', docx: 'application/octet-stream' };

export interface Call {
  url: string;
  start: number;
  end: number;
}

export interface FakeSite {
  deps: SweepDeps;
  calls: Call[];
  maxInFlight(): number;
  clock(): number;
}

export const parseHtml = (html: string): Document => parseLiteHtml(html) as unknown as Document;

export function listDoc(path = 'zwgk/zfxxgknb/index.html'): Document {
  return parseHtml(readFileSync(join(SITE_DIR, path), 'utf8'));
}

/**
 * A fake site: `files` (url → answer) first, then the fixture folder for addresses on ORIGIN,
 * 404 for anything else there. Each request takes `latency` ms of the fake clock.
 */
export function fakeSite(opts: { latency?: number; files?: Record<string, Partial<FetchedBytes> & { body?: string }>; readFiles?: boolean } = {}): FakeSite {
  let t = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const calls: Call[] = [];
  const latency = opts.latency ?? 120;
  const deps: SweepDeps = {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
    parseHtml,
    ...(opts.readFiles === false ? {} : { readFile: (bytes: Uint8Array, name: string) => readReportFile(bytes, name, NODE_FILE_DEPS) }),
    fetchBytes: async (url, signal) => {
      const call: Call = { url, start: t, end: t };
      calls.push(call);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        // let the other worker run while this request is "on the wire"
        await new Promise((r) => setImmediate(r));
        t += latency;
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        const fixed = opts.files?.[url];
        if (fixed) {
          const bytes = fixed.bytes ?? new TextEncoder().encode(fixed.body ?? '');
          return { status: fixed.status ?? 200, contentType: fixed.contentType ?? 'text/html', bytes, finalUrl: fixed.finalUrl ?? url };
        }
        if (!url.startsWith(`${ORIGIN}/`)) throw new TypeError('Failed to fetch');
        let file = join(SITE_DIR, decodeURIComponent(new URL(url).pathname));
        if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
        if (!existsSync(file)) return { status: 404, contentType: 'text/plain; charset=utf-8', bytes: new TextEncoder().encode('not found'), finalUrl: url };
        const ext = file.slice(file.lastIndexOf('.') + 1);
        return { status: 200, contentType: TYPES[ext] ?? 'application/octet-stream', bytes: new Uint8Array(readFileSync(file)), finalUrl: url };
      } finally {
        inFlight--;
        call.end = t;
      }
    },
  };
  return { deps, calls, maxInFlight: () => maxInFlight, clock: () => t };
}

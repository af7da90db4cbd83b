// The sweep's contract with whoever runs it (the popup's page, a test, the CLI): what it needs
// injected (requests, parsing, files, time), the limits it obeys, and what it hands back. Plain
// data only, so a result can cross a message boundary or be written as JSON.
import type { Finding, Message, Report } from '../report';
import type { PageExtract } from '../extract/types';
import type { LinkKind } from './list';

export interface FetchedBytes {
  /** HTTP status; 0 when there was no HTTP answer */
  status: number;
  /** the Content-Type header ('' when absent) */
  contentType: string;
  bytes: Uint8Array;
  /** the address after redirects */
  finalUrl: string;
}

export interface SweepDeps {
  /** One GET. Rejects on a network failure or when `signal` aborts; never retried by the sweep. */
  fetchBytes(url: string, signal: AbortSignal): Promise<FetchedBytes>;
  /** HTML → Document without running its scripts (DOMParser; the CLI's parseLiteHtml) */
  parseHtml(html: string, url: string): Document;
  /** a report file (PDF, Word) → PageExtract: lib/extract/file.ts readReportFile; absent: files are listed as not readable */
  readFile?(bytes: Uint8Array, name: string): Promise<PageExtract>;
  sleep(ms: number): Promise<void>;
  /** milliseconds, any origin (performance.now, Date.now, a test's clock) */
  now(): number;
}

export interface SweepOptions {
  /** list pages read, the one the user is on included (default 5) */
  maxPages?: number;
  /** listed reports fetched; the rest are listed as skipped-limit (default 60) */
  maxReports?: number;
  /** requests in flight at once, 1 or 2 (default 1) */
  concurrency?: number;
  /** at least this long between the starts of two requests, and after a request ends before the same worker starts another (default 500) */
  pauseMs?: number;
  /** a request that has not answered after this long is given up (default 30 s) */
  timeoutMs?: number;
  /** a response larger than this is not read (default 30 MB) */
  maxBytes?: number;
  /** the user's stop button */
  signal?: AbortSignal;
  /** ISO time stamped on the reports (tests pin it) */
  readAt?: string;
}

export const SWEEP_DEFAULTS = { maxPages: 5, maxReports: 60, concurrency: 1, pauseMs: 500, timeoutMs: 30_000, maxBytes: 30 * 1024 * 1024 } as const;

/**
 * What became of one listed report:
 * - report: read, tables found (its findings are in `report`)
 * - not-report: read, but the page is not an annual report (a notice, a reading, news)
 * - http-error: the server answered with an error, or did not answer (network, timeout)
 * - login-page: the answer is a login page (a password field, 登录 in its title)
 * - not-readable: a report whose figures could not be read (tables as images, a file kind not
 *   read, no file reader here, too large); `why` says which
 * - other-site: on another site than the list: listed, never fetched
 * - skipped-limit: past maxReports: listed, not fetched
 * - stopped: not read because the user stopped the sweep
 */
export type SweepStatus = 'report' | 'not-report' | 'http-error' | 'login-page' | 'not-readable' | 'other-site' | 'skipped-limit' | 'stopped';

/** How the figures were read: a web page, or a file (linked from the list, or attached to the page). */
export type SweepFormat = 'html' | 'pdf' | 'docx' | 'doc' | 'text' | 'other' | null;

export interface SweepItem {
  /** the listed link (absolute) */
  url: string;
  linkText: string;
  /** the list page the link was found on */
  listPage: string;
  linkKind: LinkKind;
  sameSite: boolean;
  status: SweepStatus;
  why: Message;
  /** the report's agency and year when read, else the link text's */
  agency: string | null;
  year: number | null;
  format: SweepFormat;
  /** the HTTP status of the last answer (0: none); absent when nothing was fetched */
  httpStatus?: number;
  /** where the report was read from when not the link itself: a redirect's end, the page's attachment */
  readFrom?: string;
  /** error and warning findings of the report itself (null: not read) */
  errors: number | null;
  warnings: number | null;
  /** the cross-year findings where this report is the later year */
  crossYear: Finding[];
  report?: Report;
}

export interface SweepListPage {
  url: string;
  status: 'read' | 'http-error' | 'login-page' | 'not-list' | 'other-site' | 'skipped-limit' | 'stopped';
  why: Message;
  /** reports listed on it (new ones, not seen on an earlier page) */
  found: number;
  httpStatus?: number;
}

/** Two consecutive years of one agency and what the cross-year rules found (empty: they agree). */
export interface SweepYearPair {
  agency: string;
  previousYear: number;
  year: number;
  previousUrl: string;
  currentUrl: string;
  findings: Finding[];
}

export interface SweepResult {
  /** the list page the sweep started on */
  listUrl: string;
  listPages: SweepListPage[];
  /** the column's page count as the list states it (null: not said) */
  statedPages: number | null;
  /** every listed report, sorted by agency and year */
  items: SweepItem[];
  crossYear: SweepYearPair[];
  /** requests made (list pages, reports, attachments) */
  requests: number;
  stopped: boolean;
  /** now() at the start and the end */
  startedAt: number;
  finishedAt: number;
}

export type SweepEvent =
  | { type: 'list-page'; page: SweepListPage }
  /** the lists are read: `total` reports will be accounted for, `toFetch` of them fetched */
  | { type: 'listed'; total: number; toFetch: number }
  | { type: 'item'; item: SweepItem; done: number; total: number }
  | { type: 'done'; result: SweepResult };

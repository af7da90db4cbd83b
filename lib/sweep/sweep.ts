// The sweep of a column: the list page the user is on, its other pages (up to maxPages), then every
// listed report on the same site (up to maxReports), one or two requests at a time with a pause
// between them, each answer read as any page or file is (read-one.ts); then the results sorted by
// agency and year and the consecutive years of one agency checked against each other. Pure and
// injectable: requests, parsing, file reading and time come from `deps`. Nothing is retried, no
// link of another site is fetched, and every listed report ends in the result with its status.
import type { Message, Report } from '../report';
import { crossYearPairs, sameAgencyKey } from '../check/year-pairs';
import { readReportList, type ListedReport, type ReportList } from './list';
import { absoluteUrl, sameSite } from './site';
import { Gate } from './gate';
import { decodePage, readAnswer, type Got } from './read-one';
import { looksLikeLoginPage } from './login';
import { WHY, hostOf } from './why';
import {
  SWEEP_DEFAULTS,
  type SweepDeps,
  type SweepEvent,
  type SweepItem,
  type SweepListPage,
  type SweepOptions,
  type SweepResult,
  type SweepYearPair,
} from './types';

export interface SweepStart {
  /** the list page's address */
  url: string;
  /** the list page, already loaded (it is read, never fetched again nor changed) */
  doc: Document;
}

/** Thrown inside the sweep when the user stops it; never leaves it. */
const STOP = Symbol('stop');

interface Lane {
  lastEnd: number;
}

interface Listed {
  report: ListedReport;
  listPage: string;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.floor(Number.isFinite(n) ? n : lo)));

/** An AbortSignal that aborts with any of `signals`. */
function anySignal(signals: AbortSignal[]): { signal: AbortSignal; dispose(): void } {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort();
  for (const s of signals) {
    if (s.aborted) ctl.abort();
    else s.addEventListener('abort', onAbort, { once: true });
  }
  return { signal: ctl.signal, dispose: () => signals.forEach((s) => s.removeEventListener('abort', onAbort)) };
}

/** The same addresses a list page may go by: …/zfxxgknb/ is …/zfxxgknb/index.html. */
function pageKeys(url: string): string[] {
  return url.endsWith('/') ? [url, ...['index.html', 'index.htm', 'index.shtml'].map((n) => url + n)] : [url];
}

/**
 * Sweeps the column whose list page is `start`. Yields each list page read, then the number of
 * reports listed, then one event per listed report as it is settled, and last the whole result
 * (also the generator's return value). Never throws for what a site answers.
 */
export async function* sweepColumn(start: SweepStart, deps: SweepDeps, opts: SweepOptions = {}): AsyncGenerator<SweepEvent, SweepResult> {
  const maxPages = clamp(opts.maxPages ?? SWEEP_DEFAULTS.maxPages, 1, 500);
  const maxReports = clamp(opts.maxReports ?? SWEEP_DEFAULTS.maxReports, 0, 10_000);
  const concurrency = clamp(opts.concurrency ?? SWEEP_DEFAULTS.concurrency, 1, 2);
  const pauseMs = Math.max(0, opts.pauseMs ?? SWEEP_DEFAULTS.pauseMs);
  const timeoutMs = Math.max(1, opts.timeoutMs ?? SWEEP_DEFAULTS.timeoutMs);
  const maxBytes = opts.maxBytes ?? SWEEP_DEFAULTS.maxBytes;
  // the user's stop, and ours when the consumer leaves the loop early
  const own = new AbortController();
  const stop = anySignal([own.signal, ...(opts.signal ? [opts.signal] : [])]);
  const stopped = () => stop.signal.aborted;
  const startedAt = deps.now();
  const listUrl = absoluteUrl(start.url, start.url) ?? start.url;
  const gate = new Gate(pauseMs, deps);
  let requests = 0;

  /** One request through the gate; a failure is an answer (never thrown), a stop is thrown. */
  const request = async (url: string, lane: Lane): Promise<Got> => {
    if (stopped()) throw STOP;
    await gate.enter(lane.lastEnd);
    if (stopped()) throw STOP;
    requests++;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const both = anySignal([stop.signal, timeout.signal]);
    try {
      const res = await deps.fetchBytes(url, both.signal);
      if (stopped()) throw STOP;
      if (res.status === 0 || res.status >= 400) return { ok: false, status: 'http-error', why: WHY.httpError(res.status), httpStatus: res.status };
      if (res.bytes.length > maxBytes) return { ok: false, status: 'not-readable', why: WHY.tooLarge(Math.round(maxBytes / 1048576)), httpStatus: res.status };
      if (res.finalUrl && !sameSite(res.finalUrl, listUrl)) {
        const login = /html/i.test(res.contentType) && looksLikeLoginPage(deps.parseHtml(decodePage(res.bytes, res.contentType), res.finalUrl), '');
        return login
          ? { ok: false, status: 'login-page', why: WHY.login, httpStatus: res.status }
          : { ok: false, status: 'other-site', why: WHY.redirectedAway(hostOf(res.finalUrl)), httpStatus: res.status };
      }
      return { ok: true, res: { ...res, finalUrl: res.finalUrl || url } };
    } catch (e) {
      if (e === STOP || stopped()) throw STOP;
      if (timeout.signal.aborted) return { ok: false, status: 'http-error', why: WHY.timeout(Math.round(timeoutMs / 1000)), httpStatus: 0 };
      return { ok: false, status: 'http-error', why: WHY.network(String(e instanceof Error ? e.message : e).slice(0, 120)), httpStatus: 0 };
    } finally {
      clearTimeout(timer);
      both.dispose();
      lane.lastEnd = deps.now();
    }
  };

  try {
    // 1. the list pages: the user's, then the column's others in page order, up to maxPages
    const listed: Listed[] = [];
    const seenReports = new Set<string>();
    const listPages: SweepListPage[] = [];
    const visited = new Set<string>(pageKeys(listUrl));
    const queue: string[] = [];
    let statedPages: number | null = null;
    const take = (list: ReportList, pageUrl: string): number => {
      let found = 0;
      for (const r of list.reports) {
        if (seenReports.has(r.url)) continue;
        seenReports.add(r.url);
        listed.push({ report: r, listPage: pageUrl });
        found++;
      }
      const p = list.pagination;
      if (p.total !== null) statedPages = Math.max(statedPages ?? 0, p.total);
      if (p.current !== null) visited.add(p.pages[p.current - 1]!);
      for (const u of p.pages) if (!visited.has(u) && !queue.includes(u)) queue.push(u);
      return found;
    };
    const first = readReportList(start.doc, listUrl);
    const firstFound = take(first, listUrl);
    const firstPage: SweepListPage = { url: listUrl, status: firstFound > 0 ? 'read' : 'not-list', why: firstFound > 0 ? WHY.listRead(firstFound) : WHY.notList, found: firstFound };
    listPages.push(firstPage);
    yield { type: 'list-page', page: firstPage };

    // one lane per worker; the list pages go through the first (one worker alone pauses after each request)
    const lanes: Lane[] = Array.from({ length: concurrency }, () => ({ lastEnd: Number.NEGATIVE_INFINITY }));
    const listLane = lanes[0]!;
    let pagesRead = 1;
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (visited.has(url)) continue;
      visited.add(url);
      let page: SweepListPage;
      if (!sameSite(url, listUrl)) page = { url, status: 'other-site', why: WHY.otherSite(hostOf(url)), found: 0 };
      else if (pagesRead >= maxPages) page = { url, status: 'skipped-limit', why: WHY.pageLimit(maxPages), found: 0 };
      else if (stopped()) page = { url, status: 'stopped', why: WHY.stopped, found: 0 };
      else {
        pagesRead++;
        page = await readListPage(url, listLane);
      }
      listPages.push(page);
      yield { type: 'list-page', page };
    }

    async function readListPage(url: string, lane: Lane): Promise<SweepListPage> {
      let got: Got;
      try {
        got = await request(url, lane);
      } catch {
        return { url, status: 'stopped', why: WHY.stopped, found: 0 };
      }
      if (!got.ok) return { url, status: got.status === 'login-page' ? 'login-page' : got.status === 'other-site' ? 'other-site' : 'http-error', why: got.why, found: 0, ...(got.httpStatus !== undefined ? { httpStatus: got.httpStatus } : {}) };
      try {
        const doc = deps.parseHtml(decodePage(got.res.bytes, got.res.contentType), got.res.finalUrl);
        const found = take(readReportList(doc, got.res.finalUrl), url);
        if (found === 0 && looksLikeLoginPage(doc, doc.title ?? '')) return { url, status: 'login-page', why: WHY.login, found: 0, httpStatus: got.res.status };
        return { url, status: found > 0 ? 'read' : 'not-list', why: found > 0 ? WHY.listRead(found) : WHY.notList, found, httpStatus: got.res.status };
      } catch (e) {
        return { url, status: 'not-list', why: WHY.network(String(e instanceof Error ? e.message : e).slice(0, 120)), found: 0, httpStatus: got.res.status };
      }
    }

    // 2. the reports: other sites and those past the limit are settled at once, the rest fetched
    const settled: SweepItem[] = [];
    const toFetch: Listed[] = [];
    for (const l of listed) {
      if (!l.report.sameSite) settled.push(item(l, 'other-site', WHY.otherSite(hostOf(l.report.url))));
      else if (toFetch.length >= maxReports) settled.push(item(l, 'skipped-limit', WHY.limit(maxReports)));
      else toFetch.push(l);
    }
    const total = listed.length;
    yield { type: 'listed', total, toFetch: toFetch.length };
    const items: SweepItem[] = [];
    let done = 0;
    for (const it of settled) {
      items.push(it);
      yield { type: 'item', item: it, done: ++done, total };
    }

    const ready: SweepItem[] = [];
    let wake: (() => void) | null = null;
    let next = 0;
    let running = concurrency;
    const worker = async (lane: Lane): Promise<void> => {
      try {
        while (next < toFetch.length) {
          const l = toFetch[next++]!;
          ready.push(await readListed(l, lane));
          wake?.();
        }
      } finally {
        running--;
        wake?.();
      }
    };
    const readListed = async (l: Listed, lane: Lane): Promise<SweepItem> => {
      if (stopped()) return item(l, 'stopped', WHY.stopped);
      try {
        const got = await request(l.report.url, lane);
        if (!got.ok) return item(l, got.status, got.why, { httpStatus: got.httpStatus });
        const ctx = { deps, listUrl, fetch: (u: string) => request(u, lane), readAt: opts.readAt };
        const out = await readAnswer(got.res, ctx);
        const readFrom = out.readFrom ?? (got.res.finalUrl !== l.report.url ? got.res.finalUrl : undefined);
        return item(l, out.status, out.why, { httpStatus: out.httpStatus, format: out.format, readFrom, report: out.report });
      } catch (e) {
        if (e === STOP || stopped()) return item(l, 'stopped', WHY.stopped);
        // extraction and checks do not throw on pages; this is for what they did not foresee
        return item(l, 'not-readable', WHY.network(String(e instanceof Error ? e.message : e).slice(0, 120)));
      }
    };
    for (const lane of lanes) void worker(lane);
    while (running > 0 || ready.length > 0) {
      if (ready.length > 0) {
        const it = ready.shift()!;
        items.push(it);
        yield { type: 'item', item: it, done: ++done, total };
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }

    // 3. order, and the years of one agency against each other
    const crossYear = checkYears(items);
    items.sort(byAgencyAndYear);
    const result: SweepResult = { listUrl, listPages, statedPages, items, crossYear, requests, stopped: stopped(), startedAt, finishedAt: deps.now() };
    yield { type: 'done', result };
    return result;
  } finally {
    // a consumer that leaves early (break, an exception) stops the workers' next requests
    own.abort();
    stop.dispose();
  }
}

function item(l: Listed, status: SweepItem['status'], why: Message, more: { httpStatus?: number; format?: SweepItem['format']; readFrom?: string; report?: Report } = {}): SweepItem {
  const r = more.report;
  const counted = status === 'report' && r !== undefined;
  // a page that is not a report names no agency or year of its own: the link's guess stays
  const named = status === 'report' || status === 'not-readable' ? r : undefined;
  return {
    url: l.report.url,
    linkText: l.report.linkText,
    listPage: l.listPage,
    linkKind: l.report.kind,
    sameSite: l.report.sameSite,
    status,
    why,
    agency: (named?.agency ?? null) || l.report.agency,
    year: named?.year ?? l.report.year,
    format: more.format ?? null,
    ...(more.httpStatus !== undefined ? { httpStatus: more.httpStatus } : {}),
    ...(more.readFrom !== undefined ? { readFrom: more.readFrom } : {}),
    errors: counted ? r.findings.filter((f) => f.severity === 'error').length : null,
    warnings: counted ? r.findings.filter((f) => f.severity === 'warning').length : null,
    crossYear: [],
    ...(r ? { report: r } : {}),
  };
}

/** Agency (Chinese collation; unknown last), then year (unknown last), then address. */
export function byAgencyAndYear(a: SweepItem, b: SweepItem): number {
  if ((a.agency === null) !== (b.agency === null)) return a.agency === null ? 1 : -1;
  const byAgency = a.agency !== null && b.agency !== null ? sameAgencyKey(a.agency).localeCompare(sameAgencyKey(b.agency), 'zh') : 0;
  if (byAgency !== 0) return byAgency;
  if ((a.year === null) !== (b.year === null)) return a.year === null ? 1 : -1;
  return (a.year ?? 0) - (b.year ?? 0) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/** The cross-year rules over the reports read; each pair's findings also go to the later year's item. */
function checkYears(items: SweepItem[]): SweepYearPair[] {
  const read = items.filter((i): i is SweepItem & { report: Report } => i.status === 'report' && i.report !== undefined);
  const itemOf = new Map<Report, SweepItem>(read.map((i) => [i.report, i]));
  return crossYearPairs(read.map((i) => i.report)).map((p) => {
    const current = itemOf.get(p.current)!;
    current.crossYear.push(...p.findings);
    return { agency: p.agency, previousYear: p.previous.year!, year: p.current.year!, previousUrl: itemOf.get(p.previous)!.url, currentUrl: current.url, findings: p.findings };
  });
}

/** Runs a sweep to its end, calling `onEvent` for each step; resolves to the result. */
export async function runSweep(start: SweepStart, deps: SweepDeps, opts: SweepOptions = {}, onEvent?: (e: SweepEvent) => void): Promise<SweepResult> {
  const gen = sweepColumn(start, deps, opts);
  for (;;) {
    const step = await gen.next();
    if (step.done) return step.value;
    onEvent?.(step.value);
  }
}

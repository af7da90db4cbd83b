// The sweep over the fixture site (tests/fixtures/site, made by scripts/make-site-fixtures.ts),
// with a fake fetchBytes that reads its files and a fake clock: what each listed report becomes,
// the planted carry-over mismatch, the limits, the stop button and the pauses between requests.
import { describe, expect, it } from 'vitest';
import { byAgencyAndYear, runSweep, sweepColumn } from './sweep';
import { COLUMN_URL, ORIGIN, OTHER_SITE, fakeSite, listDoc, parseHtml } from '../../tests/unit/helpers/test-site';
import type { SweepEvent, SweepItem } from './types';

const start = () => ({ url: COLUMN_URL, doc: listDoc() });
const U = (path: string) => `${COLUMN_URL}${path}`;
const byUrl = (items: SweepItem[]) => new Map(items.map((i) => [i.url, i]));

describe('sweep of the fixture site', () => {
  it('reads every listed report and says what each one is', async () => {
    const site = fakeSite();
    const events: SweepEvent[] = [];
    const result = await runSweep(start(), site.deps, { pauseMs: 500, concurrency: 2, readAt: 'T' }, (e) => events.push(e));
    const items = byUrl(result.items);
    expect(result.items).toHaveLength(10);
    const status = (p: string) => items.get(p.startsWith('http') ? p : U(p))?.status;
    for (const p of ['202501/t20250120_1001.html', '202401/t20240118_1002.html', '202301/t20230116_1004.html', '202201/t20220124_1005.html', '202101/t20210120_1006.html'])
      expect([p, status(p)]).toEqual([p, 'report']);
    // the report attached to its page, read from the .docx: seed 003's real error
    const attached = items.get(U('202101/t20210125_1007.html'))!;
    expect([attached.status, attached.format, attached.readFrom]).toEqual(['report', 'docx', U('202101/P020210125_1007.docx')]);
    expect(attached.agency).toBe('广州市增城区小楼镇人民政府');
    expect(attached.errors).toBeGreaterThan(0);
    // linked straight to a PDF
    const pdf = items.get(U('202101/P020210122_1008.pdf'))!;
    expect([pdf.status, pdf.linkKind, pdf.format, pdf.year]).toEqual(['report', 'attachment', 'pdf', 2020]);
    expect(pdf.agency).toBe('重庆市涪陵区南沱镇人民政府');
    // the missing page, the notice titled as a report, the other site
    const missing = items.get(U('202101/t20210125_1009.html'))!;
    expect([missing.status, missing.httpStatus, missing.why.en]).toEqual(['http-error', 404, 'The server answered HTTP 404']);
    expect(status('202001/t20200120_1010.html')).toBe('not-report');
    expect(status(OTHER_SITE)).toBe('other-site');
    // the 2023 page is GBK: its agency and year read right
    expect(items.get(U('202401/t20240118_1002.html'))).toMatchObject({ agency: '青石镇人民政府', year: 2023, format: 'html', errors: 0 });
    // every list page and every report fetched once; the other site and the 解读 never
    const fetched = site.calls.map((c) => c.url);
    expect(new Set(fetched).size).toBe(fetched.length);
    expect(fetched.every((u) => u.startsWith(`${ORIGIN}/`))).toBe(true);
    expect(fetched.some((u) => u.includes('t20240119_1003'))).toBe(false);
    expect(fetched).toContain(U('index_1.html'));
    expect(fetched).not.toContain(U('index.html'));
    expect(result.requests).toBe(fetched.length);
    expect(fetched).toHaveLength(1 + 9 + 1); // the second list page, nine reports, one attachment
    expect(result.listPages.map((p) => [p.status, p.found])).toEqual([['read', 5], ['read', 5]]);
    expect(result.statedPages).toBe(2);
    // progress: list pages, the count, one event per report, the result
    expect(events.filter((e) => e.type === 'item').map((e) => (e as { done: number }).done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(events.find((e) => e.type === 'listed')).toEqual({ type: 'listed', total: 10, toFetch: 9 });
    expect(events.at(-1)).toEqual({ type: 'done', result });
  }, 60_000);

  it('finds the planted carry-over mismatch between 2022 and 2023, and only that', async () => {
    const result = await runSweep(start(), fakeSite({ readFiles: false }).deps, { pauseMs: 0 });
    const qs = result.crossYear.filter((p) => p.agency === '青石镇人民政府');
    expect(qs.map((p) => [p.previousYear, p.year])).toEqual([[2021, 2022], [2022, 2023], [2023, 2024]]);
    const found = qs.flatMap((p) => p.findings.map((f) => `${p.year}:${f.rule}:${f.col ?? f.row}:${f.found}/${f.expected}`));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^2023:X-T3-CARRY:np:(\d+)\/(\d+)$/);
    expect(found[1]).toMatch(/^2023:X-T3-CARRY:total:/);
    const [, a, b] = /:(\d+)\/(\d+)$/.exec(found[0]!)!;
    expect(Number(a) - Number(b)).toBe(2);
    // the later year's line carries the findings
    const y2023 = result.items.find((i) => i.year === 2023 && i.agency === '青石镇人民政府')!;
    expect(y2023.crossYear.map((f) => f.rule)).toEqual(['X-T3-CARRY', 'X-T3-CARRY']);
    expect(result.items.filter((i) => i !== y2023).every((i) => i.crossYear.length === 0)).toBe(true);
  });

  it('lists files as not readable where no file reader is given', async () => {
    const result = await runSweep(start(), fakeSite({ readFiles: false }).deps, { pauseMs: 0 });
    const pdf = result.items.find((i) => i.linkKind === 'attachment')!;
    expect([pdf.status, pdf.why.en]).toEqual(['not-readable', 'PDF files cannot be read here']);
    const attached = result.items.find((i) => i.url.endsWith('t20210125_1007.html'))!;
    expect([attached.status, attached.readFrom]).toEqual(['not-readable', U('202101/P020210125_1007.docx')]);
  });

  it('sorts by agency, then year', async () => {
    const result = await runSweep(start(), fakeSite({ readFiles: false }).deps, { pauseMs: 0 });
    expect([...result.items].sort(byAgencyAndYear)).toEqual(result.items);
    const qs = result.items.filter((i) => i.agency === '青石镇人民政府');
    expect(qs.map((i) => i.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    // one agency's lines stay together
    const first = result.items.indexOf(qs[0]!);
    expect(result.items.slice(first, first + qs.length)).toEqual(qs);
  });
});

describe('limits', () => {
  it('maxPages: the second list page is listed as skipped, never fetched', async () => {
    const site = fakeSite({ readFiles: false });
    const result = await runSweep(start(), site.deps, { maxPages: 1, pauseMs: 0 });
    expect(result.listPages.map((p) => [p.url, p.status])).toEqual([[COLUMN_URL, 'read'], [U('index_1.html'), 'skipped-limit']]);
    expect(site.calls.some((c) => c.url.includes('index_1'))).toBe(false);
    expect(result.items).toHaveLength(5);
  });

  it('maxReports: only that many fetched, the rest listed as skipped', async () => {
    const site = fakeSite({ readFiles: false });
    const result = await runSweep(start(), site.deps, { maxReports: 3, pauseMs: 0 });
    const counts = (s: string) => result.items.filter((i) => i.status === s).length;
    expect(result.items).toHaveLength(10);
    expect(counts('skipped-limit')).toBe(6);
    expect(counts('other-site')).toBe(1);
    expect(site.calls.filter((c) => !c.url.includes('index_')).length).toBe(3);
  });
});

describe('politeness', () => {
  it.each([1, 2])('concurrency %i: starts at least the pause apart, never more in flight', async (concurrency) => {
    const site = fakeSite({ readFiles: false, latency: 300 });
    await runSweep(start(), site.deps, { concurrency, pauseMs: 500 });
    const starts = site.calls.map((c) => c.start).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(500);
    expect(site.maxInFlight()).toBeLessThanOrEqual(concurrency);
    if (concurrency === 1) {
      // one at a time: a pause after each request has ended
      for (let i = 1; i < site.calls.length; i++) expect(site.calls[i]!.start - site.calls[i - 1]!.end).toBeGreaterThanOrEqual(500);
    }
  });

  it('a concurrency past 2 is held to 2', async () => {
    const site = fakeSite({ readFiles: false, latency: 0 });
    await runSweep(start(), site.deps, { concurrency: 8, pauseMs: 0 });
    expect(site.maxInFlight()).toBe(2);
  });
});

describe('stop', () => {
  it('stops mid-sweep: no request after the stop, every report still listed', async () => {
    const site = fakeSite({ readFiles: false });
    const ctl = new AbortController();
    const seen: SweepEvent[] = [];
    let callsAtStop = -1;
    for await (const e of sweepColumn(start(), site.deps, { signal: ctl.signal, pauseMs: 100 })) {
      seen.push(e);
      if (e.type === 'item' && e.item.status === 'report' && callsAtStop < 0) {
        ctl.abort();
        callsAtStop = site.calls.length;
      }
    }
    const done = seen.at(-1)!;
    expect(done.type).toBe('done');
    const result = (done as Extract<SweepEvent, { type: 'done' }>).result;
    expect(result.stopped).toBe(true);
    expect(result.items).toHaveLength(10);
    expect(site.calls.length).toBe(callsAtStop);
    const stopped = result.items.filter((i) => i.status === 'stopped');
    expect(stopped.length).toBeGreaterThan(5);
    expect(stopped[0]!.why.en).toBe('Stopped before it was read');
  });

  it('a consumer that leaves the loop early stops the requests', async () => {
    const site = fakeSite({ readFiles: false });
    for await (const e of sweepColumn(start(), site.deps, { pauseMs: 0 })) if (e.type === 'item') break;
    const n = site.calls.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(site.calls.length).toBe(n);
  });
});

describe('answers that are not reports', () => {
  const LIST = `${ORIGIN}/col/`;
  const listHtml = (links: [string, string][]) =>
    `<html><head><title>政府信息公开年报_某县</title></head><body><ul>${links.map(([h, t]) => `<li><a href="${h}">${t}</a></li>`).join('')}</ul></body></html>`;
  const title = (y: number) => `某县人民政府${y}年政府信息公开工作年度报告`;

  it('a login page, a server error, a network failure, a redirect to another site, an image', async () => {
    const site = fakeSite({
      files: {
        [`${LIST}a.html`]: { body: '<html><head><title>统一身份认证平台</title></head><body><form><input type="password"></form></body></html>' },
        [`${LIST}b.html`]: { body: '<html><head><title>某县</title></head><body><form><input name="u"><input type="PASSWORD" name="p"></form></body></html>' },
        [`${LIST}c.html`]: { status: 500, body: 'oops' },
        [`${LIST}e.html`]: { finalUrl: 'http://sso.example/login', body: '<html><body>hello</body></html>' },
        [`${LIST}f.html`]: { contentType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) },
      },
      readFiles: false,
    });
    const doc = parseHtml(listHtml([['a.html', title(2020)], ['b.html', title(2021)], ['c.html', title(2022)], ['http://127.0.0.1:9999/d.html', title(2023)], ['e.html', title(2024)], ['f.html', title(2019)]]));
    const result = await runSweep({ url: LIST, doc }, site.deps, { pauseMs: 0 });
    const got = Object.fromEntries(result.items.map((i) => [i.url.slice(LIST.length - 5), [i.status, i.why.en]]));
    expect(got).toEqual({
      '/col/a.html': ['login-page', 'The answer is a login page: the report needs a login'],
      '/col/b.html': ['login-page', 'The answer is a login page: the report needs a login'],
      '/col/c.html': ['http-error', 'The server answered HTTP 500'],
      '/col/e.html': ['other-site', 'Redirected to another site (sso.example): not read'],
      '/col/f.html': ['not-readable', 'IMAGE files cannot be read here'],
      [`http://127.0.0.1:9999/d.html`.slice(LIST.length - 5)]: ['other-site', 'On another site (127.0.0.1:9999): not read'],
    });
    // another port is another site: never asked
    expect(site.calls.some((c) => c.url.includes(':9999'))).toBe(false);
  });

  it('a page that is neither a list nor reachable: the sweep ends with what it has', async () => {
    const site = fakeSite({ files: { [`${LIST}x.html`]: { status: 200, body: '' } }, readFiles: false });
    const result = await runSweep({ url: LIST, doc: parseHtml('<html><body><p>nothing here</p></body></html>') }, site.deps);
    expect(result.items).toEqual([]);
    expect(result.listPages.map((p) => p.status)).toEqual(['not-list']);
    expect(site.calls).toEqual([]);
  });
});

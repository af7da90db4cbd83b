// Fetching report files: every way a download goes wrong gives its own plain reason, the size
// limit stops the download itself (not after the fact), and a web page is never taken for a file.
import { describe, expect, it } from 'vitest';
import { fetchFile, fileNameOf, looksLikeWebPage } from './fetch-file';

const enc = new TextEncoder();
const PDF = enc.encode('%PDF-1.7\n%\xe2\xe3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const LOGIN = enc.encode('\ufeff  <!DOCTYPE html><html><head><title>统一身份认证</title></head><body><form action="/login"></form></body></html>');

const answer = (body: BodyInit | null, init: ResponseInit = {}) => (async () => new Response(body, init)) as unknown as typeof fetch;

/** A body of `chunks` chunks of `size` bytes, counting how many were pulled. */
function endless(size: number, chunks: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let n = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (n >= chunks) return c.close();
      n++;
      c.enqueue(new Uint8Array(size));
    },
  });
  return { stream, pulled: () => n };
}

describe('fetchFile', () => {
  it('gives the bytes and the name of a PDF, whatever content type the server claims', async () => {
    const got = await fetchFile('https://x.gov.cn/files/2023%E5%B9%B4%E6%8A%A5.pdf?id=3', { fetch: answer(PDF, { headers: { 'content-type': 'text/html' } }) });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect([...got.bytes]).toEqual([...PDF]);
    expect(got.name).toBe('2023年报.pdf');
  });

  it('a 404 and a 500 are HTTP errors with their status', async () => {
    expect(await fetchFile('https://x.gov.cn/a.pdf', { fetch: answer('not found', { status: 404 }) })).toEqual({ ok: false, failure: { reason: 'http', status: 404 } });
    expect(await fetchFile('https://x.gov.cn/a.pdf', { fetch: answer('oops', { status: 500 }) })).toEqual({ ok: false, failure: { reason: 'http', status: 500 } });
  });

  it('a login page answered with 200 is a web page, not a file', async () => {
    expect(await fetchFile('https://x.gov.cn/a.pdf', { fetch: answer(LOGIN, { headers: { 'content-type': 'application/pdf' } }) })).toEqual({ ok: false, failure: { reason: 'web-page' } });
  });

  it('a declared length over the limit is refused before reading the body', async () => {
    const { stream, pulled } = endless(1000, 100);
    const got = await fetchFile('https://x.gov.cn/big.pdf', { limitBytes: 5000, fetch: answer(stream, { headers: { 'content-length': '100000' } }) });
    expect(got).toEqual({ ok: false, failure: { reason: 'too-large', limitBytes: 5000 } });
    expect(pulled()).toBeLessThanOrEqual(2);
  });

  it('an undeclared body is stopped as soon as it passes the limit', async () => {
    const { stream, pulled } = endless(1000, 10_000);
    const got = await fetchFile('https://x.gov.cn/big.pdf', { limitBytes: 5500, fetch: answer(stream) });
    expect(got).toEqual({ ok: false, failure: { reason: 'too-large', limitBytes: 5500 } });
    // 6 chunks pass the limit; the stream may have queued one more ahead
    expect(pulled()).toBeLessThan(10);
  });

  it('an empty body, a refused request and a stalled server each say so', async () => {
    expect(await fetchFile('https://x.gov.cn/a.pdf', { fetch: answer(new Uint8Array(0)) })).toEqual({ ok: false, failure: { reason: 'empty' } });
    const refused = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await fetchFile('https://x.gov.cn/a.pdf', { fetch: refused })).toEqual({ ok: false, failure: { reason: 'network', message: 'Failed to fetch' } });
    const stalled = ((_: string, init: RequestInit) =>
      new Promise((_ok, fail) => init.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    expect(await fetchFile('https://x.gov.cn/a.pdf', { fetch: stalled, timeoutMs: 30 })).toEqual({ ok: false, failure: { reason: 'timeout', seconds: 0 } });
  });
});

describe('looksLikeWebPage', () => {
  it('tells HTML from the file kinds read, and from plain text', () => {
    expect(looksLikeWebPage(LOGIN)).toBe(true);
    expect(looksLikeWebPage(enc.encode('<html><body>请登录</body></html>'))).toBe(true);
    expect(looksLikeWebPage(PDF)).toBe(false);
    expect(looksLikeWebPage(new Uint8Array([0x50, 0x4b, 3, 4, 0x3c, 0x68]))).toBe(false);
    expect(looksLikeWebPage(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe(false);
    expect(looksLikeWebPage(enc.encode('表三 一、本年新收 3'))).toBe(false);
    // junk before %PDF- is allowed by PDF readers, so such a file is no web page
    expect(looksLikeWebPage(enc.encode('<html>\n%PDF-1.4 ...'))).toBe(false);
  });
});

describe('fileNameOf', () => {
  it("prefers the server's Content-Disposition, decoded, to the address", () => {
    const h = (cd: string) => ({ headers: new Headers({ 'content-disposition': cd }) });
    expect(fileNameOf(h("attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.docx"), 'https://x/download?id=1')).toBe('年报.docx');
    expect(fileNameOf(h('attachment; filename="report.pdf"'), 'https://x/download?id=1')).toBe('report.pdf');
    expect(fileNameOf({ headers: new Headers() }, 'https://x/dl/a%20b.doc')).toBe('a b.doc');
  });
});

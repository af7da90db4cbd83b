// The sweep's GET: cookies sent, redirects followed and their end said, an error's body not read,
// and a body past the limit cut one byte past it (so the core says "too large") without reading the rest.
import { describe, expect, it } from 'vitest';
import { sweepFetchBytes } from './sweep-fetch';

function answer(body: Uint8Array | null, init: { status?: number; url?: string; type?: string; chunk?: number } = {}) {
  let pulled = 0;
  const chunk = init.chunk ?? 1024;
  const stream =
    body === null
      ? null
      : new ReadableStream<Uint8Array>({
          pull(c) {
            if (pulled >= body.length) return c.close();
            c.enqueue(body.subarray(pulled, pulled + chunk));
            pulled += chunk;
          },
        });
  const res = new Response(stream, { status: init.status ?? 200, headers: { 'content-type': init.type ?? 'text/html' } });
  Object.defineProperty(res, 'url', { value: init.url ?? '' });
  const seen: RequestInit[] = [];
  const doFetch = (async (_url: string, req: RequestInit) => {
    seen.push(req);
    return res;
  }) as unknown as typeof fetch;
  return { doFetch, seen, pulled: () => pulled };
}

describe('sweepFetchBytes', () => {
  it('sends the cookies, follows redirects and says where they ended', async () => {
    const a = answer(new TextEncoder().encode('<html>x</html>'), { url: 'http://x.gov.cn/b.html', type: 'text/html; charset=gbk' });
    const got = await sweepFetchBytes('http://x.gov.cn/a.html', new AbortController().signal, 100, a.doFetch);
    expect(a.seen[0]).toMatchObject({ credentials: 'include', redirect: 'follow' });
    expect([got.status, got.contentType, got.finalUrl, new TextDecoder().decode(got.bytes)]).toEqual([200, 'text/html; charset=gbk', 'http://x.gov.cn/b.html', '<html>x</html>']);
  });

  it('keeps the status of an error and does not read its body', async () => {
    const a = answer(new Uint8Array(5000), { status: 404 });
    const got = await sweepFetchBytes('http://x.gov.cn/a.html', new AbortController().signal, 100, a.doFetch);
    expect([got.status, got.bytes.length, got.finalUrl]).toEqual([404, 0, 'http://x.gov.cn/a.html']);
    expect(a.pulled()).toBeLessThanOrEqual(1024);
  });

  it('stops reading one byte past the limit', async () => {
    const a = answer(new Uint8Array(1_000_000), { chunk: 1000 });
    const got = await sweepFetchBytes('http://x.gov.cn/big.pdf', new AbortController().signal, 4500, a.doFetch);
    expect(got.bytes.length).toBe(4501);
    expect(a.pulled()).toBeLessThan(10_000);
  });
});

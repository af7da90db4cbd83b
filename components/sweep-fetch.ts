// The sweep's one GET from an extension page: the site's cookies go along (the pages are read as
// the user sees them), redirects are followed (the core checks where they end), and the body is
// streamed and dropped one byte past the limit, so a huge answer costs at most the limit (the core
// then says "too large"). Nothing is retried here: a failure rejects and the core lists it.
import type { FetchedBytes } from '@/lib/sweep/types';

export async function sweepFetchBytes(url: string, signal: AbortSignal, limitBytes: number, doFetch: typeof fetch = fetch): Promise<FetchedBytes> {
  const res = await doFetch(url, { credentials: 'include', redirect: 'follow', signal });
  const contentType = res.headers.get('content-type') ?? '';
  const finalUrl = res.url || url;
  if (!res.ok) {
    // an error page's body says nothing the status does not
    await res.body?.cancel().catch(() => {});
    return { status: res.status, contentType, bytes: new Uint8Array(0), finalUrl };
  }
  return { status: res.status, contentType, bytes: await readUpTo(res, limitBytes + 1), finalUrl };
}

/** At most `max` bytes of the body; the rest is not downloaded. */
async function readUpTo(res: Response, max: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer()).subarray(0, max);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
    if (total >= max) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  const out = new Uint8Array(Math.min(total, max));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, out.length - at);
    out.set(part, at);
    at += part.length;
    if (at >= out.length) break;
  }
  return out;
}

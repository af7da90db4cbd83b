// Fetching a report file the user asked to read (an attachment, the PDF open in the tab): the
// bytes, or why there are none, in words the popup can say plainly. The body is streamed and
// dropped at the size limit, so a huge or endless answer costs at most the limit. An HTML page
// where a file was expected (a login page, a "file not found" page answered with 200) is told
// apart by its first bytes, not by the server's content type (which is often wrong both ways).

/** The largest file read: larger ones are stopped while downloading. */
export const FILE_LIMIT_BYTES = 30 * 1024 * 1024;

/** A download that has not finished by then is given up (a stalled server must not leave the popup waiting). */
export const FETCH_TIMEOUT_MS = 60_000;

export type FetchFailure =
  /** the server answered with an error status (404, 403, 500 …) */
  | { reason: 'http'; status: number }
  /** a web page came back instead of the file: a login page, or an error page */
  | { reason: 'web-page' }
  | { reason: 'too-large'; limitBytes: number }
  | { reason: 'empty' }
  /** no complete answer within FETCH_TIMEOUT_MS */
  | { reason: 'timeout'; seconds: number }
  /** no answer: offline, the site refused the extension (no permission for it), a bad address */
  | { reason: 'network'; message: string };

export type Fetched = { ok: true; bytes: Uint8Array; name: string; contentType: string } | { ok: false; failure: FetchFailure };

export interface FetchFileOptions {
  fetch?: typeof fetch;
  limitBytes?: number;
  timeoutMs?: number;
}

export async function fetchFile(url: string, opts: FetchFileOptions = {}): Promise<Fetched> {
  const limit = opts.limitBytes ?? FILE_LIMIT_BYTES;
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    return await fetchWithin(url, doFetch, limit, abort.signal);
  } catch (e) {
    if (abort.signal.aborted) return { ok: false, failure: { reason: 'timeout', seconds: Math.round(timeoutMs / 1000) } };
    return { ok: false, failure: { reason: 'network', message: e instanceof Error ? e.message : String(e) } };
  } finally {
    clearTimeout(timer);
  }
}

async function fetchWithin(url: string, doFetch: typeof fetch, limit: number, signal: AbortSignal): Promise<Fetched> {
  // the site's cookies go along: a file behind a login the user has is read as the user sees it
  const res = await doFetch(url, { credentials: 'include', redirect: 'follow', cache: 'no-store', signal });
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    return { ok: false, failure: { reason: 'http', status: res.status } };
  }
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel().catch(() => {});
    return { ok: false, failure: { reason: 'too-large', limitBytes: limit } };
  }
  const body = await readLimited(res, limit);
  if (body === 'too-large') return { ok: false, failure: { reason: 'too-large', limitBytes: limit } };
  if (body.length === 0) return { ok: false, failure: { reason: 'empty' } };
  if (looksLikeWebPage(body)) return { ok: false, failure: { reason: 'web-page' } };
  return { ok: true, bytes: body, name: fileNameOf(res, url), contentType: res.headers.get('content-type') ?? '' };
}

/** The body, or 'too-large' as soon as it passes the limit; a broken or aborted stream throws. */
async function readLimited(res: Response, limit: number): Promise<Uint8Array | 'too-large'> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Signatures of the files read: PDF (%PDF, possibly after some junk), zip (docx), OLE2 (doc, wps, xls). */
function hasFileSignature(b: Uint8Array): boolean {
  if (b[0] === 0x50 && b[1] === 0x4b) return true;
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return true;
  // pdf readers accept %PDF- within the first kilobyte
  const head = latin1(b, 1024);
  return head.includes('%PDF-');
}

/** An HTML document: what a login or error page is. Plain text, or anything binary, is not. */
export function looksLikeWebPage(b: Uint8Array): boolean {
  if (hasFileSignature(b)) return false;
  const head = latin1(b, 2048).replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  return head.startsWith('<') && /<(?:!doctype html|html|head|body|meta|title|form|script|div)\b/.test(head);
}

function latin1(b: Uint8Array, n: number): string {
  let s = '';
  const end = Math.min(b.length, n);
  for (let i = 0; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** The file's name: the server's Content-Disposition, else the address's last segment, decoded. */
export function fileNameOf(res: Pick<Response, 'headers'>, url: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(cd);
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(cd);
  const raw = star?.[1] ?? plain?.[1] ?? lastSegment(url);
  try {
    return decodeURIComponent(raw).trim() || lastSegment(url);
  } catch {
    return raw.trim();
  }
}

function lastSegment(url: string): string {
  try {
    const path = new URL(url).pathname;
    const seg = path.slice(path.lastIndexOf('/') + 1);
    return decodeURIComponent(seg) || url;
  } catch {
    return url;
  }
}

// What "the same site as the list" means for the sweep, and the one form of an address it keys
// on. Same site = the same host name (case-insensitive) on the same port, the scheme's default
// port counting as one: http://x.gov.cn and https://x.gov.cn are one site (government sites often
// mix them in their own links), www.x.gov.cn and x.gov.cn are not, nor is a subdomain (a file
// server on another host is another site: its links are listed, never fetched). Chosen over "same
// registrable domain" because no public-suffix list is shipped, and over "same origin" because a
// list on https linking its reports on http (or back) is common on these sites.

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

function parse(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The site of an http(s) address as `host:port` (default port said as 'default'), or null. */
export function siteOf(url: string): string | null {
  const u = parse(url);
  if (!u) return null;
  const port = u.port === '' || u.port === DEFAULT_PORT[u.protocol] ? 'default' : u.port;
  return `${u.hostname.toLowerCase()}:${port}`;
}

export function sameSite(a: string, b: string): boolean {
  const sa = siteOf(a);
  return sa !== null && sa === siteOf(b);
}

/** An absolute http(s) address without its fragment (the page is the same), or null. */
export function absoluteUrl(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** The last path segment of an address, decoded (a file's name as its publisher typed it). */
export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/, 1)[0]!;
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

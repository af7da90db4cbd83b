// What the sweep page needs from the browser, kept behind one interface (as the popup's Gateway):
// the list page as its tab shows it, the user's permission for the list's site, and the sweep's
// injected dependencies (requests, parsing, file reading, time). The real one is
// sweep-host-browser.ts; tests hand a fake site (tests/unit/helpers/test-site.ts).
import type { SweepDeps } from '@/lib/sweep/types';

export type ListSource =
  /** the list page's DOM, parsed here from what the tab shows (its scripts not run), and its address */
  | { kind: 'list'; url: string; doc: Document }
  /** the tab is gone, has left the page, or cannot be read */
  | { kind: 'unavailable'; detail: string };

export interface SweepHost {
  /** The list page as its tab shows it now: read from the tab, never fetched again. */
  readList(): Promise<ListSource>;
  /**
   * Asks the user for access to the sites of `urls` (the list's, in practice). Call it straight
   * from the click: browsers show the prompt only during a user gesture. True when granted.
   */
  requestAccess(urls: string[]): Promise<boolean>;
  deps: SweepDeps;
}

/** The addresses whose sites the sweep will ask: the list's, and its same-site links' (http and https of one host are one site to the sweep). */
export function accessUrls(listUrl: string, links: { url: string; sameSite: boolean }[]): string[] {
  const out = [listUrl];
  for (const l of links) if (l.sameSite) out.push(l.url);
  return out;
}

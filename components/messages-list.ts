// A column's list page, as the content script reads it on load and on the popup's request: how many
// reports the page lists and how many pages the column says it has. Free of zod, like
// messages-page.ts: the content script carries it, and its budget is 40 KB. Checked by hand.

/** What the content script tells the popup (through its instance) and the background (on load). */
export interface ListOffer {
  /** the list page's address */
  url: string;
  /** reports the page lists (links that each name one report with its year) */
  count: number;
  /** the column's page count as the page states it; null: not said */
  pages: number | null;
}

/** content script → background, on load: this page lists reports (the badge says how many). */
export interface TabListed extends ListOffer {
  type: 'tab/listed';
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000;

/** The offer in `data`, or null for anything else (an old content script, a page's forgery). */
export function parseListOffer(data: unknown): ListOffer | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d.url !== 'string' || d.url.length > 4096 || !/^https?:\/\//i.test(d.url) || !isCount(d.count)) return null;
  if (d.pages !== null && !isCount(d.pages)) return null;
  return { url: d.url, count: d.count, pages: d.pages };
}

export function parseTabListed(msg: unknown): TabListed | null {
  if (typeof msg !== 'object' || msg === null || (msg as { type?: unknown }).type !== 'tab/listed') return null;
  const offer = parseListOffer(msg);
  return offer ? { type: 'tab/listed', ...offer } : null;
}

/** A list page names two or more reports: one link with a year is a report's page, not a column. */
export const MIN_LISTED = 2;

// The report a review sheet shows: the popup (or the files page) leaves it in storage.local under
// one key and opens review.html; the sheet validates it on receipt, like every Report that crosses
// a boundary.
import { browser } from 'wxt/browser';
import { Report } from '@/lib/report';

export const REVIEW_KEY = 'review';

export async function loadReviewReport(): Promise<Report | null> {
  const got = await browser.storage.local.get(REVIEW_KEY);
  const parsed = Report.safeParse((got[REVIEW_KEY] as { report?: unknown } | undefined)?.report);
  return parsed.success ? parsed.data : null;
}

export async function openReviewSheet(report: Report): Promise<void> {
  await browser.storage.local.set({ [REVIEW_KEY]: { report } });
  await browser.tabs.create({ url: browser.runtime.getURL('/review.html') });
}

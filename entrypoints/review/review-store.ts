// The report a review sheet shows: the popup (or the files page) leaves it in storage.local under
// one key and opens review.html (Gateway.openReviewSheet); the sheet validates it on receipt, like
// every Report that crosses a boundary.
import { browser } from 'wxt/browser';
import { REVIEW_KEY } from '@/components/gateway';
import { Report } from '@/lib/report';

export async function loadReviewReport(): Promise<Report | null> {
  const got = await browser.storage.local.get(REVIEW_KEY);
  const parsed = Report.safeParse((got[REVIEW_KEY] as { report?: unknown } | undefined)?.report);
  return parsed.success ? parsed.data : null;
}

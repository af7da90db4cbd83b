// The toolbar badge of a tab: the number of errors of its report (red), ✓ for a report whose
// figures add up (green), nothing for a page that is not a report or whose tables could not be
// read. Browsers reset a tab's badge when it navigates, so a stale badge cannot outlive its page.
import { browser } from 'wxt/browser';
import type { Report } from '@/lib/report';
import { listBadgeFor, listedOn } from './list-badge';

const RED = '#c92a2a';
const GREEN = '#2b8a3e';

export function badgeFor(report: Report | null): { text: string; color: string } {
  if (!report || !report.isReport || report.tables.length === 0) return { text: '', color: GREEN };
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  if (errors === 0) return { text: '✓', color: GREEN };
  return { text: errors > 99 ? '99+' : String(errors), color: RED };
}

export async function setBadge(tabId: number, report: Report | null): Promise<void> {
  // a column's list page keeps its list badge when the popup's reading finds no report there
  const own = badgeFor(report);
  const listed = own.text === '' ? listedOn(tabId, report?.source) : null;
  const { text, color } = listed !== null ? listBadgeFor(listed) : own;
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // the tab closed meanwhile
  }
}

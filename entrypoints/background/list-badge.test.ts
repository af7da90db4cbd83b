// The list badge: blue, a list sign before the count, never a report's red count or green ✓; kept
// for the page it was said of only.
import { describe, expect, it } from 'vitest';
import { Report } from '@/lib/report';
import { badgeFor } from './badge';
import { forgetList, listBadgeFor, listedOn, onTabListed } from './list-badge';
import errorsJson from '@/components/fixtures/report-errors.json';
import consistentJson from '@/components/fixtures/report-consistent.json';

describe('listBadgeFor', () => {
  it('is blue with ≡ before the count, unlike any report badge', () => {
    expect(listBadgeFor(7)).toEqual({ text: '≡7', color: '#1c7ed6' });
    expect(listBadgeFor(250).text).toBe('≡99');
    for (const r of [Report.parse(errorsJson), Report.parse(consistentJson)]) {
      const b = badgeFor(r);
      expect(b.color).not.toBe(listBadgeFor(7).color);
      expect(b.text.startsWith('≡')).toBe(false);
    }
  });
});

describe('listedOn', () => {
  it('answers for the page the top frame said it of, not another frame nor page', async () => {
    const sender = (tab: number, url: string, frameId = 0) => ({ tab: { id: tab } as never, url, frameId });
    await onTabListed({ type: 'tab/listed', url: 'http://x.gov.cn/l/', count: 5, pages: 2 }, sender(3, 'http://x.gov.cn/l/'));
    await onTabListed({ type: 'tab/listed', url: 'http://x.gov.cn/f/', count: 9, pages: null }, sender(4, 'http://x.gov.cn/f/', 2));
    expect(listedOn(3, 'http://x.gov.cn/l/')).toBe(5);
    expect(listedOn(3, 'http://x.gov.cn/other.html')).toBeNull();
    expect(listedOn(4, 'http://x.gov.cn/f/')).toBeNull();
    forgetList(3);
    expect(listedOn(3, 'http://x.gov.cn/l/')).toBeNull();
  });
});

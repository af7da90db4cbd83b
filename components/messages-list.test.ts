// The list offer is checked by hand (no zod in the content script): what passes and what does not.
import { describe, expect, it } from 'vitest';
import { parseListOffer, parseTabListed } from './messages-list';
import { accessUrls } from './sweep-host';
import { sweepTarget } from './sweep-host-browser';

describe('parseListOffer', () => {
  it('takes a well-formed offer and its message', () => {
    expect(parseListOffer({ url: 'https://x.gov.cn/l/', count: 7, pages: 2 })).toEqual({ url: 'https://x.gov.cn/l/', count: 7, pages: 2 });
    expect(parseTabListed({ type: 'tab/listed', url: 'http://x.gov.cn/', count: 3, pages: null, extra: 1 })).toEqual({ type: 'tab/listed', url: 'http://x.gov.cn/', count: 3, pages: null });
  });
  it('refuses anything else', () => {
    for (const bad of [null, 'x', { url: 'javascript:1', count: 2, pages: null }, { url: 'http://x/', count: -1, pages: null }, { url: 'http://x/', count: 1.5, pages: null }, { url: 'http://x/', count: 2, pages: '3' }, { url: 'http://x/', count: 2 }])
      expect(parseListOffer(bad)).toBeNull();
    expect(parseTabListed({ type: 'tab/extracted', url: 'http://x/', count: 2, pages: null })).toBeNull();
  });
});

describe('the sweep page\'s address and the sites it asks for', () => {
  it('reads the tab and the list\'s address from its query', () => {
    expect(sweepTarget('?tabId=12&url=http%3A%2F%2Fx.gov.cn%2Fl%2F')).toEqual({ tabId: 12, url: 'http://x.gov.cn/l/' });
    expect(sweepTarget('?tabId=x')).toEqual({ tabId: null, url: null });
  });
  it('asks for the list\'s site and its same-site links, never another site', () => {
    const urls = accessUrls('http://x.gov.cn/l/', [
      { url: 'https://x.gov.cn/a.html', sameSite: true },
      { url: 'http://y.gov.cn/b.html', sameSite: false },
    ]);
    expect(urls).toEqual(['http://x.gov.cn/l/', 'https://x.gov.cn/a.html']);
  });
});

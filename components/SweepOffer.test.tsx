// @vitest-environment happy-dom
// The popup on a column's list page offers the sweep; elsewhere it offers nothing.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Report } from '@/lib/report';
import { useCatalog } from './i18n';
import zhCatalog from '../public/_locales/zh_CN/messages.json';
import { mockGateway } from './gateway-mock';
import type { Gateway } from './gateway';
import type { ListOffer } from './messages-list';
import { Popup } from './Popup';
import notReportJson from './fixtures/not-report.json';

useCatalog(zhCatalog);
const notReport = Report.parse(notReportJson);

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function show(g: Gateway): Promise<void> {
  await act(async () => render(<Popup gateway={g} lang="zh" />, root));
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

function withList(offer: ListOffer | null): Gateway & { opened: ListOffer[] } {
  const opened: ListOffer[] = [];
  return { ...mockGateway(notReport), listedReports: async () => offer, openSweep: async (o: ListOffer) => void opened.push(o), opened };
}

describe('the sweep offer in the popup', () => {
  it('says how many reports the page lists and opens the sweep for it', async () => {
    const g = withList({ url: 'http://x.gov.cn/zfxxgknb/', count: 5, pages: 2 });
    await show(g);
    const button = root.querySelector<HTMLElement>('[data-action=open-sweep]')!;
    expect(button.textContent).toBe('≡ 本页列出 5 份报告，栏目共 2 页 — 全部核对');
    await act(async () => button.click());
    expect(g.opened).toEqual([{ url: 'http://x.gov.cn/zfxxgknb/', count: 5, pages: 2 }]);
  });

  it('says the column\'s count alone when the page states no other page', async () => {
    await show(withList({ url: 'http://x.gov.cn/l/', count: 7, pages: null }));
    expect(root.querySelector('[data-action=open-sweep]')!.textContent).toBe('≡ 本栏目列出 7 份报告 — 全部核对');
  });

  it('offers nothing on a page that lists fewer than two reports, nor without a list', async () => {
    await show(withList({ url: 'http://x.gov.cn/l/', count: 1, pages: null }));
    expect(root.querySelector('[data-testid=sweep-offer]')).toBeNull();
    render(null, root);
    await show(withList(null));
    expect(root.querySelector('[data-testid=sweep-offer]')).toBeNull();
    render(null, root);
    await show(mockGateway(notReport));
    expect(root.querySelector('[data-testid=sweep-offer]')).toBeNull();
  });
});

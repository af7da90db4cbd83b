// The sweep page over the real browser (sweep.html?tabId=…&url=…, opened by the popup on a
// column's list page): a tab of its own, since a sweep takes tens of seconds and a popup closes as
// soon as the user clicks elsewhere. The list is read from that tab; the reports are fetched from
// here (components/sweep-host-browser.ts).
import { useMemo } from 'preact/hooks';
import { browserGateway } from '@/components/gateway-browser';
import { browserSweepHost } from '@/components/sweep-host-browser';
import { SweepPage } from '@/components/SweepPage';
import { t, uiLang } from '@/components/i18n';

export function App() {
  const gateway = useMemo(browserGateway, []);
  const host = useMemo(() => browserSweepHost(), []);
  const lang = uiLang();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${t('sweepTitle')} · ${t('extName')}`;
  return <SweepPage host={host} gateway={gateway} lang={lang} />;
}

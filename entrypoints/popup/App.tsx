// The popup over the real browser: the UI (components/Popup) with the extension gateway.
import { useMemo } from 'preact/hooks';
import { browserGateway } from '@/components/gateway-browser';
import { t, uiLang } from '@/components/i18n';
import { Popup } from '@/components/Popup';

export function App() {
  const gateway = useMemo(browserGateway, []);
  const lang = uiLang();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('extName');
  return <Popup gateway={gateway} lang={lang} />;
}

// The popup over the real browser: the UI (components/Popup) with the extension gateway.
import type { Gateway } from '@/components/gateway';
import { t, uiLang } from '@/components/i18n';
import { Popup } from '@/components/Popup';

export function App({ gateway }: { gateway: Gateway }) {
  const lang = uiLang();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('extName');
  return <Popup gateway={gateway} lang={lang} />;
}

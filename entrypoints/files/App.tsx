// The files page over the real browser: report files from disk (components/FilesPage) with the
// extension gateway. Unlisted page (files.html), also the options page (wxt.config.ts).
import { useMemo } from 'preact/hooks';
import { browserGateway } from '@/components/gateway-browser';
import { FilesPage } from '@/components/FilesPage';
import { t, uiLang } from '@/components/i18n';

export function App() {
  const gateway = useMemo(browserGateway, []);
  const lang = uiLang();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${t('filesTitle')} · ${t('extName')}`;
  return <FilesPage gateway={gateway} lang={lang} />;
}

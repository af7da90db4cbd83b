// A typed wrapper over browser.i18n.getMessage. Keys are those of the zh_CN catalogue (the
// default locale), so a misspelt key fails to typecheck. The catalogue is only a type here: the
// popup bundle does not carry it (the browser has it). Component tests, which have no browser,
// hand it over with useCatalog(); the same $PLACEHOLDER$ → $1 rules as the browser then apply.
import { browser } from 'wxt/browser';

type Catalog = typeof import('../public/_locales/zh_CN/messages.json');
export type MessageKey = keyof Catalog;
export type UiLang = 'zh' | 'en';

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

let fallback: Record<string, CatalogEntry> | null = null;

/** Tests: answer from this catalogue where the browser's i18n API is missing. */
export function useCatalog(catalog: Record<string, CatalogEntry>): void {
  fallback = catalog;
}

function fromCatalog(entry: CatalogEntry, subs: string[]): string {
  return entry.message
    .replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const s = subs.map(String);
  try {
    const m = browser.i18n.getMessage(key, s);
    if (m) return m;
  } catch {
    // no extension API here (tests)
  }
  const entry = fallback?.[key];
  return entry ? fromCatalog(entry, s) : key;
}

/**
 * The language the UI is shown in. Decided by the catalogue the browser picked (a French browser
 * falls back to the default zh_CN), so finding messages always match the surrounding UI.
 */
export function uiLang(): UiLang {
  return t('lang') === 'en' ? 'en' : 'zh';
}

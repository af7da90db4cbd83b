// A report file fetched on the user's word (an attachment of the page, the PDF open in the
// browser's viewer), read and shown as any report; or, when it could not be fetched, why, in one
// plain sentence: an HTTP error, a web page (a login page) instead of the file, over the size
// limit, or the browser's refusal, with the button that asks the user for access to the site.
import { useEffect, useState } from 'preact/hooks';
import type { FetchFailure } from './fetch-file';
import { FileReport } from './FileReport';
import type { CollectedReport, FileState, Gateway } from './gateway';
import { t, type UiLang } from './i18n';

interface Props {
  url: string;
  gateway: Gateway;
  lang: UiLang;
  announce(message: string): void;
  onCollected(entries: CollectedReport[]): void;
  /** back to the page the file was linked from */
  onBack?(): void;
  /** a line above the file (the tab shows a PDF) */
  intro?: string;
}

export function failureText(f: FetchFailure): string {
  switch (f.reason) {
    case 'http':
      return f.status === 404 ? t('fetchHttp404') : t('fetchHttp', f.status);
    case 'web-page':
      return t('fetchWebPage');
    case 'too-large':
      return t('fetchTooLarge', Math.round(f.limitBytes / (1024 * 1024)));
    case 'empty':
      return t('fetchEmpty');
    case 'timeout':
      return t('fetchTimeout', f.seconds);
    case 'network':
      return t('fetchNetwork', f.message);
  }
}

export function FileView({ url, gateway, lang, announce, onCollected, onBack, intro }: Props) {
  const [state, setState] = useState<FileState | null>(null);
  const read = () => {
    setState(null);
    gateway.readFile(url).then(setState, (e: unknown) => setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
  };
  useEffect(read, [url, gateway]);

  const grant = () => {
    // straight from the click: the browser shows its prompt only during the gesture
    gateway.requestAccess(url).then(
      (ok) => (ok ? read() : announce(t('accessDenied'))),
      () => announce(t('accessDenied')),
    );
  };

  return (
    <div class="file-view" data-file-url={url} data-file-state={state?.kind ?? 'reading'} data-file-ms={state?.kind === 'report' ? state.elapsedMs : undefined}>
      {onBack && (
        <button type="button" class="back" data-action="back-to-page" onClick={onBack}>
          ← {t('backToPage')}
        </button>
      )}
      {intro && <p class="file-intro">{intro}</p>}
      <FileStateView state={state} url={url} gateway={gateway} lang={lang} announce={announce} onCollected={onCollected} onGrant={grant} onRetry={read} />
    </div>
  );
}

interface StateProps {
  state: FileState | null;
  /** the address or the file name */
  url: string;
  gateway: Gateway;
  lang: UiLang;
  announce(message: string): void;
  onCollected(entries: CollectedReport[]): void;
  onGrant?(): void;
  onRetry?(): void;
}

/** What reading one file gave, for the popup and the files page alike. */
export function FileStateView({ state, url, gateway, lang, announce, onCollected, onGrant, onRetry }: StateProps) {
  if (state === null) {
    return (
      <p class="loading" role="status" data-testid="file-loading">
        {t('fileLoading', nameOf(url))}
      </p>
    );
  }
  switch (state.kind) {
    case 'report':
      return <FileReport report={state.report} elapsedMs={state.elapsedMs} gateway={gateway} lang={lang} announce={announce} onCollected={onCollected} />;
    case 'needs-permission':
      return (
        <section class="message" data-testid="file-permission">
          <p>{t('needPermission', state.host)}</p>
          <p class="page-url">{state.url}</p>
          {onGrant && (
            <button type="button" class="primary" data-action="grant-access" onClick={onGrant}>
              {t('grantAndRead', state.host)}
            </button>
          )}
        </section>
      );
    case 'fetch-failed':
      return (
        <section class="message" data-testid="file-failed" data-reason={state.failure.reason}>
          <h1>{failureText(state.failure)}</h1>
          <p class="page-url">{state.url}</p>
          {onRetry && (
            <button type="button" onClick={onRetry}>
              {t('retry')}
            </button>
          )}
        </section>
      );
    case 'failed':
      return (
        <section class="message" data-testid="file-failed" data-reason="reader">
          <h1>{t('fileFailed', state.message)}</h1>
          <p class="page-url">{url}</p>
        </section>
      );
  }
}

function nameOf(url: string): string {
  try {
    const path = new URL(url).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
  } catch {
    return url;
  }
}

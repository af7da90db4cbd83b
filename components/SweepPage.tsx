// The sweep page: a column's reports checked at once. It shows what the list page lists (the
// reports, the column's pages, the limits and the requests the sweep will make), then, on the
// user's start, a progress bar with the address being read and a stop button, then one line per
// report (SweepResults.tsx) with the cross-year findings, the exports and "add all to the
// collection". A line opens its report as the popup shows any report (ReportView). Everything of
// the browser goes through `host` (the list, the permission, the requests) and `gateway` (the
// collection, downloads), so the page is tested in a DOM alone.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CellLoc } from '@/lib/report';
import { readReportList } from '@/lib/sweep/list';
import { runSweep } from '@/lib/sweep/sweep';
import { SWEEP_DEFAULTS, type SweepEvent, type SweepItem, type SweepListPage, type SweepOptions, type SweepResult } from '@/lib/sweep/types';
import { sweepReports, toSweepCsv, toSweepJson, toSweepLongCsv } from '@/lib/export/csv-sweep';
import { CollectionView } from './CollectionView';
import type { CollectedReport, Gateway } from './gateway';
import { hostOf } from './gateway';
import { TopBar } from './TopBar';
import { t, type UiLang } from './i18n';
import { ReportView } from './Popup';
import { accessUrls, type ListSource, type SweepHost } from './sweep-host';
import { isWebLink, sweepFileName } from './sweep-text';
import { SweepCrossYear, SweepTable } from './SweepResults';

/** What the page runs with: the core's limits, two requests at a time. */
export const SWEEP_PAGE_OPTIONS: SweepOptions = { concurrency: 2 };

const STATUS_MS = 6000;
const CSV_MIME = 'text/csv;charset=utf-8';

interface Props {
  host: SweepHost;
  gateway: Gateway;
  lang: UiLang;
  /** the core's options (tests shorten the pauses) */
  options?: SweepOptions;
}

interface Progress {
  pages: SweepListPage[];
  /** reports to account for, once the list pages are read */
  total: number | null;
  done: number;
  /** the address of the last request started */
  current: string | null;
}

const NO_PROGRESS: Progress = { pages: [], total: null, done: 0, current: null };

export function SweepPage({ host, gateway, lang, options = SWEEP_PAGE_OPTIONS }: Props) {
  const [source, setSource] = useState<ListSource | null>(null);
  const [phase, setPhase] = useState<'ready' | 'running' | 'done'>('ready');
  const [progress, setProgress] = useState<Progress>(NO_PROGRESS);
  const [result, setResult] = useState<SweepResult | null>(null);
  const [shown, setShown] = useState<SweepItem | null>(null);
  const [view, setView] = useState<'sweep' | 'collection'>('sweep');
  const [collection, setCollection] = useState<CollectedReport[]>([]);
  const [status, setStatus] = useState('');
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopper = useRef<AbortController | null>(null);

  const announce = (message: string) => {
    setStatus(message);
    clearTimeout(statusTimer.current);
    statusTimer.current = setTimeout(() => setStatus(''), STATUS_MS);
  };

  useEffect(() => {
    host.readList().then(setSource, (e: unknown) => setSource({ kind: 'unavailable', detail: e instanceof Error ? e.message : String(e) }));
    gateway.collectionList().then(setCollection, () => setCollection([]));
    return () => {
      clearTimeout(statusTimer.current);
      stopper.current?.abort();
    };
  }, [host, gateway]);

  const list = useMemo(() => (source?.kind === 'list' ? readReportList(source.doc, source.url) : null), [source]);

  const run = async (src: Extract<ListSource, { kind: 'list' }>) => {
    const ctl = new AbortController();
    stopper.current = ctl;
    setPhase('running');
    setResult(null);
    setShown(null);
    setProgress(NO_PROGRESS);
    const deps = {
      ...host.deps,
      fetchBytes: (url: string, signal: AbortSignal) => {
        setProgress((p) => ({ ...p, current: url }));
        return host.deps.fetchBytes(url, signal);
      },
    };
    const onEvent = (e: SweepEvent) => {
      if (e.type === 'list-page') setProgress((p) => ({ ...p, pages: [...p.pages, e.page] }));
      else if (e.type === 'listed') setProgress((p) => ({ ...p, total: e.total }));
      else if (e.type === 'item') setProgress((p) => ({ ...p, done: e.done, total: e.total }));
    };
    try {
      setResult(await runSweep({ url: src.url, doc: src.doc }, deps, { ...options, signal: ctl.signal }, onEvent));
    } catch (e) {
      announce(t('scanFailed', e instanceof Error ? e.message : String(e)));
    } finally {
      stopper.current = null;
      setPhase('done');
    }
  };

  const start = () => {
    if (source?.kind !== 'list' || list === null) return;
    // straight from the click: the permission prompt needs the user's gesture
    host.requestAccess(accessUrls(list.url, list.reports)).then(
      (ok) => (ok ? run(source) : announce(t('sweepAccessDenied'))),
      () => announce(t('sweepAccessDenied')),
    );
  };

  const download = (suffix: string, mime: string, write: (r: SweepResult) => string) => async () => {
    if (!result) return;
    const name = sweepFileName(result.listUrl, suffix);
    try {
      await gateway.download(name, write(result), mime);
      announce(t('downloaded', name));
    } catch (e) {
      announce(t('copyFailed', e instanceof Error ? e.message : String(e)));
    }
  };

  const addAll = async () => {
    if (!result) return;
    const reports = sweepReports(result);
    if (reports.length === 0) return announce(t('sweepNothingToAdd'));
    let entries = collection;
    // one at a time: each add reads the stored collection and writes it back
    for (const r of reports) entries = (await gateway.collectionAdd(r)).entries;
    setCollection(entries);
    announce(t('sweepAdded', reports.length, entries.length));
  };

  let body;
  if (view === 'collection') {
    body = <CollectionView entries={collection} gateway={gateway} lang={lang} onChange={setCollection} announce={announce} />;
  } else if (shown?.report) {
    body = <SweepItemView item={shown as ItemViewProps['item']} gateway={gateway} lang={lang} announce={announce} onCollected={setCollection} onBack={() => setShown(null)} />;
  } else {
    body = (
      <>
        <h1 class="sweep-title">{t('sweepTitle')}</h1>
        <ListSummary source={source} list={list} lang={lang} />
        {list && list.reports.length > 0 && phase !== 'running' && (
          <p class="sweep-start-line">
            <button type="button" class="sweep-start primary" data-action="start-sweep" onClick={start}>
              {phase === 'done' ? t('sweepAgain') : t('sweepStart')}
            </button>
          </p>
        )}
        {phase === 'running' && <ProgressView progress={progress} onStop={() => stopper.current?.abort()} />}
        {result && (
          <ResultView
            result={result}
            lang={lang}
            onShow={setShown}
            onCsv={download('.csv', CSV_MIME, (r) => toSweepCsv(r, { bom: true, lang }))}
            onLongCsv={download('_figures.csv', CSV_MIME, (r) => toSweepLongCsv(r, true))}
            onJson={download('.json', 'application/json', toSweepJson)}
            onAddAll={addAll}
          />
        )}
      </>
    );
  }

  return (
    <div class="sweep-page popup" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-phase={phase}>
      <TopBar inCollection={view === 'collection'} collectionSize={collection.length} status={status} onBack={() => setView('sweep')} onOpenCollection={() => setView('collection')} />
      <main>{body}</main>
    </div>
  );
}

function ListSummary({ source, list, lang }: { source: ListSource | null; list: ReturnType<typeof readReportList> | null; lang: UiLang }) {
  if (source === null) return <p class="loading" role="status">{t('sweepReadingList')}</p>;
  if (source.kind === 'unavailable' || list === null) {
    return (
      <p class="notice-strong" data-testid="list-unavailable">
        {t('sweepListGone')}
      </p>
    );
  }
  if (list.reports.length === 0) return <p class="notice-strong">{t('sweepNotList')}</p>;
  const elsewhere = list.reports.filter((r) => !r.sameSite).length;
  const pages = list.pagination.total;
  return (
    <section class="sweep-list" data-testid="sweep-list" data-listed={list.reports.length} data-pages={pages ?? ''}>
      <p class="page-url" title={list.url}>
        {list.url}
      </p>
      <p class="sweep-listed">
        <strong>{t('sweepListed', list.reports.length)}</strong>
        {lang === 'zh' ? '，' : ', '}
        {pages !== null ? t('sweepPagesStated', pages) : t('sweepPagesUnstated')}
        {elsewhere > 0 && `${lang === 'zh' ? '；' : '; '}${t('sweepOtherSiteLinks', elsewhere)}`}
      </p>
      <ol class="sweep-links">
        {list.reports.map((r) => (
          <li key={r.url} class={r.sameSite ? '' : 'other-site'}>
            {isWebLink(r.url) ? (
              <a href={r.url} target="_blank" rel="noopener noreferrer" title={r.url}>
                {r.linkText}
              </a>
            ) : (
              r.linkText
            )}
            {!r.sameSite && <span class="tag"> · {t('sweepStatusOtherSite')}</span>}
          </li>
        ))}
      </ol>
      <p class="hint sweep-limits">
        {t('sweepLimits', SWEEP_DEFAULTS.maxPages, SWEEP_DEFAULTS.maxReports, SWEEP_PAGE_OPTIONS.concurrency ?? 1, SWEEP_DEFAULTS.pauseMs / 1000, hostOf(list.url))}
      </p>
      <p class="hint">{t('sweepAccessHint')}</p>
    </section>
  );
}

function ProgressView({ progress, onStop }: { progress: Progress; onStop(): void }) {
  const { total, done, current, pages } = progress;
  return (
    <section class="sweep-progress" data-testid="sweep-progress" data-done={done} data-total={total ?? ''}>
      <div class="progress-line">
        {total === null ? <progress aria-label={t('sweepReadingPages', pages.length)} /> : <progress max={Math.max(total, 1)} value={done} aria-label={t('sweepProgress', done, total)} />}
        <span class="progress-count">{total === null ? t('sweepReadingPages', pages.length) : t('sweepProgress', done, total)}</span>
        <button type="button" class="sweep-stop" data-action="stop-sweep" onClick={onStop}>
          {t('sweepStop')}
        </button>
      </div>
      {current && (
        <p class="progress-current page-url" title={current}>
          {t('sweepCurrent', current)}
        </p>
      )}
    </section>
  );
}

interface ResultProps {
  result: SweepResult;
  lang: UiLang;
  onShow(item: SweepItem): void;
  onCsv(): void;
  onLongCsv(): void;
  onJson(): void;
  onAddAll(): void;
}

function ResultView({ result, lang, onShow, onCsv, onLongCsv, onJson, onAddAll }: ResultProps) {
  const total = result.items.length;
  const read = result.items.filter((i) => i.status === 'report').length;
  const notRead = result.items.filter((i) => i.status === 'stopped').length;
  const secs = ((result.finishedAt - result.startedAt) / 1000).toFixed(1);
  return (
    <section class="sweep-result" data-testid="sweep-result" data-stopped={String(result.stopped)} data-sweep-ms={Math.round(result.finishedAt - result.startedAt)} data-requests={result.requests}>
      <p class={`sweep-summary${result.stopped ? ' stopped' : ''}`} data-testid="sweep-summary">
        {result.stopped ? t('sweepStoppedSummary', total, read, notRead, secs, result.requests) : t('sweepDone', total, read, secs, result.requests)}
      </p>
      <details class="sweep-pages">
        <summary>
          {t('sweepListPages')} ({result.listPages.length})
        </summary>
        <ul>
          {result.listPages.map((p) => (
            <li key={p.url} data-status={p.status}>
              {isWebLink(p.url) ? (
                <a href={p.url} target="_blank" rel="noopener noreferrer">
                  {p.url}
                </a>
              ) : (
                p.url
              )}
              {lang === 'zh' ? '：' : ': '}
              {p.why[lang]}
            </li>
          ))}
        </ul>
      </details>
      <div class="actions sweep-exports" role="group" aria-label={t('actionsLabel')}>
        <button type="button" data-action="download-sweep-csv" onClick={onCsv}>
          {t('sweepExportCsv')}
        </button>
        <button type="button" data-action="download-sweep-long" onClick={onLongCsv}>
          {t('sweepExportLong')}
        </button>
        <button type="button" data-action="download-sweep-json" onClick={onJson}>
          {t('sweepExportJson')}
        </button>
        <button type="button" class="collect" data-action="add-all" onClick={onAddAll}>
          {t('sweepAddAll')}
        </button>
      </div>
      <SweepCrossYear result={result} lang={lang} />
      <SweepTable result={result} lang={lang} onShow={onShow} />
    </section>
  );
}

interface ItemViewProps {
  item: SweepItem & { report: NonNullable<SweepItem['report']> };
  gateway: Gateway;
  lang: UiLang;
  announce(message: string): void;
  onCollected(entries: CollectedReport[]): void;
  onBack(): void;
}

/** One swept report, as the popup shows a report; its cross-year findings first. */
function SweepItemView({ item, gateway, lang, announce, onCollected, onBack }: ItemViewProps) {
  const reveal = (loc: CellLoc) => announce(loc.page ? t('onFilePage', loc.page) : t('sweepRevealHint'));
  useEffect(() => window.scrollTo(0, 0), [item]);
  return (
    <section class="sweep-report" data-testid="sweep-report" data-url={item.url}>
      <p>
        <button type="button" data-action="back-to-results" onClick={onBack}>
          ← {t('sweepBack')}
        </button>
      </p>
      {item.crossYear.length > 0 && (
        <section class="sweep-item-cross">
          <h2>{t('sweepItemCross')}</h2>
          <ul class="findings">
            {item.crossYear.map((f, i) => (
              <li key={i} class={`finding sev-${f.severity}`} data-rule={f.rule}>
                <span class="sev-label">{t(`sev_${f.severity}`)}</span> <span class="msg">{f.message[lang]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ReportView report={item.report} frameId={0} gateway={gateway} lang={lang} announce={announce} onCollected={onCollected} reveal={reveal} />
    </section>
  );
}

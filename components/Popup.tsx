// The whole popup: reads the tab through the gateway, then shows what it found — a report (header,
// verdict, findings, tables 2/3/4, the rest of the page's tables), a page that is not a report, a
// report published only as an attachment, or a page the browser does not let extensions read —
// and the collection. It knows nothing of the extension API: everything goes through `gateway`.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { looksLikeReportTitle } from '@/lib/detect';
import type { CellLoc, Report } from '@/lib/report';
import { Attachments } from './Attachments';
import { CollectionView } from './CollectionView';
import { ExportBar } from './ExportBar';
import { indexFindings } from './finding-index';
import { FindingsList } from './FindingsList';
import type { CollectedReport, Gateway, PageState } from './gateway';
import { t, uiLang, type UiLang } from './i18n';
import { layoutFormat } from './layout-format';
import { ReportCtx, type ReportViewContext } from './popup-context';
import { Leftovers, RawTables } from './RawTables';
import { PageSource, ReportHeader } from './ReportHeader';
import { Table2 } from './Table2';
import { Table3 } from './Table3';
import { Table4 } from './Table4';

interface Props {
  gateway: Gateway;
  lang?: UiLang;
}

/** How long a confirmation stays on the status line. */
const STATUS_MS = 5000;

export function Popup({ gateway, lang = uiLang() }: Props) {
  const [state, setState] = useState<PageState | null>(null);
  const [view, setView] = useState<'page' | 'collection'>('page');
  const [collection, setCollection] = useState<CollectedReport[]>([]);
  const [status, setStatus] = useState('');
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const announce = (message: string) => {
    setStatus(message);
    clearTimeout(statusTimer.current);
    statusTimer.current = setTimeout(() => setStatus(''), STATUS_MS);
  };

  const read = () => {
    setState(null);
    gateway.readPage().then(setState, (e: unknown) => setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
  };
  // when the first answer reached the screen, counted from the popup's own start (its document's
  // time origin): what the user waits after the click, less the browser opening the popup
  const [shownMs, setShownMs] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (state !== null && shownMs === undefined) requestAnimationFrame(() => setShownMs(Math.round(performance.now())));
  }, [state]);
  useEffect(() => {
    read();
    gateway.collectionList().then(setCollection, () => setCollection([]));
    return () => clearTimeout(statusTimer.current);
  }, [gateway]);

  const body =
    view === 'collection' ? (
      <CollectionView entries={collection} gateway={gateway} lang={lang} onChange={setCollection} announce={announce} />
    ) : (
      <PageView state={state} gateway={gateway} lang={lang} announce={announce} onRetry={read} onCollected={setCollection} />
    );

  return (
    <div
      class="popup"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-elapsed-ms={state?.kind === 'report' ? state.elapsedMs : undefined}
      data-shown-ms={shownMs}
    >
      <nav class="top-bar">
        {view === 'collection' ? (
          <button type="button" data-action="back" onClick={() => setView('page')}>
            ← {t('collectionBack')}
          </button>
        ) : (
          <button type="button" data-action="open-collection" onClick={() => setView('collection')}>
            {t('collectionOpen', collection.length)}
          </button>
        )}
        <p class="status" role="status" aria-live="polite" data-testid="status">
          {status}
        </p>
      </nav>
      <main>{body}</main>
    </div>
  );
}

interface PageViewProps {
  state: PageState | null;
  gateway: Gateway;
  lang: UiLang;
  announce(message: string): void;
  onRetry(): void;
  onCollected(entries: CollectedReport[]): void;
}

function PageView({ state, gateway, lang, announce, onRetry, onCollected }: PageViewProps) {
  if (state === null) {
    return (
      <p class="loading" role="status">
        {t('loading')}
      </p>
    );
  }
  switch (state.kind) {
    case 'restricted':
      return (
        <section class="message" data-testid="restricted">
          <h1>{state.pdf ? t('pdfViewer') : t('restricted')}</h1>
          <p>{state.pdf ? t('pdfViewerHint') : t('restrictedHint')}</p>
          {state.url && <p class="page-url">{state.url}</p>}
        </section>
      );
    case 'no-tab':
      return (
        <section class="message">
          <h1>{t('noTab')}</h1>
        </section>
      );
    case 'failed':
      return (
        <section class="message">
          <h1>{t('scanFailed', state.message)}</h1>
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        </section>
      );
    case 'report': {
      const { report, frameId } = state;
      if (!report.isReport && !isAttachedReport(report)) return <NotReportView report={report} frameId={frameId} gateway={gateway} announce={announce} />;
      return <ReportView report={report} frameId={frameId} gateway={gateway} lang={lang} announce={announce} onCollected={onCollected} />;
    }
  }
}

/**
 * A page titled as an annual report that only links its attachments is the report's page, even
 * where the recogniser found nothing of a report on it: the auditor is told to open the attachment
 * rather than that this is not a report.
 */
function isAttachedReport(report: Report): boolean {
  return report.attachments.length > 0 && report.tables.length === 0 && looksLikeReportTitle(report.title ?? '');
}

function NotReportView({ report, frameId, gateway, announce }: { report: Report; frameId: number; gateway: Gateway; announce(m: string): void }) {
  const n = report.unrecognized.length;
  return (
    <section class="not-report" data-testid="not-report">
      <h1>{t('notReport')}</h1>
      <PageSource report={report} frameId={frameId} />
      <p>{n > 0 ? t('notReportTables', n) : t('notReportNoTables')}</p>
      {n > 0 && <ExportBar report={report} gateway={gateway} announce={announce} tablesOnly />}
      <RawTables tables={report.unrecognized} open />
      <Attachments items={report.attachments} />
    </section>
  );
}

interface ReportViewProps {
  report: Report;
  frameId: number;
  gateway: Gateway;
  lang: UiLang;
  announce(message: string): void;
  onCollected(entries: CollectedReport[]): void;
}

function ReportView({ report, frameId, gateway, lang, announce, onCollected }: ReportViewProps) {
  const index = useMemo(() => indexFindings(report), [report]);
  const ctx: ReportViewContext = useMemo(
    () => ({
      lang,
      report,
      index,
      cellsById: new Map(report.cells.map((c) => [c.id, c])),
      reveal: (loc: CellLoc) => {
        gateway.revealCell(frameId, loc).then(
          (ok) => ok || announce(t('locateFailed')),
          () => announce(t('locateFailed')),
        );
      },
    }),
    [report, index, lang, frameId, gateway],
  );
  const format = layoutFormat(report);
  const hasTables = report.tables.length > 0;

  const collect = async () => {
    const { entries, replaced } = await gateway.collectionAdd(report);
    onCollected(entries);
    announce(t(replaced ? 'collectionReplaced' : 'collectionAdded', entries.length));
  };

  return (
    <ReportCtx.Provider value={ctx}>
      <ReportHeader report={report} index={index} frameId={frameId} />
      {report.notice && (
        <p class="notice" data-testid="notice">
          {report.notice[lang]}
        </p>
      )}
      {!hasTables ? (
        <section class="attachment-only" data-testid="attachment-only">
          {/* the core's notice (above), where there is one, already says why */}
          {!report.notice && (
            <p class="notice-strong">{report.attachments.length > 0 ? t('attachmentOnly') : t('noTablesRead')}</p>
          )}
          <Attachments items={report.attachments} />
          <RawTables tables={report.unrecognized} />
        </section>
      ) : (
        <>
          <div class="actions">
            <ExportBar report={report} gateway={gateway} announce={announce} />
            <button type="button" class="collect" data-action="collect" onClick={collect}>
              {t('collectionAdd')}
            </button>
          </div>
          <FindingsList />
          <section class="tables" aria-label={t('tablesHeading')}>
            {report.tables.includes('T2') ? <Table2 format={format} /> : <p class="missing">{t('tableMissing', t('t2Short'))}</p>}
            {report.tables.includes('T3') ? <Table3 format={format} /> : <p class="missing">{t('tableMissing', t('t3Short'))}</p>}
            {report.tables.includes('T4') ? <Table4 format={format} /> : <p class="missing">{t('tableMissing', t('t4Short'))}</p>}
          </section>
          <Leftovers rows={report.leftovers} />
          <RawTables tables={report.unrecognized} />
          <Attachments items={report.attachments} />
        </>
      )}
    </ReportCtx.Provider>
  );
}

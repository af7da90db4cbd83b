// The whole popup: reads the tab through the gateway, then shows what it found — a report (header,
// verdict, findings, tables 2/3/4, the rest of the page's tables), a page that is not a report, a
// report published only as an attachment, or a page the browser does not let extensions read —
// and the collection. A report file (an attachment the user asks to read, the PDF open in the
// browser's viewer) is fetched and shown the same way (FileView). It knows nothing of the
// extension API: everything goes through `gateway`.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { looksLikeReportTitle } from '@/lib/detect';
import type { Attachment, CellLoc, Report } from '@/lib/report';
import { Attachments } from './Attachments';
import { lazyView } from './lazy-view';
import { ExportBar } from './ExportBar';
import { indexFindings } from './finding-index';
import { FindingsList } from './FindingsList';
import { hostOf, type CollectedReport, type Gateway, type PageState } from './gateway';
import { TopBar } from './TopBar';
import { t, uiLang, type UiLang } from './i18n';
import { layoutFormat } from './layout-format';
import { ReportCtx, type ReportViewContext } from './popup-context';
import { Leftovers, RawTables } from './RawTables';
import { SweepOffer } from './SweepOffer';
import { PageSource, ReportHeader } from './ReportHeader';
import { Table2 } from './Table2';
import { Table3 } from './Table3';
import { Table4 } from './Table4';

interface Props {
  gateway: Gateway;
  lang?: UiLang;
}

// loaded when first shown: reading a file, opening the collection
const FileView = lazyView(() => import('./FileView').then((m) => m.FileView));
const CollectionView = lazyView(() => import('./CollectionView').then((m) => m.CollectionView));

/** How long a confirmation stays on the status line. */
const STATUS_MS = 5000;

export function Popup({ gateway, lang = uiLang() }: Props) {
  const [state, setState] = useState<PageState | null>(null);
  const [view, setView] = useState<'page' | 'collection'>('page');
  /** the address of a file the user chose to read from the page (an attachment, an embedded PDF) */
  const [file, setFile] = useState<string | null>(null);
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
    // what the background read on load shows at once; the fresh read of the page replaces it
    let fresh = false;
    gateway.cachedPage().then(
      (cached) => cached && !fresh && setState(cached),
      () => {},
    );
    gateway.readPage().then(
      (s) => {
        fresh = true;
        setState(s);
      },
      (e: unknown) => {
        fresh = true;
        setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
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

  const pageSource = state?.kind === 'report' ? state.report.source : '';
  const readAttachment = (a: Attachment) => {
    // another site than the page's: ask for it in this click (the prompt needs the gesture)
    const otherSite = hostOf(a.href) !== hostOf(pageSource);
    const allowed = otherSite ? gateway.requestAccess(a.href) : Promise.resolve(true);
    allowed.then(
      (ok) => (ok ? setFile(a.href) : announce(t('accessDenied'))),
      () => announce(t('accessDenied')),
    );
  };

  const body =
    view === 'collection' ? (
      <CollectionView entries={collection} gateway={gateway} lang={lang} onChange={setCollection} announce={announce} />
    ) : file !== null ? (
      <FileView key={file} url={file} gateway={gateway} lang={lang} announce={announce} onCollected={setCollection} onBack={() => setFile(null)} />
    ) : (
      <PageView state={state} gateway={gateway} lang={lang} announce={announce} onRetry={read} onCollected={setCollection} onRead={readAttachment} onOpenFile={setFile} />
    );

  return (
    <div
      class="popup"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-elapsed-ms={state?.kind === 'report' ? state.elapsedMs : undefined}
      data-shown-ms={shownMs}
      data-cached={state?.kind === 'report' && state.cached ? 'true' : undefined}
    >
      <TopBar inCollection={view === 'collection'} collectionSize={collection.length} status={status} onBack={() => setView('page')} onOpenCollection={() => setView('collection')}>
        <button type="button" class="open-files" data-action="open-files-page" onClick={() => gateway.openFilesPage().catch(() => {})}>
          {t('openFilesPage')}
        </button>
      </TopBar>
      <main>
        {/* on a column's list page: check all its reports (the sweep page) */}
        {view === 'page' && file === null && state !== null && <SweepOffer gateway={gateway} />}
        {body}
      </main>
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
  onRead(a: Attachment): void;
  /** reads the tab's own address as a file (its site is the tab's: no permission to ask first) */
  onOpenFile(url: string): void;
}

/** An address the popup can fetch (the PDF viewer also shows file: and blob: addresses, which it cannot). */
const isWebAddress = (url: string | null): url is string => url !== null && hostOf(url) !== '';

function PageView({ state, gateway, lang, announce, onRetry, onCollected, onRead, onOpenFile }: PageViewProps) {
  if (state === null) {
    return (
      <p class="loading" role="status">
        {t('loading')}
      </p>
    );
  }
  switch (state.kind) {
    case 'restricted':
      // the PDF open in the browser's viewer: read the file itself, from its address
      if (state.pdf && isWebAddress(state.url)) {
        return (
          <FileView url={state.url} gateway={gateway} lang={lang} announce={announce} onCollected={onCollected} intro={`${t('pdfViewer')}${lang === 'zh' ? '：' : ': '}${t('pdfViewerHint')}`} />
        );
      }
      return (
        <section class="message" data-testid="restricted">
          <h1>{state.pdf ? t('pdfViewer') : t('restricted')}</h1>
          <p>{state.pdf ? t('pdfLocalHint') : t('restrictedHint')}</p>
          {state.url && <p class="page-url">{state.url}</p>}
          {/* Firefox shows a PDF whose address does not end in .pdf in its own viewer, where no script runs */}
          {!state.pdf && isWebAddress(state.url) && (
            <button type="button" data-action="read-tab-as-file" onClick={() => onOpenFile(state.url!)}>
              {t('readTabAsFile')}
            </button>
          )}
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
      const embedded = state.embedded ?? [];
      const reveal = (loc: CellLoc) => {
        gateway.revealCell(frameId, loc).then(
          (ok) => ok || announce(t('locateFailed')),
          () => announce(t('locateFailed')),
        );
      };
      if (!report.isReport && !isAttachedReport(report) && embedded.length === 0)
        return <NotReportView report={report} frameId={frameId} gateway={gateway} announce={announce} onRead={onRead} />;
      return (
        <ReportView report={report} frameId={frameId} gateway={gateway} lang={lang} announce={announce} onCollected={onCollected} reveal={reveal} embedded={embedded} onRead={onRead} />
      );
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

function NotReportView({ report, frameId, gateway, announce, onRead }: { report: Report; frameId: number; gateway: Gateway; announce(m: string): void; onRead(a: Attachment): void }) {
  const n = report.unrecognized.length;
  return (
    <section class="not-report" data-testid="not-report">
      <h1>{t('notReport')}</h1>
      <PageSource report={report} frameId={frameId} />
      <p>{n > 0 ? t('notReportTables', n) : t('notReportNoTables')}</p>
      {n > 0 && <ExportBar report={report} gateway={gateway} announce={announce} tablesOnly />}
      <RawTables tables={report.unrecognized} open />
      <Attachments items={report.attachments} pageSource={report.source} onRead={onRead} />
    </section>
  );
}

export interface ReportViewProps {
  report: Report;
  frameId: number;
  gateway: Gateway;
  lang: UiLang;
  announce(message: string): void;
  onCollected(entries: CollectedReport[]): void;
  /** shows where a cell is: outlined on the page, or, for a file, its page number said */
  reveal(loc: CellLoc): void;
  /** PDFs shown inside the page */
  embedded?: Attachment[];
  /** reads an attachment (absent for a report read from a file) */
  onRead?(a: Attachment): void;
}

/** One report: header, verdict, exports, findings, tables 2/3/4 — for a page and for a file alike. */
export function ReportView({ report, frameId, gateway, lang, announce, onCollected, reveal, embedded = [], onRead }: ReportViewProps) {
  const index = useMemo(() => indexFindings(report), [report]);
  const ctx: ReportViewContext = useMemo(
    () => ({
      lang,
      report,
      index,
      cellsById: new Map(report.cells.map((c) => [c.id, c])),
      reveal,
    }),
    [report, index, lang, frameId, gateway],
  );
  const attachments = <Attachments items={report.attachments} embedded={embedded} pageSource={report.source} onRead={onRead} />;
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
            <p class="notice-strong">{report.attachments.length + embedded.length > 0 ? t('attachmentOnly') : t('noTablesRead')}</p>
          )}
          {attachments}
          <RawTables tables={report.unrecognized} />
        </section>
      ) : (
        <>
          <div class="actions">
            <ExportBar report={report} gateway={gateway} announce={announce} lang={lang} />
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
          {attachments}
        </>
      )}
    </ReportCtx.Provider>
  );
}

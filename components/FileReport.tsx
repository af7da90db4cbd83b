// A report read from a file, shown as a page's report is (the same header, findings, tables and
// exports), with two differences: a cell's place is a page of the file, so "show it" says the
// page number instead of scrolling a page; and a file with no figures says what the reader found
// (a scan with no text, an encrypted file, a kind not read, a file that is not a report).
import type { CellLoc, Report } from '@/lib/report';
import type { CollectedReport, Gateway } from './gateway';
import { t, type UiLang } from './i18n';
import { ReportView } from './Popup';
import { PageSource } from './ReportHeader';

interface Props {
  report: Report;
  elapsedMs?: number;
  gateway: Gateway;
  lang: UiLang;
  announce(message: string): void;
  onCollected(entries: CollectedReport[]): void;
}

export function FileReport({ report, elapsedMs, gateway, lang, announce, onCollected }: Props) {
  const reveal = (loc: CellLoc) => announce(loc.page ? t('onFilePage', loc.page) : t('inFileNoPage'));
  if (report.tables.length === 0) {
    // the recogniser's "this page is not a report" would repeat the heading, and say "page"
    const generic = !report.isReport && /^此页面不是/.test(report.notice?.zh ?? '');
    return (
      <section class="file-no-report" data-testid="file-no-report">
        <h1>{report.isReport ? (report.agency ?? t('agencyUnknown')) : t('fileNotReport')}</h1>
        <PageSource report={report} frameId={0} />
        <p class="notice-strong" data-testid="notice">
          {(!generic && report.notice?.[lang]) || t('fileNoTables')}
        </p>
      </section>
    );
  }
  return (
    <div class="file-report" data-testid="file-report">
      <ReportView report={report} frameId={0} gateway={gateway} lang={lang} announce={announce} onCollected={onCollected} reveal={reveal} />
      {elapsedMs !== undefined && <p class="hint elapsed">{t('fileElapsed', elapsedMs)}</p>}
    </div>
  );
}

// The top of the popup: who published the report, for which year, in which official format, the
// verdict in words, and which page (title and address) it was read from.
import type { Report } from '@/lib/report';
import type { FindingIndex } from './finding-index';
import { t } from './i18n';

export function formatLabel(format: Report['format']): string {
  return format ? t(`format_${format}`) : t('formatUnknown');
}

export function Verdict({ index }: { index: FindingIndex }) {
  return (
    <p class={`verdict ${index.errors > 0 ? 'bad' : 'good'}`} data-testid="verdict">
      <strong>
        <span aria-hidden="true">{index.errors > 0 ? '✗ ' : '✓ '}</span>
        {index.errors > 0 ? t('verdictErrors', index.errors) : t('verdictNone')}
      </strong>
      {index.warnings > 0 && <span class="verdict-extra">（{t('verdictWarnings', index.warnings)}）</span>}
    </p>
  );
}

export function PageSource({ report, frameId }: { report: Report; frameId: number }) {
  return (
    <dl class="page-source">
      <dt>{t('pageLabel')}</dt>
      <dd class="page-title" title={report.title ?? ''}>
        {report.title || '—'}
      </dd>
      <dt>{t('addressLabel')}</dt>
      <dd class="page-url" title={report.source}>
        {report.source}
        {frameId !== 0 && <span class="frame-note">（{t('frameNote')}）</span>}
      </dd>
    </dl>
  );
}

export function ReportHeader({ report, index, frameId }: { report: Report; index: FindingIndex; frameId: number }) {
  const hasTables = report.tables.length > 0;
  return (
    <header class="report-header">
      <h1 class="agency">{report.agency ?? t('agencyUnknown')}</h1>
      <p class="meta">
        <span class="year">{report.year !== null ? t('yearValue', report.year) : t('yearUnknown')}</span>
        {/* no tables, no format to speak of */}
        {(hasTables || report.format) && <span class="format">{formatLabel(report.format)}</span>}
      </p>
      {hasTables && <Verdict index={index} />}
      <PageSource report={report} frameId={frameId} />
    </header>
  );
}

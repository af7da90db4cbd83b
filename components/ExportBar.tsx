// The export buttons. Copies go through the gateway (clipboard); downloads are saved from the
// popup itself (no downloads permission). Every action ends with a short confirmation on the
// status line, which is an aria-live region. The writers (CSV with papaparse, TSV, JSON) load on
// the first click: they are a sixth of the popup, and most popups export nothing. The workbook
// writer loads on its own click, and the review sheet opens in a tab of its own.
import type { Report } from '@/lib/report';
import type { Gateway } from './gateway';
import { t, type UiLang } from './i18n';

interface Props {
  report: Report;
  gateway: Gateway;
  announce(message: string): void;
  /** a page that is not a report offers its tables as CSV only */
  tablesOnly?: boolean;
  /** language of the workbook's cell notes */
  lang?: UiLang;
}

const CSV_MIME = 'text/csv;charset=utf-8';

/** data lines of a CSV (its header line and the final line break not counted) */
function dataLines(csv: string): number {
  return Math.max(0, csv.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l !== '').length - 1);
}

export function ExportBar({ report, gateway, announce, tablesOnly = false, lang = 'zh' }: Props) {
  const run = (action: () => Promise<string>) => async () => {
    try {
      announce(await action());
    } catch (e) {
      announce(t('copyFailed', e instanceof Error ? e.message : String(e)));
    }
  };
  const writers = () => import('./core');
  const copyCsv = run(async () => {
    const { toCsv } = await writers();
    const csv = toCsv(report, { shape: 'long' });
    await gateway.copyText(csv);
    return t('copiedCsv', dataLines(csv));
  });
  const copyTsv = run(async () => {
    const { toTsv } = await writers();
    await gateway.copyText(toTsv(report));
    return t('copiedTsv');
  });
  const downloadCsv = run(async () => {
    const { exportFileName, toCsv } = await writers();
    const name = exportFileName(report, 'csv');
    await gateway.download(name, toCsv(report, { shape: 'long', bom: true }), CSV_MIME);
    return t('downloaded', name);
  });
  const downloadXlsx = run(async () => {
    const { toXlsx, XLSX_MIME } = await import('@/lib/export/xlsx/index');
    const { exportFileName } = await writers();
    const name = exportFileName(report, 'xlsx');
    await gateway.download(name, await toXlsx(report, { lang }), XLSX_MIME);
    return t('downloaded', name);
  });
  const openReview = run(async () => {
    await gateway.openReviewSheet(report);
    return t('reviewOpened');
  });
  const downloadJson = run(async () => {
    const { exportFileName, toJson } = await writers();
    const name = exportFileName(report, 'json');
    await gateway.download(name, toJson(report), 'application/json');
    return t('downloaded', name);
  });

  return (
    <div class="export-bar" role="group" aria-label={t('actionsLabel')}>
      <button type="button" data-action="copy-csv" onClick={copyCsv}>
        {tablesOnly ? t('copyTablesCsv') : t('copyCsv')}
      </button>
      {!tablesOnly && (
        <button type="button" data-action="copy-tsv" onClick={copyTsv}>
          {t('copyTsv')}
        </button>
      )}
      <button type="button" data-action="download-csv" onClick={downloadCsv}>
        {tablesOnly ? t('downloadTablesCsv') : t('downloadCsv')}
      </button>
      {!tablesOnly && (
        <>
          <button type="button" data-action="download-json" onClick={downloadJson}>
            {t('downloadJson')}
          </button>
          <button type="button" data-action="download-xlsx" onClick={downloadXlsx}>
            {t('downloadXlsx')}
          </button>
          <button type="button" data-action="open-review" onClick={openReview}>
            {t('openReview')}
          </button>
        </>
      )}
    </div>
  );
}

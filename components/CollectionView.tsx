// The collection: reports the user chose to keep (in storage.local, never sent anywhere), one
// line each with agency, year and inconsistencies; removable; exported as one CSV with one line
// per report. Consecutive years of one agency are checked against each other.
import type { Report } from '@/lib/report';
import { toCsv } from './core';
import { crossYearPairs } from './core';
import type { CollectedReport, Gateway } from './gateway';
import { t, type UiLang } from './i18n';
import { formatLabel } from './ReportHeader';

interface Props {
  entries: CollectedReport[];
  gateway: Gateway;
  lang: UiLang;
  onChange(entries: CollectedReport[]): void;
  announce(message: string): void;
}

const errorCount = (r: Report) => r.findings.filter((f) => f.severity === 'error').length;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function CollectionView({ entries, gateway, lang, onChange, announce }: Props) {
  const sorted = [...entries].sort(
    (a, b) => (a.report.agency ?? '').localeCompare(b.report.agency ?? '', 'zh') || (a.report.year ?? 0) - (b.report.year ?? 0),
  );
  const reports = sorted.map((e) => e.report);
  const pairs = crossYearPairs(reports);

  const remove = async (key: string) => {
    onChange(await gateway.collectionRemove(key));
    announce(t('removed'));
  };
  const download = async () => {
    const name = `政府信息公开年报汇总-${today()}.csv`;
    await gateway.download(name, toCsv(reports, { shape: 'report', bom: true }), 'text/csv;charset=utf-8');
    announce(t('downloaded', name));
  };
  // one line per report, then every report's findings and cells, the wrong ones marked
  const downloadXlsx = async () => {
    const { toXlsx, XLSX_MIME } = await import('@/lib/export/xlsx/index');
    const name = `政府信息公开年报汇总-${today()}.xlsx`;
    await gateway.download(name, await toXlsx(reports, { lang }), XLSX_MIME);
    announce(t('downloaded', name));
  };

  return (
    <section class="collection" aria-labelledby="coll-h">
      <h2 id="coll-h">{t('collectionHeading')}</h2>
      <p class="note">{t('collectionNote')}</p>
      {sorted.length === 0 ? (
        <p>{t('collectionEmpty')}</p>
      ) : (
        <>
          <table class="collection-table">
            <thead>
              <tr>
                <th scope="col">{t('colAgency')}</th>
                <th scope="col">{t('colYear')}</th>
                <th scope="col">{t('colFormat')}</th>
                <th scope="col">{t('colErrors')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map(({ key, report }) => (
                <tr key={key}>
                  <th scope="row" title={report.source}>
                    {report.agency ?? report.title ?? report.source}
                  </th>
                  <td>{report.year ?? ''}</td>
                  <td>{formatLabel(report.format)}</td>
                  <td class={errorCount(report) > 0 ? 'bad' : 'good'}>{errorCount(report)}</td>
                  <td>
                    <button type="button" aria-label={t('removeLabel', `${report.agency ?? ''} ${report.year ?? ''}`)} onClick={() => remove(key)}>
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="export-bar">
            <button type="button" data-action="download-collection" onClick={download}>
              {t('collectionDownload')}
            </button>
            <button type="button" data-action="download-collection-xlsx" onClick={downloadXlsx}>
              {t('collectionXlsx')}
            </button>
          </div>
          <h3>{t('crossYearHeading')}</h3>
          {pairs.length === 0 ? (
            <p>{t('crossYearNoPairs')}</p>
          ) : (
            <ul class="cross-year">
              {pairs.map((p) => (
                <li key={`${p.agency}${p.current.year}`}>
                  <strong>
                    {p.agency} {p.previous.year} → {p.current.year}
                  </strong>
                  {p.findings.length === 0 ? (
                    <span class="good"> {t('crossYearNone')}</span>
                  ) : (
                    <ul>
                      {p.findings.map((f, i) => (
                        <li key={i} class={`finding sev-${f.severity}`}>
                          <span class="sev-label">{t(`sev_${f.severity}`)}</span>
                          <span class="msg">{f.message[lang]}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

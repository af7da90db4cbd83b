// The sweep's result: one line per listed report (agency, year, format, verdict, link), in the
// result's order (agency, then year), and the consecutive years of one agency checked against each
// other. A line whose report was read opens it (onShow). Page text is only ever a text node or an
// http(s) href.
import type { SweepItem, SweepResult } from '@/lib/sweep/types';
import { t, type UiLang } from './i18n';
import { formatText, isWebLink, verdictOf } from './sweep-text';

interface Props {
  result: SweepResult;
  lang: UiLang;
  onShow(item: SweepItem): void;
}

function ItemLink({ url, text }: { url: string; text: string }) {
  return isWebLink(url) ? (
    <a href={url} target="_blank" rel="noopener noreferrer" title={url}>
      {text}
    </a>
  ) : (
    <span title={url}>{text}</span>
  );
}

function ItemRow({ item, lang, onShow }: { item: SweepItem; lang: UiLang; onShow(item: SweepItem): void }) {
  const v = verdictOf(item, lang);
  const openable = item.report !== undefined;
  return (
    <tr
      class={`sweep-item verdict-${v.kind}${openable ? ' openable' : ''}`}
      data-status={item.status}
      data-url={item.url}
      data-agency={item.agency ?? ''}
      data-year={item.year ?? ''}
      onClick={(e) => {
        // a click on the link opens the report's page, not the line
        if (openable && !(e.target as Element).closest('a')) onShow(item);
      }}
    >
      <td class="agency-cell">
        {openable ? (
          <button type="button" class="sweep-show" data-action="show-item" onClick={(e) => (e.stopPropagation(), onShow(item))}>
            {item.agency ?? t('agencyUnknown')}
          </button>
        ) : (
          <span>{item.agency ?? t('agencyUnknown')}</span>
        )}
      </td>
      <td class="year-cell">{item.year ?? '—'}</td>
      <td class="format-cell">{formatText(item.format)}</td>
      <td class="verdict-cell" data-testid="verdict">
        {v.mark && <span aria-hidden="true">{v.mark} </span>}
        {v.text}
      </td>
      <td class="link-cell">
        <ItemLink url={item.url} text={item.linkText} />
        {item.readFrom && item.readFrom !== item.url && (
          <>
            {' '}
            <span class="read-from">
              （<ItemLink url={item.readFrom} text={t('sweepAttachment')} />）
            </span>
          </>
        )}
      </td>
    </tr>
  );
}

export function SweepTable({ result, lang, onShow }: Props) {
  return (
    <table class="sweep-table" data-testid="sweep-table">
      <caption>{t('sweepTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sweepColAgency')}</th>
          <th scope="col">{t('sweepColYear')}</th>
          <th scope="col">{t('sweepColFormat')}</th>
          <th scope="col">{t('sweepColVerdict')}</th>
          <th scope="col">{t('sweepColLink')}</th>
        </tr>
      </thead>
      <tbody>
        {result.items.map((item) => (
          <ItemRow key={item.url} item={item} lang={lang} onShow={onShow} />
        ))}
      </tbody>
    </table>
  );
}

/** Each pair of consecutive years of one agency: its findings, or that the two years agree. */
export function SweepCrossYear({ result, lang }: { result: SweepResult; lang: UiLang }) {
  return (
    <section class="sweep-cross" data-testid="sweep-cross">
      <h2>{t('sweepCrossTitle')}</h2>
      {result.crossYear.length === 0 ? (
        <p class="hint">{t('sweepCrossNone')}</p>
      ) : (
        <ul class="cross-pairs">
          {result.crossYear.map((p) => (
            <li key={`${p.agency}|${p.year}`} class={`cross-pair${p.findings.length ? ' has-findings' : ''}`} data-agency={p.agency} data-year={p.year}>
              <span class="cross-pair-name">{t('sweepCrossPair', p.agency, p.previousYear, p.year)}</span>
              {p.findings.length === 0 ? (
                <span class="cross-agree">
                  {lang === 'zh' ? '：' : ': '}✓ {t('sweepCrossAgree')}
                </span>
              ) : (
                <ul class="findings">
                  {p.findings.map((f, i) => (
                    <li key={i} class={`finding sev-${f.severity}`} data-rule={f.rule}>
                      <span class="sev-label">{t(`sev_${f.severity}`)}</span> <span class="msg">{f.message[lang]}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

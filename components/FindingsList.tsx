// The findings, one line each in the UI language: errors first, then warnings (structural problems
// included), then the informational notes collapsed. A line whose cells can be found on the page
// is a button that shows them there. Each line's id is what marked cells point at
// (aria-describedby), so a screen reader reads the explanation on the cell.
import type { CellLoc } from '@/lib/report';
import type { IndexedFinding } from './finding-index';
import { t } from './i18n';
import { useReportCtx } from './popup-context';

function FindingLine({ item }: { item: IndexedFinding }) {
  const { lang, reveal, cellsById } = useReportCtx();
  const f = item.finding;
  // point at the cell the finding is about; a structural finding may carry its own location
  const loc: CellLoc | null = f.cells.map((id) => cellsById.get(id)?.loc ?? null).find((l) => l !== null) ?? f.loc ?? null;
  const body = (
    <>
      <span class="sev-label">{t(`sev_${f.severity}`)}</span>
      <span class="msg">{f.message[lang]}</span>
    </>
  );
  return (
    <li id={`finding-${item.n}`} class={`finding sev-${f.severity}`} data-rule={f.rule}>
      {loc ? (
        <button type="button" class="finding-btn" title={t('locateHint')} onClick={() => reveal(loc)}>
          {body}
        </button>
      ) : (
        <span class="finding-text">{body}</span>
      )}
    </li>
  );
}

export function FindingsList() {
  const { index } = useReportCtx();
  const main = index.ordered.filter((f) => f.finding.severity !== 'info');
  const info = index.ordered.filter((f) => f.finding.severity === 'info');
  return (
    <section class="findings" aria-labelledby="findings-h">
      <h2 id="findings-h">{t('findingsHeading')}</h2>
      {main.length === 0 ? (
        <p class="all-good">{t('noFindings')}</p>
      ) : (
        <>
          <p class="hint">{t('findingsHint')}</p>
          <ol class="finding-list">
            {main.map((f) => (
              <FindingLine key={f.n} item={f} />
            ))}
          </ol>
          {index.byCell.size > 0 && <p class="hint legend">{t('legend')}</p>}
        </>
      )}
      {info.length > 0 && (
        <details class="info-findings">
          <summary>{t('infoHeading', info.length)}</summary>
          <ol class="finding-list">
            {info.map((f) => (
              <FindingLine key={f.n} item={f} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

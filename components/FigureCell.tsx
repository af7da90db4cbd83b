// One figure of tables 2/3/4. A cell involved in a finding is marked without relying on colour:
// a thick border (solid on the cell the finding is about, dashed on the others it involves), a ⚠
// on the former, the explanation as its title (hover) and as a tooltip when focused (keyboard),
// and aria-describedby pointing at the findings' lines for screen readers. Activating a marked
// cell shows it on the page.
import { useState } from 'preact/hooks';
import type { ReportCell } from '@/lib/report';
import { cellText } from './cell-text';
import { worstSeverity } from './finding-index';
import { t } from './i18n';
import { useReportCtx } from './popup-context';

interface Props {
  id: string;
  /** ids of the <th> elements that label the cell (for tables whose headers repeat per block) */
  headers?: string;
}

export function FigureCell({ id, headers }: Props) {
  const { cellsById, index, lang, reveal } = useReportCtx();
  const [focused, setFocused] = useState(false);
  const cell: ReportCell | undefined = cellsById.get(id);
  const text = cellText(cell);
  const involved = index.byCell.get(id);
  // the figure as read, for tests and for anyone inspecting the popup ('' for blank or unreadable)
  const value = cell?.value ?? '';

  if (!involved) {
    return (
      <td class="fig" headers={headers} data-cell={id} data-value={value} title={cell && text !== cell.raw.trim() && cell.raw.trim() ? cell.raw : undefined}>
        {text}
      </td>
    );
  }
  const severity = worstSeverity(involved);
  const primary = involved.some((f) => f.finding.cells[0] === id);
  const explanation = involved.map((f) => f.finding.message[lang]).join('\n');
  const tipId = `tip-${id.replace(/\W/g, '_')}`;
  const describedBy = [...involved.map((f) => `finding-${f.n}`), ...(focused ? [tipId] : [])].join(' ');
  const loc = cell?.loc ?? null;
  const activate = () => loc && reveal(loc);

  return (
    <td
      class={`fig flagged sev-${severity} ${primary ? 'primary' : 'secondary'}`}
      headers={headers}
      data-cell={id}
      data-value={value}
      tabIndex={0}
      title={loc ? `${explanation}\n${t('locateHint')}` : explanation}
      aria-describedby={describedBy}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={activate}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          activate();
        }
      }}
    >
      {primary && (
        <span class="mark" aria-hidden="true">
          ⚠
        </span>
      )}
      {text}
      {focused && (
        <span class="tip" role="tooltip" id={tipId}>
          {explanation}
          {loc && <span class="tip-hint">{t('cellHint')}</span>}
        </span>
      )}
    </td>
  );
}

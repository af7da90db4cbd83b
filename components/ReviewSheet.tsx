// 审核意见单: one report laid out for A4 — who, which year, where it was read and when, the
// verdict, each finding with the rule it breaks (and the official words the rule rests on) and the
// values of its cells, then tables 2–4 with the cells of the findings marked. The browser prints
// it; the tables' header rows repeat on every page they cross (thead is a table-header-group).
import { useMemo } from 'preact/hooks';
import type { Finding, Report, ReportCell } from '@/lib/report';
import { CROSS_YEAR_RULES, FORMATS, type Rule } from '@/lib/spec/index';
import { cellText } from './cell-text';
import { indexFindings } from './finding-index';
import type { UiLang } from './i18n';
import { layoutFormat } from './layout-format';
import { ReportCtx, type ReportViewContext } from './popup-context';
import { formatLabel } from './ReportHeader';
import { reviewText, type ReviewTextKey } from './review-text';
import { Table2 } from './Table2';
import { Table3 } from './Table3';
import { Table4 } from './Table4';

/** cells listed per finding: a sum over twenty result rows names its first few, the message says the rest */
const CELLS_SHOWN = 6;

/** The spec's rule behind a finding id, in either format (structural findings have none). */
function ruleOf(id: string): Rule | undefined {
  return FORMATS.F2021.rules.find((r) => r.id === id) ?? FORMATS.F2019.rules.find((r) => r.id === id) ?? CROSS_YEAR_RULES.find((r) => r.id === id);
}

/** The spec's evidence names where the words stand ("table corner cell: （…）"): the sheet quotes the words. */
function officialWords(evidence: string): string {
  return evidence.replace(/^[\x20-\x7e]+?:\s*/, '');
}

function sourceKind(rule: Rule): ReviewTextKey | null {
  if (rule.source.startsWith('official')) return 'official';
  if (rule.source.startsWith('derived')) return 'derived';
  if (rule.source.startsWith('plausible')) return 'plausible';
  return null;
}

function RuleCell({ finding, lang }: { finding: Finding; lang: UiLang }) {
  const rule = ruleOf(finding.rule);
  const kind = rule ? sourceKind(rule) : null;
  return (
    <td class="rule">
      <code>{finding.rule}</code>
      {kind && <span class="rule-kind">{reviewText(kind, lang)}</span>}
      {rule?.evidence && <span class="rule-evidence">{officialWords(rule.evidence)}</span>}
    </td>
  );
}

function cellValue(cell: ReportCell | undefined, lang: UiLang): string {
  if (!cell) return reviewText('absent', lang);
  const text = cellText(cell);
  return text === '' ? reviewText('blank', lang) : text;
}

interface Props {
  report: Report;
  lang: UiLang;
}

export function ReviewSheet({ report, lang }: Props) {
  const index = useMemo(() => indexFindings(report), [report]);
  const cellsById = useMemo(() => new Map(report.cells.map((c) => [c.id, c])), [report]);
  // a printed sheet points at nothing: the page is not there
  const ctx: ReportViewContext = { lang, report, index, cellsById, reveal: () => {} };
  const format = layoutFormat(report);
  const tx = (k: ReviewTextKey) => reviewText(k, lang);
  const verdict =
    index.errors > 0
      ? lang === 'zh'
        ? `发现 ${index.errors} 处错误${index.warnings ? `、${index.warnings} 处警告` : ''}`
        : `${index.errors} error(s)${index.warnings ? `, ${index.warnings} warning(s)` : ''}`
      : lang === 'zh'
        ? `未发现不一致${index.warnings ? `（${index.warnings} 处警告）` : ''}`
        : `No inconsistency${index.warnings ? ` (${index.warnings} warning(s))` : ''}`;

  return (
    <ReportCtx.Provider value={ctx}>
      <article class="review-sheet" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="review-sheet">
        <h1>{tx('sheetTitle')}</h1>
        <table class="sheet-meta">
          <tbody>
            <tr>
              <th scope="row">{tx('agency')}</th>
              <td data-testid="sheet-agency">{report.agency ?? '—'}</td>
              <th scope="row">{tx('year')}</th>
              <td>{report.year ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">{tx('format')}</th>
              <td>{formatLabel(report.format)}</td>
              <th scope="row">{tx('readAt')}</th>
              <td>{report.readAt.replace('T', ' ').slice(0, 16)}</td>
            </tr>
            <tr>
              <th scope="row">{tx('address')}</th>
              <td colSpan={3} class="address">
                {report.source}
              </td>
            </tr>
            <tr>
              <th scope="row">{tx('verdict')}</th>
              <td colSpan={3} class={`verdict ${index.errors ? 'bad' : 'good'}`} data-testid="sheet-verdict">
                {verdict}
              </td>
            </tr>
          </tbody>
        </table>

        <h2>{tx('findings')}</h2>
        {index.ordered.length === 0 ? (
          <p>{tx('noFindings')}</p>
        ) : (
          <table class="sheet-findings">
            <thead>
              <tr>
                <th>{tx('colNo')}</th>
                <th>{tx('colSeverity')}</th>
                <th>{tx('colRule')}</th>
                <th>{tx('colCells')}</th>
                <th>{tx('colMessage')}</th>
              </tr>
            </thead>
            <tbody>
              {index.ordered.map(({ n, finding }) => (
                <tr key={n} class={`sev-${finding.severity}`} data-rule={finding.rule}>
                  <td class="num">{n + 1}</td>
                  <td>{tx(finding.severity)}</td>
                  <RuleCell finding={finding} lang={lang} />
                  <td class="cells">
                    {finding.cells.slice(0, CELLS_SHOWN).map((id) => (
                      <span key={id} class="cell-ref">
                        {id} = {cellValue(cellsById.get(id), lang)}
                      </span>
                    ))}
                    {finding.cells.length > CELLS_SHOWN && <span class="cell-ref">… +{finding.cells.length - CELLS_SHOWN}</span>}
                  </td>
                  <td>{finding.message[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        {report.tables.length > 0 && (
          <section class="sheet-tables">
            <h2>{tx('tables')}</h2>
            <p class="legend">{tx('legend')}</p>
            {report.tables.includes('T2') && <Table2 format={format} />}
            {report.tables.includes('T3') && <Table3 format={format} />}
            {report.tables.includes('T4') && <Table4 format={format} />}
          </section>
        )}
        <p class="reviewer">{tx('reviewer')}</p>
      </article>
    </ReportCtx.Provider>
  );
}

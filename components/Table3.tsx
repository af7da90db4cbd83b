// 表三 收到和处理政府信息公开申请情况, drawn as the official table reads: the two-level column
// header (申请人情况 → 自然人 / 法人或其他组织 (five kinds) / 总计), then the rows in official order,
// group labels (三、本年度办理结果, （三）不予公开 …) as rows of their own, sub-rows indented.
import { FORMATS, t3Columns, type FormatKey } from '@/lib/spec/index';
import { FigureCell } from './FigureCell';
import { t } from './i18n';
import { unplacedCells } from './layout-format';
import { useReportCtx } from './popup-context';
import { UnplacedCells } from './UnplacedCells';

export function Table3({ format }: { format: FormatKey }) {
  const { report } = useReportCtx();
  const spec = FORMATS[format].tables.T3;
  const cols = t3Columns(format);
  const header = spec.column_header;
  const width = cols.length + 1;
  const extra = unplacedCells(report, 'T3', format);

  return (
    <section class="table-block" aria-labelledby="t3-caption">
      <table class="official t3">
        <caption id="t3-caption">{t('t3Caption')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={3} class="corner">
              {t('t3Corner')}
            </th>
            <th scope="colgroup" colSpan={cols.length}>
              {header.label}
            </th>
          </tr>
          <tr>
            {header.children.map((h) =>
              h.children ? (
                <th key={h.label} scope="colgroup" colSpan={h.children.length}>
                  {h.label}
                </th>
              ) : (
                <th key={h.label} scope="col" rowSpan={2}>
                  {h.label}
                </th>
              ),
            )}
          </tr>
          <tr>
            {header.children.flatMap((h) =>
              (h.children ?? []).map((c) => (
                <th key={c.col} scope="col">
                  {c.label}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((r) =>
            r.data_row === false ? (
              <tr key={r.id} class={`group level-${r.level}`}>
                <th scope="row" colSpan={width} class={`label level-${r.level}`}>
                  {r.label}
                </th>
              </tr>
            ) : (
              <tr key={r.id}>
                <th scope="row" class={`label level-${r.level}`}>
                  {r.label}
                </th>
                {cols.map((c) => (
                  <FigureCell key={c.id} id={`T3.${r.id}.${c.id}`} />
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
      <UnplacedCells cells={extra} />
    </section>
  );
}

// 表四 政府信息公开行政复议、行政诉讼情况, as the official table reads: 行政复议 (five columns)
// beside 行政诉讼, itself split into 未经复议直接起诉 and 复议后起诉 (five columns each), and one
// row of fifteen figures.
import { FORMATS, type FormatKey } from '@/lib/spec/index';
import { FigureCell } from './FigureCell';
import { t } from './i18n';
import { unplacedCells } from './layout-format';
import { useReportCtx } from './popup-context';
import { UnplacedCells } from './UnplacedCells';

/** 结果维持 → 结果/维持: fifteen columns fit the popup only with the four-character labels on two lines. */
function narrow(label: string) {
  return /^[\u4e00-\u9fff]{4}$/.test(label) ? (
    <>
      {label.slice(0, 2)}
      <br />
      {label.slice(2)}
    </>
  ) : (
    label
  );
}

export function Table4({ format }: { format: FormatKey }) {
  const { report } = useReportCtx();
  const spec = FORMATS[format].tables.T4;
  const top = spec.groups.filter((g) => g.parent === null);
  const parents = [...new Set(spec.groups.flatMap((g) => (g.parent ? [g.parent] : [])))];
  const children = (p: string) => spec.groups.filter((g) => g.parent === p);
  const n = spec.columns.length;
  const extra = unplacedCells(report, 'T4', format);
  // column order follows the official layout: top-level groups first, then each parent's children
  const order = [...top, ...parents.flatMap(children)];

  return (
    <section class="table-block" aria-labelledby="t4-caption">
      <table class="official t4">
        <caption id="t4-caption">{t('t4Caption')}</caption>
        <thead>
          <tr>
            {top.map((g) => (
              <th key={g.id} scope="colgroup" colSpan={n}>
                {g.label}
              </th>
            ))}
            {parents.map((p) => (
              <th key={p} scope="colgroup" colSpan={n * children(p).length}>
                {p}
              </th>
            ))}
          </tr>
          <tr>
            {top.flatMap((g) =>
              spec.columns.map((c) => (
                <th key={`${g.id}.${c.id}`} scope="col" rowSpan={2} aria-label={c.label}>
                  {narrow(c.label)}
                </th>
              )),
            )}
            {parents.flatMap((p) =>
              children(p).map((g) => (
                <th key={g.id} scope="colgroup" colSpan={n}>
                  {g.label}
                </th>
              )),
            )}
          </tr>
          <tr>
            {parents.flatMap((p) =>
              children(p).flatMap((g) =>
                spec.columns.map((c) => (
                  <th key={`${g.id}.${c.id}`} scope="col" aria-label={c.label}>
                    {narrow(c.label)}
                  </th>
                )),
              ),
            )}
          </tr>
        </thead>
        <tbody>
          <tr>
            {order.flatMap((g) => spec.columns.map((c) => <FigureCell key={`${g.id}.${c.id}`} id={`T4.${g.id}.${c.id}`} />))}
          </tr>
        </tbody>
      </table>
      <UnplacedCells cells={extra} />
    </section>
  );
}

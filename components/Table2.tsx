// 表二 主动公开政府信息情况, as the official table reads: one block per article of the
// Regulations (第二十条第（一）项 …), each with its own column header row. Because the headers
// repeat per block, every figure names its headers explicitly (headers="…"), which screen readers
// follow where scope would be ambiguous.
import { FORMATS, type FormatKey } from '@/lib/spec/index';
import { FigureCell } from './FigureCell';
import { t } from './i18n';
import { unplacedCells } from './layout-format';
import { useReportCtx } from './popup-context';
import { UnplacedCells } from './UnplacedCells';

export function Table2({ format }: { format: FormatKey }) {
  const { report } = useReportCtx();
  const blocks = FORMATS[format].tables.T2.blocks;
  const width = 1 + Math.max(...blocks.map((b) => b.columns.length));
  const extra = unplacedCells(report, 'T2', format);

  return (
    <section class="table-block" aria-labelledby="t2-caption">
      <table class="official t2">
        <caption id="t2-caption">{t('t2Caption')}</caption>
        {blocks.map((b) => {
          const blockId = `t2-${b.id}`;
          const pad = width - 1 - b.columns.length;
          return (
            <tbody key={b.id}>
              <tr class="block-head">
                <th id={blockId} colSpan={width} scope="colgroup">
                  {b.label}
                </th>
              </tr>
              <tr class="col-head">
                <th id={`${blockId}-content`} scope="col">
                  {t('t2Content')}
                </th>
                {b.columns.map((c) => (
                  <th key={c.id} id={`${blockId}-${c.id}`} scope="col">
                    {c.label}
                  </th>
                ))}
                {pad > 0 && <td colSpan={pad} class="pad" />}
              </tr>
              {b.rows.map((r) => (
                <tr key={r.id}>
                  <th id={`${blockId}-${r.id}`} scope="row" headers={`${blockId} ${blockId}-content`} class="label">
                    {r.label}
                  </th>
                  {b.columns.map((c) => (
                    <FigureCell key={c.id} id={`T2.${r.id}.${c.id}`} headers={`${blockId} ${blockId}-${c.id} ${blockId}-${r.id}`} />
                  ))}
                  {pad > 0 && <td colSpan={pad} class="pad" />}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
      <UnplacedCells cells={extra} />
    </section>
  );
}

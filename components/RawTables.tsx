// Tables of the page that are not tables 2/3/4, and rows of those tables that could not be
// placed: listed collapsed with their captions and sizes, so no figure of the page is hidden.
// A table's cells are only rendered once it is opened (pages can hold thousands of tables).
import { useState } from 'preact/hooks';
import type { Leftover, RawTable } from '@/lib/report';
import { t } from './i18n';

function RawTableView({ table }: { table: RawTable }) {
  const [open, setOpen] = useState(false);
  const ncols = table.rows.reduce((m, r) => Math.max(m, r.length), 0);
  return (
    <details class="raw-table" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <span class="raw-caption">{table.caption || t('rawTableNoCaption')}</span>
        <span class="raw-size">{t('rawTableSize', table.rows.length, ncols)}</span>
      </summary>
      {open && (
        <div class="raw-scroll">
          <table class="raw">
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((v, j) => (
                    <td key={j}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

export function RawTables({ tables, open = false }: { tables: RawTable[]; open?: boolean }) {
  if (tables.length === 0) return null;
  return (
    <section class="raw-tables" aria-labelledby="raw-h">
      <details open={open}>
        <summary>
          <h2 id="raw-h">{t('rawTablesHeading', tables.length)}</h2>
        </summary>
        {tables.map((tb) => (
          <RawTableView key={tb.id} table={tb} />
        ))}
      </details>
    </section>
  );
}

export function Leftovers({ rows }: { rows: Leftover[] }) {
  if (rows.length === 0) return null;
  return (
    <section class="leftovers" aria-labelledby="left-h">
      <details>
        <summary>
          <h2 id="left-h">{t('leftoversHeading', rows.length)}</h2>
        </summary>
        <table class="raw">
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">
                  {r.table} {r.label}
                </th>
                {r.cells.map((v, j) => (
                  <td key={j}>{v}</td>
                ))}
                <td class="reason">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

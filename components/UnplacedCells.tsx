// Cells read from a table that its official layout has no place for (a mixed format, an extra
// row the recogniser named): listed under the table so that no figure read is hidden.
import type { ReportCell } from '@/lib/report';
import { FigureCell } from './FigureCell';

export function UnplacedCells({ cells }: { cells: ReportCell[] }) {
  if (cells.length === 0) return null;
  return (
    <table class="unplaced">
      <tbody>
        {cells.map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.id}</th>
            <FigureCell id={c.id} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Which official layout to draw a report's tables in. A report of the 2019 or 2021 format uses
// its own; a mixed or unrecognised one uses the layout whose cell ids cover most of its cells,
// and the cells neither layout places are drawn after the table (nothing is hidden).
import type { Report } from '@/lib/report';
import { cellIds, type FormatKey } from '@/lib/spec/index';

export function layoutFormat(report: Report): FormatKey {
  if (report.format === 'F2019' || report.format === 'F2021') return report.format;
  const have = new Set(report.cells.map((c) => c.id));
  const score = (f: FormatKey) => cellIds(f).filter((id) => have.has(id)).length;
  return score('F2019') > score('F2021') ? 'F2019' : 'F2021';
}

/** Cells of a table that the layout has no place for. */
export function unplacedCells(report: Report, table: 'T2' | 'T3' | 'T4', format: FormatKey) {
  const placed = new Set(cellIds(format));
  return report.cells.filter((c) => c.table === table && !placed.has(c.id));
}

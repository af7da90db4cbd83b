// Which cells of a report its findings mark, and how: red for a cell of any error, amber for a
// cell of warnings only; its note lists the one-line messages of every finding that involves it.
// Informational findings mark nothing (as in the popup: a mark means something does not add up).
import type { Report } from '../../report';
import type { Mark } from './styles';

export type Lang = 'zh' | 'en';

export interface CellMark {
  mark: Mark;
  note: string;
}

export function cellMarks(report: Report, lang: Lang): Map<string, CellMark> {
  const acc = new Map<string, { mark: Mark; lines: string[] }>();
  for (const f of report.findings) {
    if (f.severity === 'info') continue;
    const line = f.message[lang] || f.message.zh;
    for (const id of new Set(f.cells)) {
      const m = acc.get(id) ?? { mark: f.severity, lines: [] };
      if (f.severity === 'error') m.mark = 'error';
      if (!m.lines.includes(line)) m.lines.push(line);
      acc.set(id, m);
    }
  }
  return new Map([...acc].map(([id, m]) => [id, { mark: m.mark, note: m.lines.join('\n') }]));
}

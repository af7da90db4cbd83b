// The content script checks the popup's one message by hand (no zod in its bundle): it must accept
// exactly what the CellLoc schema of the Report accepts.
import { describe, expect, it } from 'vitest';
import { CellLoc } from '@/lib/report';
import { parseRevealCell, parseRevealResult } from '@/components/messages-page';

const samples: unknown[] = [
  { grid: 0, row: 1, col: 2 },
  { grid: 3, row: 0, col: 0, offset: 120 },
  { grid: '0', row: 1, col: 2 },
  { grid: 0, row: 1 },
  { grid: 0, row: 1, col: 2, offset: 'x' },
  { grid: 0, row: NaN, col: 2 },
  null,
  'loc',
];

describe('parseRevealCell', () => {
  it('accepts the locations CellLoc accepts and nothing else', () => {
    for (const loc of samples) {
      const byZod = CellLoc.safeParse(loc);
      const byHand = parseRevealCell({ type: 'page/reveal', loc });
      expect(byHand !== null, JSON.stringify(loc)).toBe(byZod.success);
      if (byZod.success) expect(byHand!.loc).toEqual(byZod.data);
    }
  });
  it('rejects other message types', () => {
    expect(parseRevealCell({ type: 'page/other', loc: { grid: 0, row: 0, col: 0 } })).toBeNull();
    expect(parseRevealResult({ type: 'page/revealed', ok: true })).toEqual({ type: 'page/revealed', ok: true });
    expect(parseRevealResult({ type: 'page/revealed', ok: 'yes' })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { alignRows } from './align';

const slots = ['a', 'b', 'c', 'd', 'e'];

describe('alignRows', () => {
  it('places anchored rows and fills an exact gap in order', () => {
    const r = alignRows(slots, [
      { row: 1, anchor: 'a' },
      { row: 2, anchor: null },
      { row: 3, anchor: null },
      { row: 4, anchor: 'd' },
      { row: 5, anchor: 'e' },
    ]);
    expect(r.assigned).toEqual([
      { slot: 'a', row: 1 },
      { slot: 'b', row: 2 },
      { slot: 'c', row: 3 },
      { slot: 'd', row: 4 },
      { slot: 'e', row: 5 },
    ]);
    expect(r.unplaced).toEqual([]);
  });
  it('never guesses when the free rows do not fit the free slots', () => {
    const r = alignRows(slots, [
      { row: 1, anchor: 'a' },
      { row: 2, anchor: null },
      { row: 3, anchor: 'd' },
    ]);
    expect(r.assigned.map((x) => x.slot)).toEqual(['a', 'd']);
    expect(r.unplaced).toEqual([{ row: 2, reason: 'ambiguous' }]);
  });
  it('keeps the first of a duplicated row and rejects rows out of order', () => {
    const r = alignRows(slots, [
      { row: 1, anchor: 'b' },
      { row: 2, anchor: 'b' },
      { row: 3, anchor: 'd' },
      { row: 4, anchor: 'c' },
    ]);
    expect(r.assigned.map((x) => [x.slot, x.row])).toEqual([
      ['b', 1],
      ['d', 3],
    ]);
    expect(r.unplaced).toEqual([
      { row: 2, reason: 'duplicate' },
      { row: 4, reason: 'out-of-order' },
    ]);
  });
});

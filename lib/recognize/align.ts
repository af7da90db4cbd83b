// Rows to template slots. Rows whose label we recognised are anchors; rows without a usable label
// (PDF text that tore labels from their numbers, a label broken over lines) take the free slots
// between two anchors in order — but only when their number equals the number of free slots, so
// a row is never given an id by guesswork.

export interface AlignItem<R> {
  row: R;
  /** slot id the row's label names, or null */
  anchor: string | null;
}

export interface Alignment<R> {
  assigned: { slot: string; row: R }[];
  /** rows that could not be given a slot, with the reason */
  unplaced: { row: R; reason: 'duplicate' | 'out-of-order' | 'ambiguous' }[];
}

export function alignRows<R>(slots: readonly string[], items: AlignItem<R>[]): Alignment<R> {
  const index = new Map(slots.map((s, i) => [s, i]));
  const assigned: Alignment<R>['assigned'] = [];
  const unplaced: Alignment<R>['unplaced'] = [];
  const used = new Set<string>();
  let last = -1;
  let gap: R[] = [];

  const closeGap = (until: number) => {
    const free = slots.slice(last + 1, until).filter((s) => !used.has(s));
    if (gap.length && gap.length === free.length) {
      gap.forEach((row, i) => {
        assigned.push({ slot: free[i]!, row });
        used.add(free[i]!);
      });
    } else {
      for (const row of gap) unplaced.push({ row, reason: 'ambiguous' });
    }
    gap = [];
  };

  for (const item of items) {
    const at = item.anchor === null ? undefined : index.get(item.anchor);
    if (at === undefined) {
      gap.push(item.row);
      continue;
    }
    if (used.has(item.anchor!)) {
      unplaced.push({ row: item.row, reason: 'duplicate' });
      continue;
    }
    if (at < last) {
      unplaced.push({ row: item.row, reason: 'out-of-order' });
      continue;
    }
    closeGap(at);
    assigned.push({ slot: item.anchor!, row: item.row });
    used.add(item.anchor!);
    last = at;
  }
  closeGap(slots.length);
  return { assigned, unplaced };
}

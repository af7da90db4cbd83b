// Runs the files of a run in parallel and hands their results on in input order. At most
// `window` files are out at a time, started or finished but not yet handed on, so memory stays
// flat however many files there are, and a slow file holds back at most `window` others.
export async function runInOrder<I, R>(
  next: () => Promise<I | null>,
  start: (input: I, index: number) => Promise<R>,
  window: number,
  emit: (result: R, index: number) => Promise<boolean>,
): Promise<void> {
  const pending = new Map<number, Promise<R>>();
  let started = 0;
  let emitted = 0;
  let listed = false;
  let nextInput: Promise<{ input: I | null }> | null = null;
  for (;;) {
    const head = pending.get(emitted);
    const canTake = !listed && pending.size < window;
    if (!head && !canTake) return;
    if (canTake) nextInput ??= next().then((input) => ({ input }));
    // whichever comes first: the next input to start, or the result due next
    const got = await Promise.race<{ input: I | null } | { result: R }>([
      ...(canTake ? [nextInput!] : []),
      ...(head ? [head.then((result) => ({ result }))] : []),
    ]);
    if ('input' in got) {
      nextInput = null;
      if (got.input === null) listed = true;
      else pending.set(started, start(got.input, started++));
    } else {
      pending.delete(emitted);
      if (!(await emit(got.result, emitted++))) return;
    }
  }
}

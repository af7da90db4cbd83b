import { describe, expect, it } from 'vitest';
import { runInOrder } from './in-order';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('runInOrder', () => {
  it('hands results on in input order however they finish, with at most `window` out at a time', async () => {
    const inputs = Array.from({ length: 60 }, (_, i) => i);
    let at = 0;
    let out = 0;
    let most = 0;
    const seen: number[] = [];
    await runInOrder(
      async () => (at < inputs.length ? inputs[at++]! : null),
      async (n) => {
        out++;
        most = Math.max(most, out);
        // later inputs often finish first
        await sleep((n * 7) % 11);
        return n * 10;
      },
      8,
      async (r, i) => {
        out--;
        seen.push(r);
        expect(r).toBe(i * 10);
        return true;
      },
    );
    expect(seen).toEqual(inputs.map((n) => n * 10));
    expect(most).toBeLessThanOrEqual(8);
    expect(most).toBeGreaterThan(1);
  });

  it('stops taking inputs when emit says stop', async () => {
    let taken = 0;
    const emitted: number[] = [];
    await runInOrder(
      async () => (taken < 1000 ? taken++ : null),
      async (n) => n,
      4,
      async (r) => (emitted.push(r), r < 2),
    );
    expect(emitted).toEqual([0, 1, 2]);
    expect(taken).toBeLessThan(10);
  });
});

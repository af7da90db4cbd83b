// Summary statistics of repeated timings: median and spread, with the run count.

export interface Spread {
  runs: number;
  median: number;
  min: number;
  p25: number;
  p75: number;
  max: number;
}

/** Linear-interpolated quantile of sorted values (q in [0, 1]). */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  return { runs: s.length, median: quantile(s, 0.5), min: s[0] ?? NaN, p25: quantile(s, 0.25), p75: quantile(s, 0.75), max: s[s.length - 1] ?? NaN };
}

/** Rounds every number of a Spread for JSON output (significant digits, not fixed decimals). */
export function rounded(s: Spread, digits = 4): Spread {
  const r = (v: number): number => (Number.isFinite(v) ? Number(v.toPrecision(digits)) : v);
  return { runs: s.runs, median: r(s.median), min: r(s.min), p25: r(s.p25), p75: r(s.p75), max: r(s.max) };
}

// Which frame's Report the popup shows and the badge speaks for: a report before anything else,
// then the one with the most figures; among pages that are not reports, the one with the most
// tables; the top frame on a tie.
import type { Report } from '@/lib/report';

export interface FrameReport {
  frameId: number;
  report: Report;
}

function rank(f: FrameReport): number[] {
  return [f.report.isReport ? 1 : 0, f.report.cells.length, f.report.unrecognized.length, f.frameId === 0 ? 1 : 0];
}

export function bestFrame(frames: FrameReport[]): FrameReport | null {
  let best: FrameReport | null = null;
  for (const f of frames) {
    if (!best) {
      best = f;
      continue;
    }
    const a = rank(f);
    const b = rank(best);
    const i = a.findIndex((v, k) => v !== b[k]);
    if (i >= 0 && a[i]! > b[i]!) best = f;
  }
  return best;
}

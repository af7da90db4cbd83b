// The `page/…` surface: what the popup says to a frame's content script. Kept apart from
// messages.ts and free of zod: the content script runs in every frame of every government page,
// and zod/mini alone would be a third of its 40 KB budget. The one message it receives is checked
// by hand instead, field by field, to the same shape as CellLoc of lib/report.ts (a test holds the
// two together).
import type { CellLoc } from '@/lib/report';

/** Name of the Port the popup opens to a frame's content script; closing it removes the outline. */
export const OUTLINE_PORT = 'page/outline';

/** Key under which the content script keeps its instance (guards against double injection). */
export const INSTANCE_KEY = '__govReportAuditor_v1';

/** popup → content script, over the OUTLINE_PORT: scroll to the cell and outline it. */
export interface RevealCell {
  type: 'page/reveal';
  loc: CellLoc;
}

/** content script → popup, over the OUTLINE_PORT: whether the cell was found. */
export interface RevealResult {
  type: 'page/revealed';
  ok: boolean;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseRevealCell(msg: unknown): RevealCell | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const m = msg as { type?: unknown; loc?: unknown };
  if (m.type !== 'page/reveal' || typeof m.loc !== 'object' || m.loc === null) return null;
  const l = m.loc as Record<string, unknown>;
  if (!isNum(l.grid) || !isNum(l.row) || !isNum(l.col)) return null;
  if (l.offset !== undefined && !isNum(l.offset)) return null;
  const loc: CellLoc = { grid: l.grid, row: l.row, col: l.col };
  if (isNum(l.offset)) loc.offset = l.offset;
  return { type: 'page/reveal', loc };
}

export function parseRevealResult(msg: unknown): RevealResult | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const m = msg as { type?: unknown; ok?: unknown };
  return m.type === 'page/revealed' && typeof m.ok === 'boolean' ? { type: 'page/revealed', ok: m.ok } : null;
}

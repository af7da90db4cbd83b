// The Reports read in each tab, per frame: kept in memory, mirrored to storage.session (where the
// browser has it) so that they survive the background being stopped and restarted, and dropped
// with the tab. Nothing here is ever written to disk or sent anywhere.
import { browser } from 'wxt/browser';
import { Report } from '@/lib/report';
import { bestFrame, type FrameReport } from '@/components/best-frame';
import { tabSessionKey } from '@/components/messages';

const tabs = new Map<number, Map<number, Report>>();
const sessionKey = tabSessionKey;

function session(): Browser.storage.StorageArea | null {
  try {
    return (browser.storage as { session?: Browser.storage.StorageArea }).session ?? null;
  } catch {
    return null;
  }
}

async function load(tabId: number): Promise<Map<number, Report>> {
  const mem = tabs.get(tabId);
  if (mem) return mem;
  const frames = new Map<number, Report>();
  const area = session();
  if (area) {
    try {
      const stored = (await area.get(sessionKey(tabId)))[sessionKey(tabId)] as Record<string, unknown> | undefined;
      for (const [frameId, data] of Object.entries(stored ?? {})) {
        const r = Report.safeParse(data);
        if (r.success) frames.set(Number(frameId), r.data);
      }
    } catch {
      // session storage unavailable: memory only
    }
  }
  tabs.set(tabId, frames);
  return frames;
}

async function save(tabId: number, frames: Map<number, Report>): Promise<void> {
  const area = session();
  if (!area) return;
  try {
    await area.set({ [sessionKey(tabId)]: Object.fromEntries(frames) });
  } catch {
    // over quota: memory still has it
  }
}

/** Sets one frame's report (read on load); returns the tab's best report. */
export async function putFrame(tabId: number, frameId: number, report: Report): Promise<Report | null> {
  const frames = await load(tabId);
  // a new top-level page: the frames of the previous one are gone
  if (frameId === 0 && frames.get(0)?.source !== report.source) frames.clear();
  frames.set(frameId, report);
  await save(tabId, frames);
  return best(frames);
}

/** Replaces all frames of a tab (read by the popup just now); returns the tab's best report. */
export async function putTab(tabId: number, list: FrameReport[]): Promise<Report | null> {
  const frames = new Map(list.map((f) => [f.frameId, f.report]));
  tabs.set(tabId, frames);
  await save(tabId, frames);
  return best(frames);
}

export async function getTab(tabId: number): Promise<FrameReport | null> {
  const frames = await load(tabId);
  return bestFrame([...frames].map(([frameId, report]) => ({ frameId, report })));
}

export async function dropTab(tabId: number): Promise<void> {
  tabs.delete(tabId);
  try {
    await session()?.remove(sessionKey(tabId));
  } catch {
    // nothing to drop
  }
}

function best(frames: Map<number, Report>): Report | null {
  return bestFrame([...frames].map(([frameId, report]) => ({ frameId, report })))?.report ?? null;
}

// A Gateway over fixtures, for component tests and for looking at the popup without a browser.
// It records what the UI asked for, so tests can assert on copies, downloads and reveals.
import type { CellLoc, Report } from '@/lib/report';
import { collectionKey, type CollectedReport, type Gateway, type PageState } from './gateway';

export interface MockGateway extends Gateway {
  copied: string[];
  downloads: { fileName: string; text: string; mime: string }[];
  reveals: { frameId: number; loc: CellLoc }[];
  collection: CollectedReport[];
}

export function mockGateway(page: PageState | Report, opts: { collection?: Report[]; revealOk?: boolean } = {}): MockGateway {
  const state: PageState = 'kind' in page ? page : { kind: 'report', report: page, frameId: 0, elapsedMs: 1 };
  const g: MockGateway = {
    copied: [],
    downloads: [],
    reveals: [],
    collection: (opts.collection ?? []).map((report) => ({ key: collectionKey(report), report })),
    async readPage() {
      return state;
    },
    async revealCell(frameId, loc) {
      g.reveals.push({ frameId, loc });
      return opts.revealOk ?? true;
    },
    async copyText(text) {
      g.copied.push(text);
    },
    async download(fileName, text, mime) {
      g.downloads.push({ fileName, text, mime });
    },
    async collectionList() {
      return g.collection;
    },
    async collectionAdd(report) {
      const key = collectionKey(report);
      const replaced = g.collection.some((e) => e.key === key);
      g.collection = [...g.collection.filter((e) => e.key !== key), { key, report }];
      return { entries: g.collection, replaced };
    },
    async collectionRemove(key) {
      g.collection = g.collection.filter((e) => e.key !== key);
      return g.collection;
    },
  };
  return g;
}

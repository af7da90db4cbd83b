// A Gateway over fixtures, for component tests and for looking at the popup without a browser.
// It records what the UI asked for, so tests can assert on copies, downloads and reveals. Files
// (fetched or from disk) are served from `files`, by address or by name: a Report stands for a
// file read, a FileState for any other outcome; anything else is a 404.
import type { CellLoc, Report } from '@/lib/report';
import { collectionKey, type CollectedReport, type FileState, type Gateway, type PageState } from './gateway';

export interface MockGateway extends Gateway {
  copied: string[];
  /** text downloads as written; a workbook's bytes as `bytes` (text '') */
  downloads: { fileName: string; text: string; mime: string; bytes?: Uint8Array }[];
  /** reports the review sheet was opened for */
  reviews: Report[];
  reveals: { frameId: number; loc: CellLoc }[];
  collection: CollectedReport[];
  /** addresses passed to readFile and names passed to readLocalFile, in order */
  filesRead: string[];
  /** addresses the UI asked access for */
  accessAsked: string[];
  filesPageOpened: number;
}

export interface MockOptions {
  collection?: Report[];
  revealOk?: boolean;
  files?: Record<string, Report | FileState>;
  /** what cachedPage answers (default null: nothing read on load) */
  cached?: PageState;
  /** what the user answers to the permission prompt */
  grantAccess?: boolean;
}

export function mockGateway(page: PageState | Report, opts: MockOptions = {}): MockGateway {
  const state: PageState = 'kind' in page ? page : { kind: 'report', report: page, frameId: 0, elapsedMs: 1 };
  const granted = new Set<string>();
  const serve = (key: string): FileState => {
    const f = opts.files?.[key];
    if (!f) return { kind: 'fetch-failed', url: key, failure: { reason: 'http', status: 404 } };
    if ('kind' in f) return f.kind === 'needs-permission' && granted.has(key) ? serve(`${key}#granted`) : f;
    return { kind: 'report', report: f, name: key.slice(key.lastIndexOf('/') + 1), elapsedMs: 1 };
  };
  const g: MockGateway = {
    copied: [],
    downloads: [],
    reviews: [],
    reveals: [],
    filesRead: [],
    accessAsked: [],
    filesPageOpened: 0,
    collection: (opts.collection ?? []).map((report) => ({ key: collectionKey(report), report })),
    async cachedPage() {
      return opts.cached ?? null;
    },
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
    async download(fileName, data, mime) {
      g.downloads.push(typeof data === 'string' ? { fileName, text: data, mime } : { fileName, text: '', mime, bytes: data });
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
    async readFile(url) {
      g.filesRead.push(url);
      return serve(url);
    },
    async readLocalFile(file) {
      g.filesRead.push(file.name);
      return serve(file.name);
    },
    async requestAccess(url) {
      g.accessAsked.push(url);
      const ok = opts.grantAccess ?? true;
      if (ok) granted.add(url);
      return ok;
    },
    async openFilesPage() {
      g.filesPageOpened++;
    },
    async openReviewSheet(report) {
      g.reviews.push(report);
    },
  };
  return g;
}

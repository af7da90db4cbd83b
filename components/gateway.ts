// The one typed boundary between the popup's UI and the browser. The UI never touches the
// extension API: it gets a Gateway (the real one over webextension-polyfill in the popup, a mock
// over fixtures in the component tests), so every screen can be rendered and tested in a DOM alone.
import type { CellLoc, Report } from '@/lib/report';

/** What reading the tab gave. */
export type PageState =
  | {
      kind: 'report';
      /** the best frame's Report (isReport may be false: a page that is not a report) */
      report: Report;
      /** the frame the report was read from (0 = the top frame) */
      frameId: number;
      /** how long reading took, from the click to the Report, in ms */
      elapsedMs: number;
    }
  /** scripts cannot run there: chrome://, about:, the PDF viewer (pdf), the web store … */
  | { kind: 'restricted'; url: string | null; pdf?: boolean }
  | { kind: 'no-tab' }
  | { kind: 'failed'; message: string };

/** A report kept in the collection, with the key it is stored under. */
export interface CollectedReport {
  key: string;
  report: Report;
}

export interface Gateway {
  /** Reads the tab again (all frames) and returns the best report found. */
  readPage(): Promise<PageState>;
  /** Scrolls the page to the cell and outlines it until the popup closes. */
  revealCell(frameId: number, loc: CellLoc): Promise<boolean>;
  copyText(text: string): Promise<void>;
  /** Saves text as a file (a download started from the popup). */
  download(fileName: string, text: string, mime: string): Promise<void>;
  collectionList(): Promise<CollectedReport[]>;
  /** Adds a report, replacing the one of the same agency and year; returns the new collection. */
  collectionAdd(report: Report): Promise<{ entries: CollectedReport[]; replaced: boolean }>;
  collectionRemove(key: string): Promise<CollectedReport[]>;
}

/**
 * The key a report is kept under in the collection: one entry per agency and year (adding the
 * same report again replaces it); a report without agency or year is keyed by its address.
 */
export function collectionKey(report: Report): string {
  return report.agency && report.year ? `${report.agency}|${report.year}` : `|${report.source}`;
}

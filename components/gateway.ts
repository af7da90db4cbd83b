// The one typed boundary between the popup's UI and the browser. The UI never touches the
// extension API: it gets a Gateway (the real one over webextension-polyfill in the popup, a mock
// over fixtures in the component tests), so every screen can be rendered and tested in a DOM alone.
import type { Attachment, CellLoc, Report } from '@/lib/report';
import type { FetchFailure } from './fetch-file';
import type { ListOffer } from './messages-list';

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
      /** PDFs shown inside the page (a pdf.js viewer frame with ?file=, <embed>, <object>) that the page's links do not list */
      embedded?: Attachment[];
      /** what the background had already read in the tab (on load), shown while the page is read afresh */
      cached?: boolean;
    }
  /** scripts cannot run there: chrome://, about:, the PDF viewer (pdf), the web store … */
  | { kind: 'restricted'; url: string | null; pdf?: boolean }
  | { kind: 'no-tab' }
  | { kind: 'failed'; message: string };

/** What reading a report file (fetched or from disk) gave. */
export type FileState =
  | {
      kind: 'report';
      /** source = the file's address, or its name for a file from disk */
      report: Report;
      /** the file's name */
      name: string;
      /** from the request to the Report, in ms (fetching, loading the reader the first time, reading, recognising) */
      elapsedMs: number;
    }
  /** the file could not be fetched: an HTTP error, a web page instead of the file, too large … */
  | { kind: 'fetch-failed'; url: string; failure: FetchFailure }
  /** the browser refused the request: reading the file needs the user's permission for its site */
  | { kind: 'needs-permission'; url: string; host: string }
  /** fetched, but the reader failed */
  | { kind: 'failed'; message: string };

/** A report kept in the collection, with the key it is stored under. */
export interface CollectedReport {
  key: string;
  report: Report;
}

/** Where the popup leaves the report for the review sheet (storage.local), which reads it on load. */
export const REVIEW_KEY = 'review';

export interface Gateway {
  /** Reads the tab again (all frames) and returns the best report found. */
  readPage(): Promise<PageState>;
  /**
   * The report the background already holds for the tab (the content script reads a government
   * report page on load), or null: shown the moment the popup opens, until readPage answers.
   */
  cachedPage(): Promise<PageState | null>;
  /** Scrolls the page to the cell and outlines it until the popup closes. */
  revealCell(frameId: number, loc: CellLoc): Promise<boolean>;
  copyText(text: string): Promise<void>;
  /** Saves text (or a file's bytes: the workbook) as a file (a download started from the popup). */
  download(fileName: string, data: string | Uint8Array, mime: string): Promise<void>;
  /** Opens the printable review sheet (审核意见单) of a report in a tab. */
  openReviewSheet(report: Report): Promise<void>;
  collectionList(): Promise<CollectedReport[]>;
  /** Adds a report, replacing the one of the same agency and year; returns the new collection. */
  collectionAdd(report: Report): Promise<{ entries: CollectedReport[]; replaced: boolean }>;
  collectionRemove(key: string): Promise<CollectedReport[]>;
  /** Fetches a report file (an attachment, the PDF open in the tab) and reads it. */
  readFile(url: string): Promise<FileState>;
  /** Reads a file the user picked or dropped, locally: nothing is sent anywhere. */
  readLocalFile(file: File): Promise<FileState>;
  /**
   * Asks the user for access to the file's site. Call it straight from the click (browsers only
   * show the prompt during a user gesture); true when access is (or already was) granted.
   */
  requestAccess(url: string): Promise<boolean>;
  /** Opens the files page (read PDF and Word files from disk) in a tab. */
  openFilesPage(): Promise<void>;
  /** On a column's list page: how many reports the tab's page lists (read now in the tab); null elsewhere. Optional: gateways without tabs have none. */
  listedReports?(): Promise<ListOffer | null>;
  /** Opens the sweep page (entrypoints/sweep) for the tab's list page. */
  openSweep?(offer: ListOffer): Promise<void>;
}

/** The site part of an address as the permission prompt names it ('' for what is not http(s)). */
export function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host : '';
  } catch {
    return '';
  }
}

/**
 * The key a report is kept under in the collection: one entry per agency and year (adding the
 * same report again replaces it); a report without agency or year is keyed by its address.
 */
export function collectionKey(report: Report): string {
  return report.agency && report.year ? `${report.agency}|${report.year}` : `|${report.source}`;
}

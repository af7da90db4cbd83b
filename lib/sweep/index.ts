// A column swept at once: list-page reading, the sweep engine, and its exports (lib/export/csv-sweep.ts).
export { readReportList, type ListedReport, type AsideLink, type Pagination, type ReportList, type LinkKind } from './list';
export { sweepColumn, runSweep, byAgencyAndYear, type SweepStart } from './sweep';
export { sameSite, siteOf } from './site';
export { decodePage } from './read-one';
export * from './types';

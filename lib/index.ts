// The core's public surface: what the extension's entrypoints, the popup and the CLI call.
// Data flows one way: extract → recognize → check → Report.
export * from './report';
export type { Grid, GridCell, GridRowView, PageExtract } from './extract/types';
export { looksLikeReportPage, looksLikeReportTitle } from './detect';
export { extractPage } from './extract/page';
export { extractGrids } from './extract/grid';
export { textToExtract } from './extract/text';
export { analyzeExtract, analyzeText } from './analyze';
export { toCsv, toTsv, toJson, exportFileName } from './export';
export type { CsvShape, CsvOptions } from './export';
export { checkCrossYear } from './check/cross-year';
export { crossYearPairs, type YearPair } from './check/year-pairs';

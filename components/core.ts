// The core functions the popup and the files page use, from their own modules (not lib/index.ts,
// which would pull everything into every bundle). The recogniser is not here: a module re-exported
// from here is reachable from the popup's first load, and would be bundled into it (the popup has
// the background analyse pages, and reads files through the lazily loaded file-pipeline.ts).
export { toCsv, toTsv, toJson, exportFileName } from '@/lib/export/index';
export { crossYearPairs, type YearPair } from '@/lib/check/year-pairs';

// The core functions the popup and the background use, from their own modules (not lib/index.ts,
// which would pull everything into every bundle).
export { analyzeExtract } from '@/lib/analyze';
export { toCsv, toTsv, toJson, exportFileName } from '@/lib/export/index';
export { crossYearPairs, type YearPair } from '@/lib/check/year-pairs';

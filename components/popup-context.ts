// What every part of the report view needs without threading it through each table: the
// language, the findings by cell, and how to point at a cell on the page.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CellLoc, Report, ReportCell } from '@/lib/report';
import type { FindingIndex } from './finding-index';
import type { UiLang } from './i18n';

export interface ReportViewContext {
  lang: UiLang;
  report: Report;
  index: FindingIndex;
  cellsById: Map<string, ReportCell>;
  /** scrolls the page to a cell and outlines it; reports failure through the status line */
  reveal(loc: CellLoc): void;
}

export const ReportCtx = createContext<ReportViewContext | null>(null);

export function useReportCtx(): ReportViewContext {
  const ctx = useContext(ReportCtx);
  if (!ctx) throw new Error('ReportCtx missing');
  return ctx;
}

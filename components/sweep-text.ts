// A swept report's line in words: its verdict (errors, warnings, ✓, or its status and why), its
// format, and whether its link may be shown as a link. Kept apart from the table so it is tested
// without a DOM.
import type { SweepFormat, SweepItem, SweepStatus } from '@/lib/sweep/types';
import { t, type MessageKey, type UiLang } from './i18n';

export type VerdictKind = 'error' | 'warning' | 'ok' | 'status';

export interface VerdictText {
  kind: VerdictKind;
  /** the mark shown before the words (✗ ⚠ ✓), also said by the words themselves */
  mark: string;
  text: string;
}

const STATUS_KEY: Record<Exclude<SweepStatus, 'report'>, MessageKey> = {
  'not-report': 'sweepStatusNotReport',
  'http-error': 'sweepStatusHttpError',
  'login-page': 'sweepStatusLogin',
  'not-readable': 'sweepStatusNotReadable',
  'other-site': 'sweepStatusOtherSite',
  'skipped-limit': 'sweepStatusLimit',
  stopped: 'sweepStatusStopped',
};

const SEP: Record<UiLang, string> = { zh: '；', en: '; ' };
const COLON: Record<UiLang, string> = { zh: '：', en: ': ' };

export function verdictOf(item: SweepItem, lang: UiLang): VerdictText {
  // "stopped" says itself in its why; the others are named, then explained
  if (item.status === 'stopped') return { kind: 'status', mark: '', text: item.why[lang] };
  if (item.status !== 'report') return { kind: 'status', mark: '', text: `${t(STATUS_KEY[item.status])}${COLON[lang]}${item.why[lang]}` };
  const errors = item.errors ?? 0;
  const warnings = item.warnings ?? 0;
  const cross = item.crossYear.length;
  const parts: string[] = [];
  if (errors > 0) parts.push(t('sweepVerdictErrors', errors));
  if (warnings > 0) parts.push(t('sweepVerdictWarnings', warnings));
  if (cross > 0) parts.push(t('sweepVerdictCross', cross));
  if (parts.length === 0) return { kind: 'ok', mark: '✓', text: t('sweepVerdictOk') };
  return errors > 0 ? { kind: 'error', mark: '✗', text: parts.join(SEP[lang]) } : { kind: 'warning', mark: '⚠', text: parts.join(SEP[lang]) };
}

export function formatText(format: SweepFormat): string {
  switch (format) {
    case null:
      return '—';
    case 'html':
      return t('sweepFormatHtml');
    case 'pdf':
      return 'PDF';
    case 'docx':
      return 'Word (.docx)';
    case 'doc':
      return 'Word (.doc)';
    case 'text':
      return t('sweepFormatText');
    case 'other':
      return t('sweepFormatOther');
  }
}

/** Only http(s) addresses become links: a javascript: or data: href from a page never does. */
export function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The sweep's files are named by the list's host and the day: sweep_www.x.gov.cn_2026-12-07.csv */
export function sweepFileName(listUrl: string, suffix: string, day = new Date().toISOString().slice(0, 10)): string {
  let host = 'column';
  try {
    host = new URL(listUrl).host.replace(/[^\w.-]/g, '_') || host;
  } catch {
    // not an address: the generic name
  }
  return `sweep_${host}_${day}${suffix}`;
}

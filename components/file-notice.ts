// The file reader's own word (a scanned PDF, an encrypted file, a kind not read) is what the user
// must see about a file: it replaces the recogniser's "this page is not a report", and goes before
// any other notice. Used where file extracts are analysed (the background).
import type { PageExtract } from '@/lib/extract/types';
import type { Message, Report } from '@/lib/report';

export function withFileNotice(report: Report, extract: Pick<PageExtract, 'notice'>): Report {
  const own: Message | null | undefined = extract.notice;
  if (!own || report.notice?.zh.includes(own.zh)) return report;
  const notice: Message = report.cells.length > 0 && report.notice ? { zh: `${own.zh}；${report.notice.zh}`, en: `${own.en}; ${report.notice.en}` } : own;
  return { ...report, notice };
}

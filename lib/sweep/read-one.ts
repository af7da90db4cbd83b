// One fetched answer → what it is: a report (through the same extract → recognize → check as any
// page or file), a page that is not a report, a login page, or something whose figures cannot be
// read, with the reason. A report page that holds its report only as an attachment gets one more
// request: its best attachment on the same site, read as a file where a file reader is given.
import type { Message, Report } from '../report';
import type { PageExtract } from '../extract/types';
import { analyzeExtract } from '../analyze';
import { extractPage } from '../extract/page';
import { textToExtract } from '../extract/text';
import { decodeText, sniffFileKind } from '../extract/file-kind';
import { isRowStart } from '../recognize';
import { looksLikeOneReportTitle, looksLikeReportTitle } from '../detect';
import { looksLikeLoginPage } from './login';
import { sameSite } from './site';
import { WHY } from './why';
import type { FetchedBytes, SweepDeps, SweepFormat, SweepStatus } from './types';

export interface ReadOutcome {
  status: SweepStatus;
  why: Message;
  format: SweepFormat;
  httpStatus?: number;
  readFrom?: string;
  report?: Report;
}

/** A request through the sweep's gate: the answer, or why there is none (an error, a limit). */
export type Got = { ok: true; res: FetchedBytes } | { ok: false; status: SweepStatus; why: Message; httpStatus?: number };

export interface ReadContext {
  deps: SweepDeps;
  /** the list's address: attachments elsewhere are not fetched */
  listUrl: string;
  fetch(url: string): Promise<Got>;
  readAt?: string;
}

const GBK = /^(?:gb2312|gbk|gb18030|x-gbk)$/i;

/** Bytes of a page → text: the Content-Type's charset first (it overrides the page's), then the page's own (decodeText). */
export function decodePage(bytes: Uint8Array, contentType: string): string {
  const named = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1];
  if (named && GBK.test(named)) return new TextDecoder('gb18030').decode(bytes);
  if (named && /^utf-?8$/i.test(named)) return new TextDecoder('utf-8').decode(bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0));
  return decodeText(bytes, true);
}

type Kind = ReturnType<typeof sniffFileKind>;

function kindOf(res: FetchedBytes): Kind {
  const sniffed = sniffFileKind(res.bytes, res.finalUrl);
  // a server that says HTML for bytes that do not start like HTML (a fragment, a BOM-less oddity)
  if ((sniffed === 'text' || sniffed === 'unknown') && /html/i.test(res.contentType)) return 'html';
  return sniffed;
}

const FORMAT_OF: Partial<Record<Kind, SweepFormat>> = { html: 'html', pdf: 'pdf', docx: 'docx', doc: 'doc', text: 'text' };

const hasFigures = (r: Report): boolean => r.tables.length > 0 && r.cells.some((c) => c.value !== null);

function counts(r: Report): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of r.findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

function asReport(report: Report, format: SweepFormat, res: FetchedBytes, readFrom?: string): ReadOutcome {
  const { errors, warnings } = counts(report);
  return { status: 'report', why: WHY.report(errors, warnings), format, httpStatus: res.status, report, ...(readFrom ? { readFrom } : {}) };
}

/** Reads a file's bytes, or says why it cannot be read here. */
async function readFileExtract(res: FetchedBytes, kind: Kind, ctx: ReadContext): Promise<PageExtract | Message> {
  if (kind === 'text' && !ctx.deps.readFile) return textToExtract(decodeText(res.bytes, false), res.finalUrl, { isRowStart });
  if (!ctx.deps.readFile) return WHY.noFileReader(kind);
  return ctx.deps.readFile(res.bytes, res.finalUrl);
}

/** The attachment a report page most likely holds its report in: named like a report first, then .docx, .pdf, .doc, .wps. */
function bestAttachment(report: Report, listUrl: string): string | null {
  const rank = (kind: string) => ['docx', 'pdf', 'doc', 'wps'].indexOf(kind);
  const files = report.attachments.filter((a) => rank(a.kind) >= 0 && sameSite(a.href, listUrl));
  files.sort((a, b) => Number(looksLikeReportTitle(b.text)) - Number(looksLikeReportTitle(a.text)) || rank(a.kind) - rank(b.kind));
  return files[0]?.href ?? null;
}

export async function readAnswer(res: FetchedBytes, ctx: ReadContext, attachmentOf?: string): Promise<ReadOutcome> {
  const kind = kindOf(res);
  const format = FORMAT_OF[kind] ?? 'other';
  if (kind !== 'html') {
    const extract = await readFileExtract(res, kind, ctx);
    if (!('grids' in extract)) return { status: 'not-readable', why: extract, format, httpStatus: res.status };
    const report = analyzeExtract(extract, { readAt: ctx.readAt });
    if (hasFigures(report)) return asReport(report, format, res);
    return { status: 'not-readable', why: report.notice ?? WHY.noFigures, format, httpStatus: res.status, report };
  }
  const doc = ctx.deps.parseHtml(decodePage(res.bytes, res.contentType), res.finalUrl);
  const extract = extractPage(doc, res.finalUrl);
  const report = analyzeExtract(extract, { readAt: ctx.readAt });
  if (hasFigures(report)) return asReport(report, 'html', res);
  if (looksLikeLoginPage(doc, report.title ?? '')) return { status: 'login-page', why: WHY.login, format: 'html', httpStatus: res.status };
  // without figures, a page is a report only if its title or first heading names one report: a
  // notice that quotes a report's title (关于印发…年度报告的通知) is not one
  const namesOne = [extract.title, ...extract.headings.slice(0, 3)].some(looksLikeOneReportTitle);
  if (!report.isReport || !namesOne) return { status: 'not-report', why: WHY.notReport(report.title ?? ''), format: 'html', httpStatus: res.status, report };
  // a report page without its tables: its attachment, once (never a chain of attachments)
  const file = attachmentOf === undefined ? bestAttachment(report, ctx.listUrl) : null;
  if (file !== null) {
    const got = await ctx.fetch(file);
    if (!got.ok) return { status: got.status === 'stopped' ? 'stopped' : 'not-readable', why: attachmentWhy(got.why), format: 'html', httpStatus: got.httpStatus ?? res.status, readFrom: file, report };
    const inner = await readAnswer(got.res, ctx, file);
    return { ...inner, readFrom: got.res.finalUrl, ...(inner.report ? {} : { report }) };
  }
  return { status: 'not-readable', why: report.notice ?? WHY.noFigures, format: 'html', httpStatus: res.status, report };
}

function attachmentWhy(why: Message): Message {
  return { zh: `附件：${why.zh}`, en: `Attachment: ${why.en}` };
}

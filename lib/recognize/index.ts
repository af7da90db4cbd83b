// Grids (or a text's rows) to the cells of one official format: segment rows into tables 2-4,
// decide the format, read each table by its labels, name the agency and year, keep the rest raw.
import type { PageExtract } from '../extract/types';
import type { Finding, FormatId, Leftover, Message, RawTable, ReportCell, TableId } from '../report';
import type { FormatKey } from '../spec';
import { looksLikeReportTitle } from '../detect';
import { segmentRows } from './segment';
import { decideFormat } from './format';
import { readMeta } from './meta';
import { recognizeTable2 } from './table2';
import { recognizeTable3 } from './table3';
import { recognizeTable4 } from './table4';
import { rawTable } from './raw-table';
import { structuralFinding } from './structural';
import { cellVotes } from './signals';
import { table4FromText } from './narrative';

export interface Recognized {
  agency: string | null;
  year: number | null;
  format: FormatId | null;
  t2Format: FormatKey;
  t3Format: FormatKey;
  isReport: boolean;
  tables: TableId[];
  cells: ReportCell[];
  leftovers: Leftover[];
  findings: Finding[];
  unrecognized: RawTable[];
  notice: Message | null;
}

/** A notice or a list page can carry a report-like title; its tables hold no figures. */
const NOT_A_REPORT_TITLE = /通知|格式|目录|列表|公示$/;

/** Text mode: labels that always open a table row. */
export function isRowStart(text: string): boolean {
  const votes = { T2: 0, T3: 0, T4: 0 };
  return cellVotes(text, votes) !== null || votes.T2 + votes.T3 > 0;
}

/** How many different reports (agency and year) the page's lines name: a list names several. */
function reportsNamed(lines: string[]): number {
  const keys = new Set<string>();
  for (const l of lines) {
    if (!looksLikeReportTitle(l)) continue;
    const m = /^[^《]*?《?(.{0,30}?)(20\d{2})/.exec(l.replace(/\s+/g, ''));
    if (m) keys.add(`${m[1]}|${m[2]}`);
  }
  return keys.size;
}

export function recognize(extract: PageExtract): Recognized {
  const meta = readMeta(extract.title, extract.headings, extract.text, extract.source);
  const seg = segmentRows(extract.grids);
  const fmt = decideFormat(seg.rows, meta.year);
  const parts = [
    { id: 'T2' as const, r: seg.rows.T2.length ? recognizeTable2(seg.rows.T2, fmt.t2) : null },
    { id: 'T3' as const, r: seg.rows.T3.length ? recognizeTable3(seg.rows.T3, fmt.t3) : null },
    { id: 'T4' as const, r: seg.rows.T4.length ? recognizeTable4(seg.rows.T4) : null },
  ];
  const cells: ReportCell[] = [];
  const seen = new Set<string>();
  const leftovers: Leftover[] = [];
  const findings: Finding[] = [];
  const tables: TableId[] = [];
  for (const { id, r } of parts) {
    if (!r) continue;
    for (const c of r.cells) if (!seen.has(c.id)) (seen.add(c.id), cells.push(c));
    leftovers.push(...r.leftovers);
    findings.push(...r.findings);
    if (r.cells.length) tables.push(id);
  }

  if (!tables.includes('T4')) {
    const fromText = table4FromText(extract.text);
    if (fromText.length) {
      cells.push(...fromText);
      tables.push('T4');
      findings.push(structuralFinding('STRUCT-FROM-TEXT', { table: 'T4', cells: fromText.map((c) => c.id) }));
    }
  }

  // grids that gave no cell are kept raw, with those no row of which was read at all
  const used = new Set(cells.map((c) => c.loc?.grid));
  const budget = { cells: 200_000 };
  const unrecognized = extract.grids
    .filter((g) => g.source !== 'text' && !used.has(g.index) && g.cells.some((c) => c.text !== ''))
    .map((g, i) => rawTable(g, `other-${i + 1}`, budget));

  const hasFigures = cells.some((c) => c.value !== null);
  const reportTitle = [extract.title, ...extract.headings.slice(0, 6)].some((t) => looksLikeReportTitle(t) && !NOT_A_REPORT_TITLE.test(t));
  // a list of reports names several of them; a report names itself
  const isList = reportsNamed(extract.headings) >= 3;
  const isReport = hasFigures || (reportTitle && !isList);
  let notice: Message | null = null;
  if (extract.notice) {
    // a file reader's own word (a kind not read, a scanned PDF, an encrypted file) is the notice:
    // never replaced by "not a report", which would be wrong about a file that was not read
    notice = extract.notice;
  } else if (!isReport) {
    notice = { zh: '此页面不是政府信息公开工作年度报告', en: 'This page is not an annual report on government information disclosure' };
  } else if (!hasFigures) {
    notice = extract.attachments.length
      ? { zh: `页面上没有找到表二、表三、表四的文字表格；报告可能在附件中（找到 ${extract.attachments.length} 个附件链接）`, en: `No text tables 2, 3 or 4 on the page; the report may be in its attachments (${extract.attachments.length} links found)` }
      : { zh: '页面上没有找到表二、表三、表四的文字表格；表格可能是图片，或不在此页', en: 'No text tables 2, 3 or 4 on the page; they may be images, or on another page' };
  }
  if (extract.truncated) {
    const t = { zh: `页面过大，只读取了一部分：${extract.truncated}`, en: `The page is too large; only part was read: ${extract.truncated}` };
    notice = notice ? { zh: `${notice.zh}；${t.zh}`, en: `${notice.en}; ${t.en}` } : t;
  }
  if (hasFigures) {
    for (const t of ['T2', 'T3', 'T4'] as const) if (!tables.includes(t)) findings.push(structuralFinding('STRUCT-TABLE-MISSING', { table: t }));
  }
  return {
    agency: meta.agency,
    year: meta.year,
    format: fmt.format ?? (hasFigures ? fmt.t3 : null),
    t2Format: fmt.t2,
    t3Format: fmt.t3,
    isReport,
    tables,
    cells,
    leftovers,
    findings: hasFigures ? findings : [],
    unrecognized,
    notice,
  };
}

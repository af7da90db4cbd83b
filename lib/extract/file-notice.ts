// What a file reader says when it reads nothing: the kind of file, and why, in zh and en. A file
// that is not read is never called "not a report": the user is told what it is and what to do.
import type { Message } from '../report';
import type { Grid, PageExtract } from './types';

export type FileProblem =
  | 'wps'
  | 'xls'
  | 'xlsx'
  | 'ofd'
  | 'zip'
  | 'image'
  | 'unknown'
  | 'empty'
  | 'docx-damaged'
  | 'zip-too-large'
  | 'encrypted'
  | 'doc-damaged'
  | 'doc-unsupported'
  | 'no-html-parser'
  | 'no-pdf-reader';

const NOTICES: Record<FileProblem, Message> = {
  wps: {
    zh: 'WPS 文字文件（.wps）暂不能读取；请在 WPS 或 Word 中另存为 .docx 或 PDF 后再读取',
    en: 'WPS Writer files (.wps) cannot be read yet; save it as .docx or PDF in WPS or Word and read that',
  },
  xls: { zh: 'Excel 工作簿（.xls）暂不能读取；年度报告请用 PDF 或 Word 文件', en: 'Excel workbooks (.xls) cannot be read yet; use the report as PDF or Word' },
  xlsx: { zh: 'Excel 工作簿（.xlsx）暂不能读取；年度报告请用 PDF 或 Word 文件', en: 'Excel workbooks (.xlsx) cannot be read yet; use the report as PDF or Word' },
  ofd: { zh: 'OFD 版式文件（.ofd）暂不能读取；请另存为 PDF 后再读取', en: 'OFD files (.ofd) cannot be read yet; save it as PDF and read that' },
  zip: { zh: '压缩包（.zip）不能直接读取；请解压后读取其中的报告文件', en: 'ZIP archives are not read; unpack it and read the report file inside' },
  image: { zh: '图片文件没有可读取的文字：表格是图片，无法读取其中的数字', en: 'An image file has no text to read: tables in pictures cannot be read' },
  unknown: {
    zh: '无法识别的文件类型；可读取 PDF、Word（.docx、.doc）、网页和文本文件',
    en: 'Unknown kind of file; PDF, Word (.docx, .doc), web pages and text files are read',
  },
  empty: { zh: '文件是空的', en: 'The file is empty' },
  'docx-damaged': { zh: 'Word 文件（.docx）已损坏，无法打开', en: 'The Word file (.docx) is damaged and cannot be opened' },
  'zip-too-large': {
    zh: 'Word 文件（.docx）解压后过大或与其声明的大小不符，为安全起见不予读取',
    en: 'The Word file (.docx) inflates past its stated size or the limit; it is not read, for safety',
  },
  encrypted: { zh: '文件已加密，无法读取；请去掉密码后再读取', en: 'The file is encrypted and cannot be read; remove the password and read it again' },
  'doc-damaged': { zh: 'Word 97–2003 文件（.doc）已损坏，无法打开', en: 'The Word 97–2003 file (.doc) is damaged and cannot be opened' },
  'doc-unsupported': {
    zh: '此 Word 文件（.doc）的格式过旧（Word 6/95 或更早），暂不能读取；请另存为 .docx 或 PDF',
    en: 'This Word file (.doc) is of an old format (Word 6/95 or earlier) that is not read; save it as .docx or PDF',
  },
  'no-html-parser': { zh: '此环境不能解析网页，无法读取该文件', en: 'No HTML parser here: the file cannot be read' },
  'no-pdf-reader': { zh: '此环境没有 PDF 读取器，无法读取 PDF 文件', en: 'No PDF reader here: PDF files cannot be read' },
};

export function problemMessage(problem: FileProblem, detail?: string): Message {
  const m = NOTICES[problem];
  return detail ? { zh: `${m.zh}（${detail}）`, en: `${m.en} (${detail})` } : { ...m };
}

/** An extract with nothing read and the reason as its notice. */
export function fileNotice(source: string, problem: FileProblem, detail?: string): PageExtract {
  return { source, title: '', headings: [], grids: [], attachments: [], text: '', truncated: null, notice: problemMessage(problem, detail) };
}

/** A page extraction of a file's HTML, marked as the file's: its grids say where they came from. */
export function asFileExtract(page: PageExtract, kind: Grid['source']): PageExtract {
  const grids = page.grids.map((g) => ({ ...g, source: kind }));
  return { ...page, grids, attachments: [] };
}

// .doc (Word 97–2003) → PageExtract, in plain TypeScript (no Node API: it runs in an extension page
// too): the OLE2 container (cfb.ts), the FIB and piece table (fib.ts), the text cut at Word's marks
// (paragraphs.ts), each paragraph's table properties (papx.ts), tables rebuilt from them
// (tables.ts), then HTML through the page extraction like a .docx.
import type { PageExtract } from '../types';
import { blocksToHtml, documentTitle } from './blocks';
import { openCfb, CfbError, type Cfb } from './cfb';
import { DocError, readFib, readPieces } from './fib';
import { findRun, paraProps, readPapxRuns } from './papx';
import { readParagraphs } from './paragraphs';
import { docBlocks } from './tables';
import { summaryTitle } from './summary';
import { asFileExtract, fileNotice } from '../file-notice';
import { extractPage } from '../page';

/** characters of main text read at most (a 300-page report has about half a million) */
export const MAX_DOC_CHARS = 5_000_000;

function stream(cfb: Cfb, name: string): Uint8Array | null {
  const e = cfb.root.get(name);
  return e && e.type === 2 ? cfb.read(e) : null;
}

export async function readDoc(bytes: Uint8Array, source: string, parseHtml: (html: string) => Document): Promise<PageExtract> {
  try {
    const cfb = openCfb(bytes);
    const wd = stream(cfb, 'WordDocument');
    if (!wd) return fileNotice(source, 'doc-damaged', 'no WordDocument stream');
    const fib = readFib(wd);
    const table = stream(cfb, fib.tableStream);
    if (!table) return fileNotice(source, 'doc-damaged', `no ${fib.tableStream} stream`);
    const data = stream(cfb, 'Data');
    const pieces = readPieces(table, fib);
    const runs = readPapxRuns(wd, table, fib.fcPlcfBtePapx, fib.lcbPlcfBtePapx, data);
    const paras = readParagraphs(wd, pieces, fib.ccpText, MAX_DOC_CHARS).map((p) => ({ ...p, props: paraProps(findRun(runs, p.fc)) }));
    const blocks = docBlocks(paras);
    const page = extractPage(parseHtml(blocksToHtml(documentTitle(blocks, summaryTitle(cfb)), blocks)), source);
    return asFileExtract(page, 'doc');
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (e instanceof DocError) return fileNotice(source, e.kind === 'encrypted' ? 'encrypted' : e.kind === 'unsupported' ? 'doc-unsupported' : 'doc-damaged', detail);
    if (e instanceof CfbError) return fileNotice(source, 'doc-damaged', detail);
    return fileNotice(source, 'doc-damaged', detail);
  }
}

// Reading a report file in an extension page, from its address or from disk: fetched within the
// limits (fetch-file.ts), read by the core's readers (file-pipeline.ts), analysed by the
// background. Imported dynamically by gateway-browser.ts on the first file, with everything it
// pulls in, so that none of it weighs on the popup's first load.
import { browser } from 'wxt/browser';
import { FILE_LIMIT_BYTES, fetchFile } from './fetch-file';
import { readFileExtract } from './file-pipeline';
import { hostOf, type FileState } from './gateway';
import { AnalyzedFile, type AnalyzeFile } from './messages';
import { sitePattern } from './site-access';

async function hasAccess(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [sitePattern(url)] });
  } catch {
    return false;
  }
}

/**
 * Reads the bytes here (the readers load on the first file); the background analyses the extract.
 * A small PDF from disk is parsed in the page (the files page reads file after file, and saves a
 * Worker's start each time); a fetched one in a Worker (the popup reads one, and starting a Worker
 * costs less than parsing the worker's code in the popup: pdfjs-loader.ts).
 */
async function analyze(bytes: Uint8Array, name: string, source: string, start: number, pdfInPage: boolean): Promise<FileState> {
  try {
    const request: AnalyzeFile = { type: 'file/analyze', extract: await readFileExtract(bytes, name, source, pdfInPage) };
    const answer = AnalyzedFile.parse(await browser.runtime.sendMessage(request));
    if ('error' in answer) return { kind: 'failed', message: answer.error };
    return { kind: 'report', report: answer.report, name, elapsedMs: Math.round(performance.now() - start) };
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

/** `start`: when the user asked (performance.now()), so the time reported includes loading this chunk. */
export async function readRemoteFile(url: string, start: number): Promise<FileState> {
  const got = await fetchFile(url);
  if (got.ok) return analyze(got.bytes, got.name, url, start, false);
  // the browser refused the request: without a permission for the site an extension page cannot
  // read it (activeTab covers the tab's own site when the user clicked the toolbar button)
  if (got.failure.reason === 'network' && hostOf(url) && !(await hasAccess(url))) return { kind: 'needs-permission', url, host: hostOf(url) };
  return { kind: 'fetch-failed', url, failure: got.failure };
}

export async function readDiskFile(file: File, start: number): Promise<FileState> {
  if (file.size > FILE_LIMIT_BYTES) return { kind: 'fetch-failed', url: file.name, failure: { reason: 'too-large', limitBytes: FILE_LIMIT_BYTES } };
  if (file.size === 0) return { kind: 'fetch-failed', url: file.name, failure: { reason: 'empty' } };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
  return analyze(bytes, file.name, file.name, start, true);
}

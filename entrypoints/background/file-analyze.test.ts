// The background analyses the extracts of report files for extension pages (file/analyze): a
// validated Report, the file reader's notice kept, no badge touched; web pages cannot ask.
import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { textToExtract } from '@/lib/extract/text';
import { isRowStart } from '@/lib/recognize';
import { AnalyzedFile } from '@/components/messages';
import background from './index';

const SEED = new URL('../../../shared/seeds/003_ed735561ce7e8ab6.txt', import.meta.url);
const hasSeed = existsSync(SEED);
const FILE = 'https://www.zengcheng.gov.cn/files/nb2020.pdf';

async function send(msg: unknown, sender: object): Promise<unknown> {
  const results = await fakeBrowser.runtime.onMessage.trigger(msg, sender, () => {});
  return results[0];
}

describe('background: file/analyze', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  it.skipIf(!hasSeed)("answers the files page with the file's Report, the badge untouched (needs ../shared)", async () => {
    const extract = textToExtract(readFileSync(SEED, 'utf8'), FILE, { isRowStart });
    const answer = AnalyzedFile.parse(await send({ type: 'file/analyze', extract }, { url: fakeBrowser.runtime.getURL('/files.html'), tab: { id: 4 } }));
    if (!('report' in answer)) throw new Error(answer.error);
    expect(answer.report.source).toBe(FILE);
    expect(answer.report.agency).toBe('广州市增城区小楼镇人民政府');
    expect(answer.report.findings.filter((f) => f.severity === 'error')).toHaveLength(4);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('');
  });

  it("keeps the reader's notice for a file with no text (it replaces 'not a report')", async () => {
    const extract = { source: FILE, title: '', headings: [], grids: [], attachments: [], text: '', truncated: null, notice: { zh: '扫描件：PDF 共 5 页，没有可读取的文字', en: 'Scanned PDF: 5 pages, no text to read' } };
    const answer = AnalyzedFile.parse(await send({ type: 'file/analyze', extract }, { url: fakeBrowser.runtime.getURL('/popup.html') }));
    if (!('report' in answer)) throw new Error(answer.error);
    expect(answer.report.notice).toEqual(extract.notice);
    expect(answer.report.cells).toEqual([]);
  });

  it('ignores requests from web pages', async () => {
    const extract = { source: FILE, title: '', headings: [], grids: [], attachments: [], text: '', truncated: null };
    expect(await send({ type: 'file/analyze', extract }, { tab: { id: 9 }, url: 'https://evil.example/' })).toBeUndefined();
  });
});

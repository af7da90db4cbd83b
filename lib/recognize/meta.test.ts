// Agency and year: the title lines first (a page's title, a file's own title paragraphs), then
// the text's statistics period, and a file's name only as a last resort.
import { describe, expect, it } from 'vitest';
import { fileStem, readMeta } from './meta';

describe('readMeta', () => {
  it('reads a Word file’s title lines when there is no page title', () => {
    expect(readMeta('', ['某县人民政府', '2023年政府信息公开工作年度报告', '一、总体情况'], '')).toEqual({ agency: '某县人民政府', year: 2023 });
  });

  it('never takes a numbered heading of the text for the agency on the line above the title', () => {
    // corpus text 03: the report's text begins with its first section, then a line naming the year
    expect(readMeta('', ['一、总体情况', '2019年政府信息公开工作年度报告'], '').agency).toBeNull();
    expect(readMeta('', ['（一）主动公开', '2019年政府信息公开工作年度报告'], '').agency).toBeNull();
    expect(readMeta('', ['某县人民政府', '2019年政府信息公开工作年度报告'], '').agency).toBe('某县人民政府');
  });

  it('the title lines win over the file name', () => {
    expect(readMeta('', ['甲镇人民政府2022年政府信息公开工作年度报告'], '', '/x/乙镇2021年政府信息公开工作年度报告.docx')).toEqual({ agency: '甲镇人民政府', year: 2022 });
  });

  it('falls back to the file name for what the document does not say', () => {
    expect(readMeta('', ['一、总体情况'], '', '/drafts/某某镇人民政府2023年政府信息公开工作年度报告.pdf')).toEqual({ agency: '某某镇人民政府', year: 2023 });
    // the year from the text's period, the agency from the name
    expect(readMeta('', [], '本报告所列数据统计期限为2024年1月1日至2024年12月31日。', 'C:\\reports\\某局2024年度政府信息公开工作年度报告.doc')).toEqual({ agency: '某局', year: 2024 });
    // an attachment's address
    expect(readMeta('', [], '', 'https://example.gov.cn/files/%E6%9F%90%E9%95%872023%E5%B9%B4%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80%E5%B7%A5%E4%BD%9C%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf')).toEqual({ agency: '某镇', year: 2023 });
  });

  it('a file name that names no report gives nothing', () => {
    expect(readMeta('', [], '', 'report-final(2).docx')).toEqual({ agency: null, year: null });
    expect(fileStem('https://example.gov.cn/art/2024/1/5/art_1.html')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { textToRows, textToExtract } from './text';

const rows = (text: string, isRowStart?: (t: string) => boolean) =>
  textToRows(text, { isRowStart }).map((r) => r.map((t) => t.raw.trim()));

describe('textToRows', () => {
  it('reads tab-separated rows, a leading tab as an empty first cell (seed 003)', () => {
    expect(rows('标题\n\t(六) 其他处理\t0\t1\n规章\t0\t0\t0\n')).toEqual([['标题'], ['', '(六) 其他处理', '0', '1'], ['规章', '0', '0', '0']]);
  });
  it('reads seed blocks: a tab-prefixed cell a line, rows between blank lines, broken labels joined', () => {
    const text = '\t信息内容\n\t本年新制作数量\n\n\t规    章\n\t0\n\t\n\n\t商业\n企业\n\t科研\n机构\n';
    expect(rows(text)).toEqual([['信息内容', '本年新制作数量'], ['规    章', '0', ''], ['商业\n企业', '科研\n机构']]);
  });
  it('splits a block where a label follows numbers (a line break lost in the export)', () => {
    expect(rows('\t三、本年度办理结果\n \t0\n \t四、结转下年度继续办理\n\t0\n\t0\n')).toEqual([['三、本年度办理结果', '0'], ['四、结转下年度继续办理', '0', '0']]);
  });
  it('reads pipe rows and skips markdown rules', () => {
    expect(rows('| 规章 | 0 | 0 | 0 |\n|---|---|---|---|\n行政许可 | 3 |\n')).toEqual([['规章', '0', '0', '0'], ['行政许可', '3']]);
  });
  it('reads a stream of cells ended by `|`, empty cells included (text 05)', () => {
    const text = '一、本年新收政府信息公开申请数量 |\n|\n|\n0 |\n||\n二、上年结转政府信息公开申请数量 |\n1 |\n';
    expect(rows(text)).toEqual([['一、本年新收政府信息公开申请数量', '', '', '0', '', ''], ['二、上年结转政府信息公开申请数量', '1']]);
  });
  it('reads one cell a paragraph, a row starting at a label after values or at a known row label (text 10)', () => {
    const text = '信息内容\n\n本年处理决定数量\n\n行政许可\n\n0\n\n行政处罚\n\n0\n';
    const start = (t: string) => t === '行政许可' || t === '行政处罚';
    expect(rows(text, start)).toEqual([['信息内容', '本年处理决定数量'], ['行政许可', '0'], ['行政处罚', '0']]);
  });
  it('splits "label numbers" lines of PDF text into cells', () => {
    expect(rows('行政许可 97\n规章 0 0 3\n2024 年 1 月 1 日至 12 月 31 日\n')).toEqual([['行政许可', '97'], ['规章', '0', '0', '3'], ['2024 年 1 月 1 日至 12 月 31 日']]);
  });
  it('keeps each cell’s offset in the source', () => {
    const text = 'x\n规章\t12\t3\n';
    const cells = textToRows(text)[1]!;
    for (const c of cells) expect(text.slice(c.offset, c.offset + c.raw.length)).toBe(c.raw);
  });
});

describe('textToExtract', () => {
  it('takes the address line apart from the headings', () => {
    const e = textToExtract('https://www.example.gov.cn/a.html\n某镇2021年政府信息公开工作年度报告\n正文', 'a.txt');
    expect(e.title).toBe('某镇2021年政府信息公开工作年度报告');
    expect(e.grids).toHaveLength(1);
    expect(e.grids[0]!.source).toBe('text');
  });
});

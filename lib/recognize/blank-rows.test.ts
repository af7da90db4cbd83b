// Tables 2 and 4 printed with rows (or the whole of table 4) left blank: the cells are read as
// blank (value null, raw kept), never dropped, and table 4 is not reported missing.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractPage } from '../extract/page';
import { analyzeExtract } from '../analyze';

const analyze = (body: string) =>
  analyzeExtract(extractPage(parseHTML(`<html><head><title>某镇人民政府2022年政府信息公开工作年度报告</title></head><body>${body}</body></html>`).document as unknown as Document, 'x.html'));

const T2 = `<p>二、主动公开政府信息情况</p><table>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>&nbsp;</td><td></td><td> </td></tr>
<tr><td>行政规范性文件</td><td>2</td><td>0</td><td>5</td></tr>
<tr><td>其他主动公开文件</td><td></td><td></td><td></td></tr>
</table>`;
const T4 = (row: string) => `<p>四、政府信息公开行政复议、行政诉讼情况</p><table>
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
${row}</table>`;

describe('blank rows', () => {
  it('table 2: a row of the format left blank gives blank cells; an unknown blank row gives none', () => {
    const r = analyze(T2);
    const reg = r.cells.filter((c) => c.row === 's1_regulation');
    expect(reg.map((c) => [c.id, c.value, c.raw])).toEqual([
      ['T2.s1_regulation.made', null, '\u00a0'],
      ['T2.s1_regulation.repealed', null, ''],
      ['T2.s1_regulation.valid', null, ' '],
    ]);
    expect(r.cells.find((c) => c.id === 'T2.s1_normative.valid')?.value).toBe(5);
    expect(r.cells.some((c) => c.row !== 's1_regulation' && c.row !== 's1_normative')).toBe(false);
    // only tables 3 and 4 are said missing
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.table}`)).toEqual(['STRUCT-TABLE-MISSING T3', 'STRUCT-TABLE-MISSING T4']);
  });

  it('table 4 with every figure blank: 15 blank cells, not "table 4 missing"', () => {
    const r = analyze(T4(`<tr>${'<td>&nbsp;</td>'.repeat(15)}</tr>`));
    const t4 = r.cells.filter((c) => c.table === 'T4');
    expect(t4).toHaveLength(15);
    expect(t4.every((c) => c.value === null && c.raw === '\u00a0')).toBe(true);
    expect(r.tables).toContain('T4');
    expect(r.findings.some((f) => f.rule === 'STRUCT-TABLE-MISSING' && f.table === 'T4')).toBe(false);
  });

  it('table 4: a blank spacer row never displaces the figures', () => {
    const r = analyze(T4(`<tr>${'<td></td>'.repeat(15)}</tr><tr>${Array.from({ length: 15 }, (_, i) => `<td>${i % 5 === 4 ? 4 : 1}</td>`).join('')}</tr>`));
    expect(r.cells.filter((c) => c.table === 'T4').map((c) => c.value)).toEqual([1, 1, 1, 1, 4, 1, 1, 1, 1, 4, 1, 1, 1, 1, 4]);
    expect(r.findings.filter((f) => f.table === 'T4')).toEqual([]);
  });
});

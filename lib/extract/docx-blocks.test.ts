// WordprocessingML → paragraphs and tables: spans from w:gridSpan and w:vMerge, w:gridBefore,
// text that is not text (deleted runs, field codes, the fallback copy of alternate content), and
// a part whose namespace prefix is not w:.
import { describe, expect, it } from 'vitest';
import { documentBlocks } from './docx-blocks';
import type { WordTable } from './doc/blocks';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const doc = (body: string, ns = W) => `<?xml version="1.0"?><w:document ${ns}><w:body>${body}</w:body></w:document>`;
const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;
const table = (blocks: ReturnType<typeof documentBlocks>) => blocks.find((b): b is WordTable => b.kind === 'table')!;
const layout = (t: WordTable) => t.rows.map((r) => r.map((c) => `${c.lines.join('/')}:${c.rowspan}x${c.colspan}`).join(' '));

describe('documentBlocks', () => {
  it('reads paragraphs in order, with title lines (centred or a title style) marked', () => {
    const blocks = documentBlocks(doc(p('某镇人民政府', '<w:jc w:val="center"/>') + p('2023年政府信息公开工作年度报告', '<w:pStyle w:val="Title"/>') + p('正文 &amp; 其他')));
    expect(blocks).toEqual([
      { kind: 'p', text: '某镇人民政府', title: true, bold: false },
      { kind: 'p', text: '2023年政府信息公开工作年度报告', title: true, bold: false },
      { kind: 'p', text: '正文 & 其他', title: false, bold: false },
    ]);
  });

  it('turns w:gridSpan into colspans and w:vMerge restart/continue into rowspans', () => {
    const xml = doc(
      '<w:tbl><w:tblGrid/>' +
        `<w:tr>${tc('申请人', '<w:vMerge w:val="restart"/>')}${tc('法人或其他组织', '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc('', '<w:vMerge/>')}${tc('商业企业')}${tc('其他')}</w:tr>` +
        `<w:tr>${tc('合计')}${tc('3')}${tc('')}</w:tr>` +
        '</w:tbl>',
    );
    expect(layout(table(documentBlocks(xml)))).toEqual(['申请人:2x1 法人或其他组织:1x2', '商业企业:1x1 其他:1x1', '合计:1x1 3:1x1 :1x1']);
  });

  it('keeps columns after w:gridBefore with an empty leading cell', () => {
    const xml = doc(`<w:tbl><w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc('a')}</w:tr><w:tr>${tc('x')}${tc('y')}${tc('z')}</w:tr></w:tbl>`);
    expect(layout(table(documentBlocks(xml)))).toEqual([':1x2 a:1x1', 'x:1x1 y:1x1 z:1x1']);
  });

  it('a table in a cell is read as lines of that cell', () => {
    const inner = `<w:tbl><w:tr>${tc('内1')}${tc('内2')}</w:tr></w:tbl>`;
    const xml = doc(`<w:tbl><w:tr><w:tc>${p('外')}${inner}</w:tc>${tc('b')}</w:tr></w:tbl>`);
    expect(layout(table(documentBlocks(xml)))).toEqual(['外/内1/内2:1x1 b:1x1']);
  });

  it('leaves out deleted text, field codes and the fallback copy of alternate content', () => {
    const xml = doc(
      '<w:p><w:r><w:t>留</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>' +
        '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>下</w:t></w:r>' +
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>框</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>',
    );
    expect(documentBlocks(xml)).toEqual([{ kind: 'p', text: '留下框', title: false, bold: false }]);
  });

  it('reads a part whose WordprocessingML prefix is not w:', () => {
    const xml = '<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>文本</x:t></x:r></x:p><x:tbl><x:tr><x:tc><x:p><x:r><x:t>1</x:t></x:r></x:p></x:tc></x:tr></x:tbl></x:body></x:document>';
    const blocks = documentBlocks(xml);
    expect(blocks[0]).toMatchObject({ kind: 'p', text: '文本' });
    expect(layout(table(blocks))).toEqual(['1:1x1']);
  });

  it('marks bold only where every run with text is bold; w:b w:val="0" is not bold', () => {
    const bold = '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>粗</w:t></w:r><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>体</w:t></w:r></w:p>';
    const mixed = '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>粗</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>细</w:t></w:r></w:p>';
    expect(documentBlocks(doc(bold + mixed)).map((b) => b.kind === 'p' && b.bold)).toEqual([true, false]);
  });

  it('survives malformed XML: unclosed tags, stray end tags, a cut part', () => {
    const xml = doc(`</w:tc><w:tbl><w:tr>${tc('1')}<w:tc><w:p><w:r><w:t>2`);
    expect(() => documentBlocks(xml)).not.toThrow();
    expect(() => documentBlocks('<<<>>>&&&')).not.toThrow();
  });
});

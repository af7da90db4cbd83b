// The PDF table reader on text items placed by hand: the shapes Word/WPS/Chromium PDFs take.
import { describe, expect, it } from 'vitest';
import { layoutOf, type PageItems, type RawItem } from './layout';
import { tablesOf } from './table';
import type { Grid } from '../types';

/** A text item at (x, y), width from its characters (CJK 1 em, others half) unless given. */
function item(str: string, x: number, y: number, size = 10, width?: number): RawItem {
  const w = width ?? [...str].reduce((n, ch) => n + (ch.charCodeAt(0) >= 0x2e80 ? size : size * 0.5), 0);
  return { str, transform: [size, 0, 0, size, x, y], width: w, height: size };
}

function page(items: RawItem[], n = 1): PageItems {
  return { page: n, height: 842, items };
}

/** Rows of a grid as label text and value cells, for compact assertions. */
function rows(g: Grid): string[] {
  const by = new Map<number, string[]>();
  for (const c of [...g.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const r = by.get(c.row) ?? [];
    r.push(`${c.col}:${c.text}`);
    by.set(c.row, r);
  }
  return [...by.values()].map((r) => r.join('|'));
}

/** A table 2 block as WPS prints it: numbers centred in their cells, a blank cell in the middle. */
const T2_HEADER = [item('第二十条第（一）项', 60, 700), item('信息内容', 60, 680), item('本年制发件数', 200, 680), item('本年废止件数', 300, 680), item('现行有效件数', 400, 680)];

describe('tables from text positions', () => {
  it('places each number in the column whose header holds it, so a blank cell shifts nothing', () => {
    const grids = tablesOf(layoutOf([page([...T2_HEADER, item('规章', 60, 660), item('3', 227, 660), item('12', 425, 660), item('行政规范性文件', 60, 640), item('1', 227, 640), item('2', 327, 640), item('5', 427, 640)])]));
    expect(grids).toHaveLength(1);
    const g = grids[0]!;
    expect(g.source).toBe('pdf');
    expect(rows(g)).toEqual([
      '0:第二十条第(一)项',
      '0:信息内容|1:本年制发件数|2:本年废止件数|3:现行有效件数',
      '0:规章|1:3|2:|3:12',
      '0:行政规范性文件|1:1|2:2|3:5',
    ]);
    expect(g.cells.every((c) => c.page === 1)).toBe(true);
  });

  it('splits runs pdfjs merged with a space (a header row, two numbers) and joins words split by a font switch', () => {
    const header = [item('信息内容', 60, 680), item('上一年项目数量 本年增', 200, 680, 10, 150), item('/', 350, 680), item('减', 355, 680), item('处', 400, 680), item('理决定数量', 410, 680)];
    const grids = tablesOf(layoutOf([page([...header, item('行政许可', 60, 660), item('12 3', 228, 660, 10, 137), item('7', 427, 660)])]));
    expect(rows(grids[0]!)).toEqual(['0:信息内容|1:上一年项目数量|2:本年增/减|3:处理决定数量', '0:行政许可|1:12|2:3|3:7']);
  });

  it('joins labels wrapped above and below their number line, keeps a group label apart, and reads a row left blank', () => {
    const head = [item('申请人情况', 300, 720), item('自然人', 250, 700), item('商业企业', 330, 700), item('总计', 420, 700)];
    const body = [
      // a label in two lines around its numbers
      item('（二）部分公开（区分处理的，只计', 60, 684),
      item('3', 262, 678), item('0', 347, 678), item('3', 427, 678),
      item('这一情形，不计其他情形）', 60, 672),
      // a row with no figure at all
      item('1.属于国家秘密', 160, 640),
      // a group label centred between its two sub-rows
      item('2.其他法律行政法规禁止公开', 160, 610), item('1', 262, 610), item('1', 347, 610), item('2', 427, 610),
      item('（三）不予公开', 60, 595),
      item('3.危及“三安全一稳定”', 160, 580), item('0', 262, 580), item('0', 347, 580), item('0', 427, 580),
    ];
    const g = tablesOf(layoutOf([page([...head, ...body])]))[0]!;
    const r = rows(g);
    expect(r.slice(0, 4)).toEqual([
      '0:申请人情况',
      '2:自然人|3:商业企业|4:总计',
      '0:(二)部分公开(区分处理的,只计这一情形,不计其他情形)|2:3|3:0|4:3',
      '1:1.属于国家秘密|2:|3:|4:',
    ]);
    // the group label stays in its own column, whichever sub-row it sits beside
    expect(r.slice(4).join('\n')).toMatch(/^0:\(三\)不予公开\|1:2\.其他法律行政法规禁止公开\|2:1\|3:1\|4:2$|^1:2\.其他法律行政法规禁止公开\|2:1\|3:1\|4:2$/m);
    expect(r.at(-1)).toMatch(/1:3\.危及“三安全一稳定”\|2:0\|3:0\|4:0$/);
  });

  it('goes on over a page break without its header, dropping page numbers and running heads', () => {
    const head = (n: number) => [item('某某镇人民政府文件', 250, 800), item(`- ${n} -`, 290, 40)];
    const p1 = page([...head(1), ...T2_HEADER, item('规章', 60, 660), item('0', 227, 660), item('0', 327, 660), item('0', 427, 660)], 1);
    const p2 = page([...head(2), item('行政规范性文件', 60, 760), item('4', 327, 760)], 2);
    const p3 = page([...head(3), item('正文', 60, 700)], 3);
    const grids = tablesOf(layoutOf([p1, p2, p3]));
    expect(grids).toHaveLength(1);
    expect(rows(grids[0]!).slice(2)).toEqual(['0:规章|1:0|2:0|3:0', '0:行政规范性文件|1:|2:4|3:']);
    expect(grids[0]!.cells.find((c) => c.text === '4')!.page).toBe(2);
  });

  it('ends a table at running text and starts the next at its own header', () => {
    // a line of running text from margin to margin
    const prose = item('本机关全年共受理政府信息公开申请，均在法定期限内予以答复，没有发生行政复议和行政诉讼。', 60, 600, 10);
    const t4 = [item('行政复议', 100, 560), item('结果维持', 60, 540), item('结果纠正', 120, 540), item('总计', 180, 540), item('1', 70, 520), item('2', 190, 520)];
    const grids = tablesOf(layoutOf([page([...T2_HEADER, item('规章', 60, 660), item('0', 227, 660), item('0', 327, 660), item('0', 427, 660), prose, ...t4])]));
    expect(grids).toHaveLength(2);
    expect(rows(grids[1]!)).toEqual(['0:行政复议', '1:结果维持|2:结果纠正|3:总计', '1:1|2:|3:2']);
  });
});

describe('text of PDF items', () => {
  it('folds radicals, joins a word split by a font switch, and keeps letter-spaced words whole', () => {
    const l = layoutOf([page([item('中华', 60, 700), item('\u2f08', 80, 700), item('\u2ea0', 90, 700), item('共和国', 100, 700), item('结 果 维 持', 60, 680, 10, 70)])]);
    expect(l.lines.map((x) => x.chunks.map((c) => c.text))).toEqual([['中华人民共和国'], ['结果维持']]);
  });

  it('does not join a number printed flush against its label cell', () => {
    const l = layoutOf([page([item('只计这一情', 60, 700), item('8', 110, 700)])]);
    expect(l.lines[0]!.chunks.map((c) => c.text)).toEqual(['只计这一情', '8']);
  });
});

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

describe('layouts other than the one a reader is tuned on', () => {
  const T3_HEAD = [item('自然人', 300, 720), item('商业企业', 350, 720), item('总计', 420, 720)];
  const row = (label: string, y: number, xs: number[], vs: string[]) => [item(label, 60, y), ...xs.map((x, i) => item(vs[i]!, x, y))];

  it('reads a table continued without its header, laid out afresh with other widths, as a table of its own', () => {
    const grids = tablesOf(layoutOf([page([...T3_HEAD, ...row('一、本年新收', 700, [305, 360, 425], ['1', '2', '3']), ...row('二、上年结转', 680, [305, 360, 425], ['4', '5', '6']), ...row('1.属于国家秘密', 640, [250, 262, 274], ['7', '8', '9']), ...row('2.其他法律', 620, [250, 262, 274], ['0', '1', '1'])])]));
    expect(grids).toHaveLength(2);
    expect(rows(grids[1]!)).toEqual(['0:1.属于国家秘密|1:7|2:8|3:9', '0:2.其他法律|1:0|2:1|3:1']);
  });

  it('gives a numbered label that starts halfway between two value lines to the line below (small print)', () => {
    const body = [
      item('5.要求行政机关', 60, 700), item('0', 300, 690), item('0', 350, 690), item('0', 420, 690), item('确认已获取信息', 60, 680),
      item('1.申请人无正当', 60, 670), item('理由逾期不补正', 60, 660), item('2', 300, 650), item('0', 350, 650), item('2', 420, 650), item('息公开申请', 60, 640),
    ];
    const r = rows(tablesOf(layoutOf([page([...T3_HEAD, ...body])]))[0]!);
    expect(r.slice(1)).toEqual(['0:5.要求行政机关确认已获取信息|1:0|2:0|3:0', '0:1.申请人无正当理由逾期不补正息公开申请|1:2|2:0|3:2']);
  });

  it('splits a run of zeros pdfjs joined in cells too narrow to part them, one digit a cell', () => {
    const grids = tablesOf(layoutOf([page([...T3_HEAD, item('一、本年新收', 60, 700), item('000', 303, 700, 10, 126)])]));
    expect(rows(grids[0]!).at(-1)).toBe('0:一、本年新收|1:0|2:0|3:0');
  });

  it('cuts header cells whose texts touch (one pdfjs item) where the columns of figures start', () => {
    const head = [item('自然人', 300, 720), item('商业企业科研机构', 330, 720), item('总计', 420, 720)];
    const g = tablesOf(layoutOf([page([...head, item('一、本年新收', 60, 700), item('1', 300, 700), item('2', 330, 700), item('3', 370, 700), item('6', 420, 700)])]))[0]!;
    expect(rows(g)[0]).toBe('1:自然人|2:商业企业|3:科研机构|4:总计');
  });

  it('parts letter-spaced cells that pdfjs ran together across a cell border (结 果 维 持 | 结 果 纠 正)', () => {
    // each cell's characters 2 pt apart; the pair across the border 5 pt apart, in one item
    const head = [item('结', 100, 720), item('果', 112, 720), item('维', 124, 720), item('持 结', 136, 720, 10, 25), item('果', 163, 720), item('纠', 175, 720), item('正', 187, 720)];
    const prose = item('本机关全年共受理政府信息公开申请，均在法定期限内予以答复，没有发生行政复议。', 60, 780);
    const g = tablesOf(layoutOf([page([prose, item('行政复议', 128, 740), ...head, item('0', 100, 700), item('0', 151, 700)])]))[0]!;
    expect(rows(g)).toContain('1:结果维持|2:结果纠正');
  });

  it('keeps a figure printed well left of the header apart from the columns (a merged row), in the last label column', () => {
    const body = [
      ...row('一、本年新收', 700, [305, 360, 425], ['1', '2', '3']),
      ...row('三、本年度办理结果', 680, [180, 305, 360, 425], ['0', '4', '5', '6']),
      item('(一)予以公开', 120, 660), item('7', 305, 660), item('8', 360, 660), item('9', 425, 660),
    ];
    const r = rows(tablesOf(layoutOf([page([...T3_HEAD, ...body])]))[0]!);
    expect(r.slice(1)).toEqual(['0:一、本年新收|2:1|3:2|4:3', '0:三、本年度办理结果|1:0|2:4|3:5|4:6', '1:(一)予以公开|2:7|3:8|4:9']);
  });

  it('keeps a row of figures that falls in the margin band of several pages (it is no running foot)', () => {
    // the row's label wrapped above it, its figures alone at the foot of each page
    const pages = [1, 2, 3].map((n) => page([item(`第${n}项`, 60, 400), item('3', 300, 400), item('4', 350, 400), item('0', 300, 50), item('0', 350, 50), item(`- ${n} -`, 290, 20)], n));
    const l = layoutOf(pages);
    expect(l.lines.filter((x) => x.chunks.map((c) => c.text).join(' ') === '0 0')).toHaveLength(3);
    expect(l.lines.some((x) => x.chunks.some((c) => c.text.includes('-')))).toBe(false);
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

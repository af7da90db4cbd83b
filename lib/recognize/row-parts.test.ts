import { describe, expect, it } from 'vitest';
import type { GridCell, GridRowView } from '../extract/types';
import { normalizeText } from '../extract/normalize';
import { isValueCell, splitRow } from './row-parts';

const cell = (raw: string, col: number): GridCell => ({ raw, text: normalizeText(raw), row: 0, col, rowspan: 1, colspan: 1, header: false });
const view = (raws: string[]): GridRowView => ({ grid: 0, row: 0, cells: raws.map(cell), own: raws.map(() => true) });

describe('splitRow', () => {
  // a reader sees '13050\u200b1' as one figure; so do normalizeText and parseCellValue
  it('keeps a figure with a zero-width space or BOM inside it among the values', () => {
    const raws = ['1.属于国家秘密', '13050\u200b1', '\ufeff2\ufeff', '1\u200b2件', '0'];
    expect(isValueCell(cell(raws[1]!, 1))).toBe(true);
    const parts = splitRow(view(raws));
    expect(parts).toHaveLength(1);
    expect(parts[0]!.labels.map((c) => c.raw)).toEqual(['1.属于国家秘密']);
    expect(parts[0]!.values.map((c) => c.raw)).toEqual(raws.slice(1));
  });

  it('still reads two figures run together, and labels with spaces, as text', () => {
    expect(isValueCell(cell('23 0', 0))).toBe(false);
    expect(isValueCell(cell('23\u00a00', 0))).toBe(false);
    expect(isValueCell(cell('商业\n企业', 0))).toBe(false);
    expect(isValueCell(cell('规\u200b章', 0))).toBe(false);
  });
});

describe('splitRow: a text without Han characters in a figure place', () => {
  it('stays in its column, so the row keeps its other figures', () => {
    for (const junk of ['1e9', '0x10', '99999999999999999999', '<img src=x onerror=alert(1)>', 'N/A', '12\u202e34']) {
      const raws = ['一、本年新收政府信息公开申请数量', junk, '1', '2', '3', '4', '5', '15'];
      const parts = splitRow(view(raws));
      expect(parts, junk).toHaveLength(1);
      expect(parts[0]!.values.map((c) => c.raw)).toEqual(raws.slice(1));
      // at the right end too
      const tail = splitRow(view(['二、上年结转政府信息公开申请数量', '1', '2', '3', '4', '5', '6', junk]));
      expect(tail).toHaveLength(1);
      expect(tail[0]!.values).toHaveLength(7);
    }
  });

  it('a label with Han characters after figures still starts the next row (seed 000)', () => {
    const parts = splitRow(view(['三、本年度办理结果', '0', '四、结转下年度继续办理', '0', '0']));
    expect(parts.map((p) => [p.labels.map((c) => c.raw), p.values.map((c) => c.raw)])).toEqual([
      [['三、本年度办理结果'], ['0']],
      [['四、结转下年度继续办理'], ['0', '0']],
    ]);
  });
});

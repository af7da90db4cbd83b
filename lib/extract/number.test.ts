import { describe, expect, it } from 'vitest';
import { isValueLike, parseCellValue, type ParsedValue } from './number';

const num = (value: number, flags: ParsedValue['flags'] = [], unit: string | null = null): ParsedValue => ({ value, kind: 'number', unit, flags });
const TEXT: ParsedValue = { value: null, kind: 'text', unit: null, flags: ['not_a_number'] };
const NA: ParsedValue = { value: null, kind: 'na', unit: null, flags: ['not_applicable'] };
const BLANK: ParsedValue = { value: null, kind: 'blank', unit: null, flags: ['blank'] };

describe('parseCellValue', () => {
  it.each([
    ['0', num(0)],
    ['23', num(23)],
    ['007', num(7)],
    ['12.5', num(12.5)],
    ['\u00a00', num(0)],
    ['\u00a0\u00a0 23 \u3000', num(23)],
    ['\u200b1\u200e2\ufeff', num(12)],
    ['\u202a5\u202c', num(5)],
    ['１２３', num(123)],
    ['０', num(0)],
  ] as const)('plain number %j', (raw, expected) => {
    expect(parseCellValue(raw)).toEqual(expected);
  });

  it.each([
    ['', BLANK],
    [' ', BLANK],
    ['\u00a0\u00a0', BLANK],
    ['\u3000', BLANK],
    ['\u200b\ufeff', BLANK],
    ['\n\t', BLANK],
  ] as const)('blank %j', (raw, expected) => {
    expect(parseCellValue(raw)).toEqual(expected);
  });

  it.each(['/', '／', '—', '——', '--', '-', '–', '－', '\\', ' / ', '\u00a0-\u00a0', '－－'])('not applicable %j', (raw) => {
    expect(parseCellValue(raw)).toEqual(NA);
  });

  it.each([
    ['无', num(0, ['zero_word'])],
    ['零', num(0, ['zero_word'])],
    [' 无 ', num(0, ['zero_word'])],
  ] as const)('zero word %j', (raw, expected) => {
    expect(parseCellValue(raw)).toEqual(expected);
  });

  it.each([
    ['+12', num(12, ['signed'])],
    ['-8', num(-8, ['signed'])],
    ['−8', num(-8, ['signed'])],
    ['－8', num(-8, ['signed'])],
    ['＋8', num(8, ['signed'])],
    ['减8', num(-8, ['signed'])],
    ['增8', num(8, ['signed'])],
    ['-0', num(0, ['signed'])],
    ['减0', num(0, ['signed'])],
  ] as const)('signed %j', (raw, expected) => {
    const got = parseCellValue(raw);
    expect(got).toEqual(expected);
    expect(Object.is(got.value, -0)).toBe(false);
  });

  it.each([
    ['1,234', num(1234, ['thousands'])],
    ['1，234', num(1234, ['thousands'])],
    ['１,２３４', num(1234, ['thousands'])],
    ['75,394,432.52', num(75394432.52, ['thousands'])],
    ['-1,000', num(-1000, ['signed', 'thousands'])],
  ] as const)('thousands %j', (raw, expected) => {
    expect(parseCellValue(raw)).toEqual(expected);
  });

  it.each(['1,23', '1,2345', '12,34,567', ',123', '1,', '1234,567', '1,,234'])('bad thousands groups are text: %j', (raw) => {
    expect(parseCellValue(raw)).toEqual(TEXT);
  });

  it.each([
    ['12.5件', num(12.5, ['unit'], '件')],
    ['251000元', num(251000, ['unit'], '元')],
    ['180万元', num(180, ['unit'], '万元')],
    ['164337 元', num(164337, ['unit'], '元')],
    ['3个', num(3, ['unit'], '个')],
    ['4项', num(4, ['unit'], '项')],
    ['5条', num(5, ['unit'], '条')],
    ['6份', num(6, ['unit'], '份')],
    ['7人次', num(7, ['unit'], '人次')],
    ['8次', num(8, ['unit'], '次')],
    ['9家', num(9, ['unit'], '家')],
    ['75,394,432.52元', num(75394432.52, ['thousands', 'unit'], '元')],
    ['+1,234件', num(1234, ['signed', 'thousands', 'unit'], '件')],
  ] as const)('unit %j', (raw, expected) => {
    expect(parseCellValue(raw)).toEqual(expected);
  });

  it.each([
    '1e9',
    '0x10',
    'Infinity',
    '-Infinity',
    'NaN',
    '0（其中修订16件）',
    '共23件',
    '23件次',
    '元',
    '万元',
    '减',
    '+',
    '1.',
    '.5',
    '1.2.3',
    '5%',
    '(5)',
    '--5',
    '12 件 3',
    '1 234',
    '23\u00a00',
    '0\u30000',
    '1, 234',
    '规章',
    '99999999999999999999',
    '1234567890123456',
    '0.1234567890123456',
    '٣',
  ])('text, never a guessed number: %j', (raw) => {
    expect(parseCellValue(raw)).toEqual(TEXT);
  });

  it('accepts 15 significant digits, leading and trailing fraction zeros aside', () => {
    expect(parseCellValue('123456789012345').value).toBe(123456789012345);
    expect(parseCellValue('000000123456789012345').value).toBe(123456789012345);
    expect(parseCellValue('0.000000000000000001').value).toBe(1e-18);
    expect(parseCellValue('1.000000000000000000000').value).toBe(1);
  });

  it('returns fresh flag arrays (callers push to them)', () => {
    const a = parseCellValue('');
    a.flags.push('unit');
    expect(parseCellValue('').flags).toEqual(['blank']);
  });
});

describe('isValueLike', () => {
  it.each(['', '0', '\u00a00', '23', '/', '—', '无', '零', '减8', '增8', '180万元', '1,234', '１２'])('value %j', (text) => {
    expect(isValueLike(text)).toBe(true);
  });

  it.each(['规章', '信息内容', '（一）予以公开', '一、本年新收政府信息公开申请数量', '合计', 'abc', '0（其中修订16件）', '1e9', '减少'])('label %j', (text) => {
    expect(isValueLike(text)).toBe(false);
  });

  it('answers 100,000 label and value texts in well under a second', () => {
    const texts = ['规章', '（三）不予公开', '12', '\u00a00', '—', '1,234元'];
    const t0 = performance.now();
    let n = 0;
    for (let i = 0; i < 100_000; i++) if (isValueLike(texts[i % texts.length]!)) n++;
    expect(n).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('parseCellValue: invisible and direction marks inside a figure', () => {
  it.each([
    ['1\u200b2', 12],
    ['\ufeff1,234\ufeff', 1234],
    ['1\u2060000', 1000],
    ['1\u200e2\u200f3', 123],
    ['\u202a12\u202c', 12],
    ['1\u202b23\u202c', 123],
    ['\u202d123\u202c', 123],
    ['1\u2067234\u2069', 1234],
    ['\u202e5', 5],
    ['5\u202e', 5],
    ['\u202e5\u202c6', 56],
  ] as const)('%j shows its digits in order: %d', (raw, value) => {
    expect(parseCellValue(raw).value).toBe(value);
  });

  // a right-to-left override shows '12\u202e34' as 1243: reading it as 1234 (or 1243) would be a
  // wrong number on a page built to mislead, so the cell is text, its raw kept by the caller
  it.each(['12\u202e34', '\u202e12', '\u202e1,234\u202c', '1\u202e23\u202c4', '\u202e12件'])('%j is reversed on screen: not a number', (raw) => {
    expect(parseCellValue(raw)).toEqual(TEXT);
  });
});

describe('parseCellValue: the readings the fuzz brief asks about', () => {
  it('1e9 and 0x10 are text, never 1000000000 or 16', () => {
    expect(parseCellValue('1e9')).toEqual(TEXT);
    expect(parseCellValue('1E9')).toEqual(TEXT);
    expect(parseCellValue('0x10')).toEqual(TEXT);
    expect(parseCellValue('0b11')).toEqual(TEXT);
    expect(parseCellValue('1_000')).toEqual(TEXT);
  });
  it('full-width digits and separators read as their ASCII forms', () => {
    expect(parseCellValue('１,２３４')).toEqual(num(1234, ['thousands']));
    expect(parseCellValue('１，２３４．５')).toEqual(num(1234.5, ['thousands']));
    expect(parseCellValue('－１２')).toEqual(num(-12, ['signed']));
  });
  it('12.5件 reads as 12.5 with its unit (a count column flags it: lib/check/domain.ts)', () => {
    expect(parseCellValue('12.5件')).toEqual(num(12.5, ['unit'], '件'));
  });
  it('a figure past what a double holds exactly is text, not a rounded number', () => {
    for (const raw of ['99999999999999999999', '9007199254740993', '1,000,000,000,000,000', '１２３４５６７８９０１２３４５６']) {
      expect(parseCellValue(raw), raw).toEqual(TEXT);
    }
    expect(parseCellValue('999999999999999').value).toBe(999999999999999);
  });
});

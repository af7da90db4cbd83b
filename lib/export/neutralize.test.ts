import { describe, expect, it } from 'vitest';
import { neutralize, safeField } from './neutralize';
import { HOSTILE } from './test-reports';

describe('neutralize', () => {
  it('prefixes every formula start with an apostrophe', () => {
    for (const t of HOSTILE) expect(neutralize(t)).toBe(`'${t}`);
  });
  it('leaves ordinary texts alone', () => {
    for (const t of ['12', '庄口镇', ' =1', "'already", '（一）予以公开', '']) expect(neutralize(t)).toBe(t);
  });
  it('never touches numbers, negative ones included', () => {
    expect(safeField(-8)).toBe(-8);
    expect(safeField('-8')).toBe("'-8");
    expect(safeField(null)).toBe('');
  });
});

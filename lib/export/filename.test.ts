import { describe, expect, it } from 'vitest';
import { exportFileName } from './index';
import { report } from './test-reports';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('exportFileName', () => {
  it('names agency, year and kind', () => {
    expect(exportFileName(report({}), 'csv')).toBe('庄口镇人民政府-2020-政府信息公开年报.csv');
    expect(exportFileName(report({ year: 2021 }), 'json')).toBe('庄口镇人民政府-2021-政府信息公开年报.json');
  });
  it('says so when agency or year is missing', () => {
    expect(exportFileName(report({ agency: null, year: null }), 'tsv')).toBe('未知机关-年份不详-政府信息公开年报.tsv');
    expect(exportFileName(report({ agency: '  ' }), 'csv')).toBe('未知机关-2020-政府信息公开年报.csv');
  });
  it('replaces characters file systems forbid', () => {
    const name = exportFileName(report({ agency: 'a\\b/c:d*e?f"g<h>i|j\nk\tl\u0000m\u007fn' }), 'csv');
    expect(name).toBe('a_b_c_d_e_f_g_h_i_j_k_l_m_n-2020-政府信息公开年报.csv');
    expect(exportFileName(report({ agency: '某局. ' }), 'csv')).toBe('某局-2020-政府信息公开年报.csv');
  });
  it('stays within 120 characters and 255 UTF-8 bytes, keeping year and extension', () => {
    for (const agency of ['某'.repeat(500), 'a'.repeat(500), '𠀀'.repeat(200)]) {
      const name = exportFileName(report({ agency }), 'json');
      expect([...name].length).toBeLessThanOrEqual(120);
      expect(name.length).toBeLessThanOrEqual(120);
      expect(utf8(name)).toBeLessThanOrEqual(255);
      expect(name.endsWith('-2020-政府信息公开年报.json')).toBe(true);
      expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no half surrogate pair
    }
    expect(exportFileName(report({ agency: 'a'.repeat(500) }), 'csv')).toHaveLength(120);
  });
});

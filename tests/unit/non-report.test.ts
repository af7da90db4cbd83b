// Pages that are not reports, and reports whose tables are not text: a clear answer, no figures
// invented, no error, and every table of the page still there to export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToExtract } from '../../cli/read-source';
import { analyzeExtract } from '../../lib/analyze';
import { toCsv } from '../../lib/export';

const page = (name: string) => {
  const file = join(__dirname, '../fixtures/pages', name);
  return analyzeExtract(htmlToExtract(readFileSync(file, 'utf8'), file));
};

describe('pages that are not reports', () => {
  for (const name of ['news.html', 'report-list.html', 'format-notice.html']) {
    it(`${name}: not a report, no figures, no finding`, () => {
      const r = page(name);
      expect(r.isReport).toBe(false);
      expect(r.cells.filter((c) => c.value !== null)).toEqual([]);
      expect(r.findings).toEqual([]);
      expect(r.notice?.zh).toContain('不是');
    });
  }
  it('news.html: its table is kept raw and exported', () => {
    const r = page('news.html');
    expect(r.unrecognized.length).toBeGreaterThan(0);
    const csv = toCsv(r);
    for (const t of r.unrecognized) for (const row of t.rows) for (const cell of row) if (cell.trim()) expect(csv).toContain(cell.trim().replace(/"/g, '""').slice(0, 20));
  });
  it('format-notice.html: the blank template tables are recognised as blank, not as zeros', () => {
    const r = page('format-notice.html');
    expect(r.cells.every((c) => c.value === null)).toBe(true);
  });
});

describe('reports whose tables are not text', () => {
  it('attachment-only.html: says the report may be in its attachments and lists them', () => {
    const r = page('attachment-only.html');
    expect(r.isReport).toBe(true);
    expect(r.cells).toEqual([]);
    expect(r.attachments.map((a) => a.kind)).toEqual(expect.arrayContaining(['pdf', 'docx']));
    expect(r.notice?.zh).toContain('附件');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('image-tables.html: says the tables may be images', () => {
    const r = page('image-tables.html');
    expect(r.cells).toEqual([]);
    expect(r.notice?.zh).toMatch(/图片|附件/);
  });
});

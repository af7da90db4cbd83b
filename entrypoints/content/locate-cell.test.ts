// @vitest-environment happy-dom
// The outline must land on the cell the Report names: for every origin cell extraction reports,
// locateCell must find the very element it was read from, however the table's spans are tangled.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractGrids } from '@/lib/extract/grid';
import { locateCell } from './locate-cell';

function check(html: string): number {
  document.body.innerHTML = html;
  const grids = extractGrids(document);
  let n = 0;
  for (const g of grids) {
    for (const c of g.cells) {
      const el = locateCell(document, { grid: g.index, row: c.row, col: c.col });
      expect(el, `grid ${g.index} (${c.row},${c.col})`).not.toBeNull();
      expect(el!.getAttribute('data-k')).toBe(c.raw);
      n++;
    }
  }
  return n;
}

/** Gives every cell its own text (its data-k), so a wrong element is caught. */
function label(html: string): string {
  let k = 0;
  return html.replace(/<(td|th)([^>]*)>/g, (_m, tag: string, attrs: string) => {
    const id = `c${k++}`;
    return `<${tag}${attrs} data-k="${id}">${id}`;
  });
}

describe('locateCell', () => {
  it('finds cells under rowspans and colspans, thead/tfoot order, nested tables', () => {
    const html = label(`
      <table>
        <tfoot><tr><td></td><td colspan="2"></td></tr></tfoot>
        <thead><tr><th rowspan="2"></th><th colspan="2"></th></tr><tr><th></th><th></th></tr></thead>
        <tr><td rowspan="0"></td><td></td><td></td></tr>
        <tr><td></td><td><table><tr><td></td></tr></table></td></tr>
        <tbody><tr><td colspan="3" rowspan="5"></td></tr><tr></tr></tbody>
      </table>
      <table><tr><td rowspan="2"></td><td colspan="3"></td></tr><tr><td colspan="2"></td><td></td></tr></table>`);
    expect(check(html)).toBeGreaterThan(12);
  });

  it('agrees with extraction on random span layouts', () => {
    const cellArb = fc.record({ tag: fc.constantFrom('td', 'th'), rs: fc.constantFrom('', '0', '1', '2', '3', '-1', 'x', ' 2px'), cs: fc.constantFrom('', '0', '1', '2', '4') });
    const rowArb = fc.array(cellArb, { minLength: 0, maxLength: 5 });
    const sectionArb = fc.record({ kind: fc.constantFrom('', 'thead', 'tbody', 'tfoot'), rows: fc.array(rowArb, { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(sectionArb, { minLength: 1, maxLength: 3 }), (sections) => {
        const body = sections
          .map((s) => {
            const rows = s.rows
              .map((r) => `<tr>${r.map((c) => `<${c.tag}${c.rs ? ` rowspan="${c.rs}"` : ''}${c.cs ? ` colspan="${c.cs}"` : ''}></${c.tag}>`).join('')}</tr>`)
              .join('');
            return s.kind ? `<${s.kind}>${rows}</${s.kind}>` : rows;
          })
          .join('');
        check(label(`<table>${body}</table>`));
      }),
      { numRuns: 200 },
    );
  });

  it('returns null for a location that is not on the page', () => {
    document.body.innerHTML = '<table><tr><td>1</td></tr></table>';
    expect(locateCell(document, { grid: 3, row: 0, col: 0 })).toBeNull();
    expect(locateCell(document, { grid: 0, row: 5, col: 0 })).toBeNull();
    expect(locateCell(document, { grid: 0, row: 0, col: 9 })).toBeNull();
  });
});

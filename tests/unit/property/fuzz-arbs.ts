// Arbitrary tables and pages for the fuzz tests: spans of every kind, ragged rows, row groups in
// any order, nested tables, text with markup, entities and control characters.
import fc from 'fast-check';

// ------------------------------------------------------------------------------ arbitrary tables

export interface FCell {
  tag: 'td' | 'th';
  colspan: string | null;
  rowspan: string | null;
  text: string;
  nested: FTable | null;
}
export interface FGroup {
  kind: 'tbody' | 'thead' | 'tfoot' | 'rows';
  rows: FCell[][];
}
export interface FTable {
  caption: string | null;
  groups: FGroup[];
}

const SPANS = ['0', '-1', '-0', '1', '2', '3', '5', '65534', '65535', '1000', '1001', '4294967297', 'abc', '', ' 2', '\t3\n', '2px', '+3', '1e3', '٣', '２', '0x10', '-65534'];
const span = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...SPANS) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 70_000 }).map(String) },
);

export const SNIPPETS = [
  '0', '12', '１２', '1,234', '12.5件', '99999999999999999999', '1e9', '-8', '—', '/', '&nbsp;', '\u3000', '\u200b', '1\u200b2', '12\u202e34',
  '<b>3</b>', '<br>', '<p>x</p>', '&amp;<', '&#0;', '&#xD800;', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<style>td{}</style>',
  '</td><td>', '</tr><tr>', '</table>', '<table><tr><td>x', '<!--', '-->', '<![CDATA[', '\u0000\u0001\u001f\u007f', '\ud800', '\r\n\t',
  '规章', '三、本年度办理结果', '（七）总计', '信息内容', '行政复议', 'x'.repeat(80),
];
export const garbage = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...SNIPPETS), { maxLength: 4 }).map((xs) => xs.join('')) },
);

export const tableArb: fc.Arbitrary<FTable> = fc.letrec<{ table: FTable; cell: FCell }>((tie) => ({
  cell: fc.record({
    tag: fc.constantFrom<'td' | 'th'>('td', 'td', 'th'),
    colspan: span,
    rowspan: span,
    text: garbage,
    nested: fc.oneof({ maxDepth: 3, depthIdentifier: 'nested', withCrossShrink: true }, { weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: tie('table') }),
  }) as fc.Arbitrary<FCell>,
  table: fc.record({
    caption: fc.option(garbage, { freq: 4 }),
    groups: fc.array(
      fc.record({
        kind: fc.constantFrom<FGroup['kind']>('tbody', 'thead', 'tfoot', 'rows', 'rows'),
        rows: fc.array(fc.array(tie('cell') as fc.Arbitrary<FCell>, { maxLength: 6 }), { maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }) as fc.Arbitrary<FTable>,
})).table;

const attr = (name: string, v: string | null) => (v === null ? '' : ` ${name}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);

export function html(t: FTable): string {
  const rows = (rs: FCell[][]) =>
    rs.map((r) => `<tr>${r.map((c) => `<${c.tag}${attr('colspan', c.colspan)}${attr('rowspan', c.rowspan)}>${c.text}${c.nested ? html(c.nested) : ''}</${c.tag}>`).join('')}</tr>`).join('');
  const body = t.groups.map((g) => (g.kind === 'rows' ? rows(g.rows) : `<${g.kind}>${rows(g.rows)}</${g.kind}>`)).join('');
  return `<table>${t.caption === null ? '' : `<caption>${t.caption}</caption>`}${body}</table>`;
}

export const pageArb = fc.tuple(garbage, fc.array(tableArb, { minLength: 1, maxLength: 3 }), garbage).map(([a, ts, b]) => `<!doctype html><html><head><title>${a}</title></head><body><p>${a}</p>${ts.map(html).join(`<p>${b}</p>`)}</body></html>`);


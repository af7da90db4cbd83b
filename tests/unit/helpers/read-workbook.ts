// Test-only: reads a .xlsx back with other code than the code that wrote it (JSZip to unzip,
// linkedom's XML parser), following the package's relationships as any reader would.
import JSZip from 'jszip';
import { DOMParser } from 'linkedom';

export interface ReadCell {
  /** 'n' number, 's' text (shared string or inline), 'e' no value (a styled empty cell) */
  type: 'n' | 's' | 'e';
  value: number | string | null;
  /** ARGB of a solid fill, null when none */
  fill: string | null;
  /** the format code of the cell's number format, null for General */
  format: string | null;
}

export interface ReadSheet {
  name: string;
  cells: Map<string, ReadCell>;
  merges: string[];
  frozen: { rows: number; cols: number } | null;
  notes: Map<string, string>;
  /** cells of the VML drawing's note shapes ('row,col', 0-based) */
  vmlAnchors: string[];
  /** the raw XML, for checks on what it does not contain */
  xml: string;
}

export interface ReadWorkbook {
  sheets: ReadSheet[];
  sheet(name: string): ReadSheet;
  definedNames: { name: string; localSheetId: string | null; ref: string }[];
  parts: string[];
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
const all = (d: Document | Element, tag: string) => [...d.getElementsByTagName(tag)];
/** ST_Xstring: _xHHHH_ stands for the character HHHH (_x005F_ for an underscore). */
const unescapeX = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const text = (el: Element) => unescapeX(all(el, 't').map((t) => t.textContent ?? '').join(''));

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

async function rels(zip: JSZip, part: string): Promise<Map<string, { type: string; target: string }>> {
  const dir = part.split('/').slice(0, -1).join('/');
  const name = part.split('/').pop()!;
  const file = zip.file(`${dir ? dir + '/' : ''}_rels/${name}.rels`);
  const out = new Map<string, { type: string; target: string }>();
  if (!file) return out;
  for (const r of all(parse(await file.async('string')), 'Relationship')) {
    out.set(r.getAttribute('Id')!, { type: r.getAttribute('Type')!.split('/').pop()!, target: resolve(part, r.getAttribute('Target')!) });
  }
  return out;
}

export async function readWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (p: string) => {
    const f = zip.file(p);
    if (!f) throw new Error(`missing part ${p}`);
    return f.async('string');
  };
  const root = await rels(zip, '');
  const wbPath = [...root.values()].find((r) => r.type === 'officeDocument')!.target;
  const wb = parse(await read(wbPath));
  const wbRels = await rels(zip, wbPath);
  const byType = (t: string) => [...wbRels.values()].find((r) => r.type === t)?.target;

  const sstPath = byType('sharedStrings');
  const strings = sstPath ? all(parse(await read(sstPath)), 'si').map(text) : [];

  const styles = parse(await read(byType('styles')!));
  const fmtCodes = new Map(all(styles, 'numFmt').map((f) => [f.getAttribute('numFmtId')!, f.getAttribute('formatCode')!]));
  const fills = all(all(styles, 'fills')[0]!, 'fill').map((f) => {
    const p = all(f, 'patternFill')[0];
    return p?.getAttribute('patternType') === 'solid' ? (all(p, 'fgColor')[0]?.getAttribute('rgb') ?? null) : null;
  });
  const xfs = all(all(styles, 'cellXfs')[0]!, 'xf').map((x) => ({
    fill: fills[Number(x.getAttribute('fillId') ?? 0)] ?? null,
    format: fmtCodes.get(x.getAttribute('numFmtId') ?? '0') ?? null,
  }));

  const sheets: ReadSheet[] = [];
  for (const s of all(wb, 'sheet')) {
    const path = wbRels.get(s.getAttribute('r:id')!)!.target;
    const xml = await read(path);
    const doc = parse(xml);
    const cells = new Map<string, ReadCell>();
    for (const c of all(doc, 'c')) {
      const t = c.getAttribute('t');
      const v = all(c, 'v')[0]?.textContent ?? null;
      const style = xfs[Number(c.getAttribute('s') ?? 0)] ?? { fill: null, format: null };
      let cell: ReadCell;
      if (t === 's') cell = { type: 's', value: strings[Number(v)]!, ...style };
      else if (t === 'inlineStr' || t === 'str') cell = { type: 's', value: t === 'str' ? v : text(all(c, 'is')[0]!), ...style };
      else if (v === null) cell = { type: 'e', value: null, ...style };
      else cell = { type: 'n', value: Number(v), ...style };
      cells.set(c.getAttribute('r')!, cell);
    }
    const pane = all(doc, 'pane')[0];
    const frozen = pane && pane.getAttribute('state') === 'frozen' ? { rows: Number(pane.getAttribute('ySplit') ?? 0), cols: Number(pane.getAttribute('xSplit') ?? 0) } : null;
    const sheetRels = await rels(zip, path);
    const notes = new Map<string, string>();
    const vmlAnchors: string[] = [];
    for (const r of sheetRels.values()) {
      if (r.type === 'comments') for (const c of all(parse(await read(r.target)), 'comment')) notes.set(c.getAttribute('ref')!, text(c));
      if (r.type === 'vmlDrawing') {
        const vml = parse(await read(r.target));
        for (const d of all(vml, 'x:ClientData')) vmlAnchors.push(`${all(d, 'x:Row')[0]!.textContent},${all(d, 'x:Column')[0]!.textContent}`);
      }
    }
    sheets.push({ name: s.getAttribute('name')!, cells, merges: all(doc, 'mergeCell').map((m) => m.getAttribute('ref')!), frozen, notes, vmlAnchors, xml });
  }
  const definedNames = all(wb, 'definedName').map((d) => ({ name: d.getAttribute('name')!, localSheetId: d.getAttribute('localSheetId'), ref: d.textContent ?? '' }));
  return {
    sheets,
    sheet: (name) => {
      const s = sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}; sheets: ${sheets.map((x) => x.name).join(', ')}`);
      return s;
    },
    definedNames,
    parts: Object.keys(zip.files),
  };
}

/** Column index (0-based) of letters: A → 0, AA → 26. */
export function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** [row, col] (0-based) of an A1 reference. */
export function parseRef(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad ref ${ref}`);
  return [Number(m[2]) - 1, colIndex(m[1]!)];
}

/** The sheet as rows of values (null for no value), up to its last cell. */
export function sheetRows(s: ReadSheet): (number | string | null)[][] {
  const rows: (number | string | null)[][] = [];
  for (const [ref, c] of s.cells) {
    const [r, col] = parseRef(ref);
    while (rows.length <= r) rows.push([]);
    const row = rows[r]!;
    while (row.length <= col) row.push(null);
    row[col] = c.value;
  }
  return rows;
}

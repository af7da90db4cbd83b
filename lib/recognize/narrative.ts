// Table 4 from the report's own words, for pages whose table 4 is not text (an image, cut off):
//   "被行政复议7件，其中结果维持6件、结果纠正0件、其他结果0件、尚未审结1件。…其中未经复议直接
//    起诉2件，均尚未审结。复议后起诉1件，结果维持。"   (text 07-shenzhen-shichangjianguan-longhua)
// A group is read only when all five of its figures follow from the words: counts written out,
// "均…" (all of them), or a single case with its one result; anything less is not read.
// Cells read this way carry the flag `from_text`.
import type { ReportCell } from '../report';
import { FORMATS } from '../spec';

const GROUPS: { id: string; re: RegExp }[] = [
  { id: 'review', re: /(?<!复议后起诉|经)行政复议(?:案件)?(?:共)?(\d+)件/ },
  { id: 'lit_direct', re: /未经复议直接起诉(?:案件)?(?:共)?(\d+)件/ },
  { id: 'lit_after_review', re: /(?<!未经)复议后起诉(?:案件)?(?:共)?(\d+)件/ },
];
const RESULT_WORDS: Record<string, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' };

function readGroup(segment: string, total: number): Record<string, number> | null {
  const parts = Object.keys(RESULT_WORDS);
  const vals: Record<string, number | null> = {};
  for (const p of parts) {
    const m = new RegExp(`${RESULT_WORDS[p]}(\\d+)件`).exec(segment);
    vals[p] = m ? Number(m[1]) : null;
  }
  const all = new RegExp(`均(?:为|已)?(${Object.values(RESULT_WORDS).join('|')})`).exec(segment);
  const named = parts.filter((p) => segment.includes(RESULT_WORDS[p]!));
  if (all) {
    for (const p of parts) vals[p] = RESULT_WORDS[p] === all[1] ? total : 0;
  } else if (total === 1 && named.length === 1 && vals[named[0]!] === null) {
    for (const p of parts) vals[p] = p === named[0] ? 1 : 0;
  } else if (total === 0) {
    for (const p of parts) vals[p] ??= 0;
  } else {
    const known = parts.reduce((s, p) => s + (vals[p] ?? 0), 0);
    if (known !== total) return null;
    for (const p of parts) vals[p] ??= 0;
  }
  return { ...(vals as Record<string, number>), total };
}

export function table4FromText(text: string): ReportCell[] {
  const flat = text.normalize('NFKC').replace(/\s+/g, '');
  const hits = GROUPS.map((g) => {
    const m = g.re.exec(flat);
    return m ? { id: g.id, at: m.index, end: m.index + m[0].length, total: Number(m[1]) } : null;
  }).filter((h): h is NonNullable<typeof h> => h !== null);
  if (hits.length !== GROUPS.length) return [];
  const sorted = [...hits].sort((a, b) => a.at - b.at);
  const cells: ReportCell[] = [];
  for (const h of sorted) {
    const next = sorted.find((o) => o.at > h.at)?.at ?? flat.length;
    const sentenceEnd = flat.indexOf('。', h.end);
    const stop = Math.min(next, sentenceEnd < 0 ? flat.length : sentenceEnd + 1);
    const segment = flat.slice(h.end, stop);
    const vals = readGroup(segment, h.total);
    if (!vals) return [];
    const raw = flat.slice(h.at, stop);
    for (const col of FORMATS.F2021.tables.T4.columns) {
      cells.push({
        id: `T4.${h.id}.${col.id}`,
        table: 'T4',
        row: h.id,
        col: col.id,
        value: vals[col.id]!,
        raw,
        unit: null,
        flags: ['from_text'],
        loc: null,
      });
    }
  }
  const order = FORMATS.F2021.tables.T4.data_cell_order;
  return cells.sort((a, b) => order.indexOf(`${a.row}.${a.col}`) - order.indexOf(`${b.row}.${b.col}`));
}

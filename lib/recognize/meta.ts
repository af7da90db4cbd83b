// Agency and year from the title and the first headings, as reports print them:
//   广州市增城区小楼镇人民政府2020年政府信息公开工作年度报告
//   2019年上海市人民政府办公厅政府信息公开工作年度报告
//   德惠市布海镇人民政府 / 2020年政府信息公开工作年度报告   (agency on the line before)
//   宁强县自然资源局关于2021年度政府信息公开情况的报告
// and, failing that, the statistics period of the text (统计期限为2024年1月1日至12月31日).
import { normalizeText } from '../extract/normalize';

const TITLE_AGENCY_FIRST = /^(.*?)(?:关于)?(20\d{2})\s*年度?(?:的)?\s*(?:政府|政务)?信息公开/;
const TITLE_YEAR_FIRST = /^(20\d{2})\s*年度?\s*(.+?)(?:政府信息公开|政务公开|信息公开)/;
const PERIOD = /(20\d{2})\s*年\s*1\s*月\s*1\s*日.{0,12}?(?:至|到|-|—)\s*(?:(20\d{2})\s*年\s*)?12\s*月\s*31\s*日/;
const REPORT_IN_TEXT = /(20\d{2})\s*年度?(?:政府)?信息公开(?:工作)?年度?报告/;
/** Agencies whose name is a place: the report may name its government only in the text. */
const BARE_PLACE = /(?:镇|乡|街道|区|县|市|实验区|开发区|新区)$/;
const GOVERNMENT_SUFFIX = ['人民政府', '管理委员会', '街道办事处', '办事处'];
/** A numbered heading of the report's text (一、总体情况, （一）主动公开, 1、…): never an agency's name. */
const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])/;

function cleanAgency(s: string): string {
  const name = s
    .replace(/^[\s>›»|·:：-]+/, '')
    .replace(/(?:关于|的)$/, '')
    .replace(/[\s“”"《》]/g, '')
    .trim();
  // "2020年政府信息公开…": the 政府 belongs to the title, not to an agency
  return /^(?:政府|政务|本机关|我镇|我局)?$/.test(name) ? '' : name;
}

/** The year the opening text speaks of most (2023年…, 截止2023年12月31日 …), if it is clear. */
function mostMentionedYear(head: string): number | null {
  const counts = new Map<number, number>();
  for (const m of head.matchAll(/(20\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  return top && (!second || top[1] > second[1]) ? top[0] : null;
}

export interface Meta {
  agency: string | null;
  year: number | null;
}

/** A title line's agency and year (and the line's index), the first line that reads as a report's title. */
function fromTitleLines(lines: string[]): Meta {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\s+/g, '');
    const a = TITLE_AGENCY_FIRST.exec(line);
    const b = a && a[1] ? null : TITLE_YEAR_FIRST.exec(line);
    if (!a && !b) continue;
    let agency = cleanAgency(b ? b[2]! : a![1]!) || null;
    // the agency printed on the line above the title
    if (!agency) {
      const prev = lines.slice(0, i).reverse().find((l) => l !== lines[i] && l.length <= 40 && !/\d{4}/.test(l) && !NUMBERED_HEADING.test(l.trim()));
      if (prev) agency = cleanAgency(prev.replace(/\s+/g, '')) || null;
    }
    return { agency, year: Number(b ? b[1] : a![2]) };
  }
  return { agency: null, year: null };
}

/** A file's name without its folder and extension (某某镇2023年政府信息公开工作年度报告.pdf), or '' for a web address. */
export function fileStem(source: string): string {
  if (/^[a-z][\w+.-]*:\/\//i.test(source) && !/^file:/i.test(source)) {
    // an attachment's address: its last path segment is a file name as good as any
    const path = source.split(/[?#]/, 1)[0]!;
    if (!/\.(pdf|docx?|wps)$/i.test(path)) return '';
    source = path;
  }
  let name = source.slice(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as it is
  }
  return name.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[_]+/g, ' ');
}

/**
 * The title and the first headings (a page's, or a file's own title lines), then the text's
 * statistics period; a file's name only as a last resort: it is what a publisher typed, not what
 * the report says.
 */
export function readMeta(title: string, headings: string[], text: string, source = ''): Meta {
  const lines = [title, ...headings].map(normalizeText).filter((l) => l.length > 0 && l.length <= 120);
  let { agency, year } = fromTitleLines(lines);
  const head = text.slice(0, 6000);
  if (year === null) {
    const m = REPORT_IN_TEXT.exec(head) ?? PERIOD.exec(head);
    year = m ? Number(m[1]) : mostMentionedYear(head);
  }
  if (agency === null || year === null) {
    const byName = fromTitleLines([normalizeText(fileStem(source))].filter((l) => l.length > 0 && l.length <= 120));
    agency ??= byName.agency;
    year ??= byName.year;
  }
  if (agency && BARE_PLACE.test(agency)) {
    const full = GOVERNMENT_SUFFIX.map((s) => agency + s).find((name) => head.includes(name) || title.includes(name));
    if (full) agency = full;
  }
  return { agency, year };
}

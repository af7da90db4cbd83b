// Download names: `<agency>-<year>-政府信息公开年报.<ext>`, safe on Windows, macOS and Linux.
import type { Report } from '../report';

const SUFFIX = '政府信息公开年报';
const MAX_CHARS = 120;
/** ext4 and most file systems limit a name to 255 bytes; 120 CJK characters would be 360. */
const MAX_BYTES = 255;

/** Characters Windows forbids in names, plus every control character. */
function clean(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g, '_').trim();
}

const utf8 = (s: string) => new TextEncoder().encode(s).length;

export function exportFileName(report: Report, ext: 'csv' | 'json' | 'tsv' | 'xlsx'): string {
  // Windows drops trailing dots and spaces of a name part; white space runs fold to one space
  const agency = clean(report.agency ?? '').replace(/\s+/g, ' ').replace(/[. ]+$/, '') || '未知机关';
  const year = report.year === null ? '年份不详' : String(report.year);
  const tail = `-${year}-${SUFFIX}.${ext}`;
  // shorten the agency, never the year or the extension; by code points, never half a pair
  // (length counts UTF-16 units, so a name of astral characters is also within 120 for JS)
  const points = [...agency].slice(0, MAX_CHARS);
  const tooLong = (s: string) => s.length > MAX_CHARS || utf8(s) > MAX_BYTES;
  while (tooLong(points.join('') + tail)) points.pop();
  return points.join('').replace(/[. ]+$/, '') + tail;
}

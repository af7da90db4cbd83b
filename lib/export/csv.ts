// RFC 4180 writer shared by the CSV shapes. Quoting is papaparse's (fields with a comma,
// quote, CR, LF, BOM or a leading/trailing space are quoted, quotes doubled); neutralisation is
// ours (safeField) because papaparse's escapeFormulae misses texts that contain a line break:
// its default pattern /^[=+\-@\t\r].*$/ has no `s` flag, so '=cmd\nx' would pass unescaped.
import Papa from 'papaparse';
import { safeField, type Field } from './neutralize';

export function writeCsv(header: readonly string[], rows: readonly (readonly Field[])[], bom = false): string {
  const data = [header, ...rows].map((r) => r.map(safeField));
  const body = Papa.unparse(data, { newline: '\r\n', quotes: false, escapeFormulae: false, header: false });
  // Every line ends with CRLF, the last one too, so files can be concatenated and appended.
  return (bom ? '\uFEFF' : '') + body + '\r\n';
}

// The title a .doc carries in its summary properties ("\x05SummaryInformation", [MS-OLEPS]):
// PIDSI_TITLE, in the code page the property set names. '' when absent or unreadable.
import type { Cfb } from './cfb';

const PID_CODEPAGE = 1;
const PID_TITLE = 2;
const VT_I2 = 0x02;
const VT_LPSTR = 0x1e;
const VT_LPWSTR = 0x1f;
const CODEPAGES: Record<number, string> = { 936: 'gbk', 54936: 'gb18030', 950: 'big5', 65001: 'utf-8', 1252: 'windows-1252', 1200: 'utf-16le' };

function decoder(codepage: number): TextDecoder {
  try {
    return new TextDecoder(CODEPAGES[codepage] ?? 'gb18030');
  } catch {
    return new TextDecoder('utf-8');
  }
}

export function summaryTitle(cfb: Cfb): string {
  const e = cfb.root.get('\u0005SummaryInformation');
  if (!e || e.type !== 2) return '';
  try {
    const b = cfb.read(e, 256 * 1024);
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const section = dv.getUint32(44, true);
    const count = Math.min(1000, dv.getUint32(section + 4, true));
    const props = new Map<number, number>();
    for (let i = 0; i < count; i++) props.set(dv.getUint32(section + 8 + 8 * i, true), section + dv.getUint32(section + 12 + 8 * i, true));
    const cpAt = props.get(PID_CODEPAGE);
    const codepage = cpAt !== undefined && dv.getUint32(cpAt, true) === VT_I2 ? dv.getUint16(cpAt + 4, true) : 1252;
    const at = props.get(PID_TITLE);
    if (at === undefined) return '';
    const type = dv.getUint32(at, true);
    const size = dv.getUint32(at + 4, true);
    if (type === VT_LPSTR && size <= 4096) return clean(decoder(codepage).decode(b.subarray(at + 8, at + 8 + size)));
    if (type === VT_LPWSTR && size <= 2048) return clean(new TextDecoder('utf-16le').decode(b.subarray(at + 8, at + 8 + 2 * size)));
    return '';
  } catch {
    return '';
  }
}

function clean(s: string): string {
  return s.replace(/\0[\s\S]*$/, '').trim();
}

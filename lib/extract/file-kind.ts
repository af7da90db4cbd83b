// What kind of file bytes are, by what they hold, with the name as a hint only where the bytes do
// not tell: a PDF saved as .html, a .doc that is really a .docx, a .wps in Word's format are read
// as what they are. Small on purpose (no reader is loaded here): only a ZIP's directory and an
// OLE2 file's root directory are opened.
import { isCfb, openCfb } from './doc/cfb';
import { isZip, listZip } from './zip';

export type SniffedKind = 'pdf' | 'docx' | 'doc' | 'html' | 'text' | 'wps' | 'xls' | 'xlsx' | 'ofd' | 'zip' | 'image' | 'unknown' | 'empty';

const EXT = /\.([a-z0-9]{1,5})$/i;

export function extensionOf(name: string): string {
  return EXT.exec(name.split(/[?#]/, 1)[0]!)?.[1]?.toLowerCase() ?? '';
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

const IMAGE_SIGNATURES: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];

function isImage(bytes: Uint8Array): boolean {
  if (IMAGE_SIGNATURES.some((s) => startsWith(bytes, s))) return true;
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return true; // RIFF….WEBP
  return startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && bytes[14]! >= 12 && bytes[15] === 0 && bytes[6] === 0 && bytes[7] === 0; // BMP
}

/** %PDF- after some bytes of junk (readers accept it within the first 1024) */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /%PDF-\d/.test(head);
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|\?xml[^>]*>\s*<!doctype\s+html)\b/i;
const HTML_INSIDE = /<(?:html|body|table|head)[\s>]/i;

function looksLikeHtml(head: string, ext: string): boolean {
  return HTML_START.test(head) || ((ext === 'html' || ext === 'htm' || ext === 'shtml') && HTML_INSIDE.test(head));
}

/** Mostly printable: a control byte other than tab, line breaks, form feed and escape in less than 1 % of the start. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control <= n / 100;
}

function zipKind(bytes: Uint8Array, ext: string): SniffedKind {
  let names: string[];
  try {
    names = listZip(bytes).map((e) => e.name.toLowerCase());
  } catch {
    // a ZIP cut short: trust the name for the reader to say what is wrong
    return ext === 'docx' ? 'docx' : ext === 'xlsx' ? 'xlsx' : ext === 'ofd' ? 'ofd' : 'zip';
  }
  if (names.includes('word/document.xml')) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n === 'ofd.xml' || n.endsWith('/ofd.xml'))) return 'ofd';
  if (ext === 'docx' && names.includes('[content_types].xml')) return 'docx';
  return 'zip';
}

function cfbKind(bytes: Uint8Array, ext: string): SniffedKind {
  try {
    const root = openCfb(bytes).root;
    if (root.get('WordDocument')?.type === 2) return 'doc';
    if (root.has('Workbook') || root.has('Book')) return 'xls';
    return ext === 'wps' || root.has('CONTENTS') || root.has('MatOST') ? 'wps' : ext === 'doc' ? 'doc' : 'unknown';
  } catch {
    return ext === 'doc' ? 'doc' : ext === 'wps' ? 'wps' : ext === 'xls' ? 'xls' : 'unknown';
  }
}

export function sniffFileKind(bytes: Uint8Array, name: string): SniffedKind {
  if (bytes.length === 0) return 'empty';
  const ext = extensionOf(name);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (isZip(bytes)) return zipKind(bytes, ext);
  if (isCfb(bytes)) return cfbKind(bytes, ext);
  if (isImage(bytes)) return 'image';
  if (isPdf(bytes)) return 'pdf';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const head = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2, 4096));
    return looksLikeHtml(head, ext) ? 'html' : 'text';
  }
  if (!looksLikeText(bytes)) return 'unknown';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).replace(/^\u00ef\u00bb\u00bf/, '');
  return looksLikeHtml(head, ext) ? 'html' : 'text';
}

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/**
 * Bytes → text: a BOM decides; in HTML the charset the page names (GBK/GB2312/GB18030); otherwise
 * UTF-8 when the bytes are valid UTF-8, GB18030 when they are not.
 */
export function decodeText(bytes: Uint8Array, html: boolean): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (html) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const named = CHARSET.exec(head)?.[1]?.toLowerCase();
    if (named && /^(gb2312|gbk|gb18030)$/.test(named)) return new TextDecoder('gb18030').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

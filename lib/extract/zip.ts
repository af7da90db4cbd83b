// A small ZIP reader for the files reports come in (.docx, and the kinds told apart by their
// entries: .xlsx, .ofd). It reads the central directory, never trusts it: an entry is inflated
// with the platform's DecompressionStream('deflate-raw') (browsers, Node 20) into a budget that is
// the smaller of its declared size and the caller's cap, and inflation stops the moment the output
// passes it. A zip bomb disguised as a .docx is refused in bounded time and memory, whatever its
// central directory says.

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is not read */
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** offset of the local header */
  offset: number;
}

/** Why a ZIP could not be read; `kind` lets callers word it. */
export class ZipError extends Error {
  constructor(
    readonly kind: 'damaged' | 'too-large' | 'encrypted' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** a .docx has a few dozen entries; a directory of more is not a document */
const MAX_ENTRIES = 20_000;
/** compressed bytes handed to the inflater at a time: bounds what one write can expand to */
const FEED = 16 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The entries of the central directory; throws ZipError when there is none to read. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('damaged', 'no ZIP end record (the file is cut short or not a ZIP)');
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('unsupported', 'ZIP64 archives are not read');
  if (count > MAX_ENTRIES) throw new ZipError('too-large', `${count} entries in the ZIP (at most ${MAX_ENTRIES})`);
  if (cdOffset + cdSize > eocd) throw new ZipError('damaged', 'the ZIP directory points past its end');
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder('utf-8');
  const latin1 = new TextDecoder('latin1');
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== CENTRAL) throw new ZipError('damaged', 'the ZIP directory is damaged');
    const flags = dv.getUint16(p + 8, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen > eocd) throw new ZipError('damaged', 'the ZIP directory is damaged');
    const raw = bytes.subarray(p + 46, p + 46 + nameLen);
    entries.push({
      name: (flags & 0x800 ? utf8 : latin1).decode(raw),
      method: dv.getUint16(p + 10, true),
      flags,
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      offset: dv.getUint32(p + 42, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The bytes of one entry, at most `cap` of them: past its declared size or the cap, a ZipError. */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry, cap: number): Promise<Uint8Array> {
  if (entry.flags & 1) throw new ZipError('encrypted', `${entry.name} is encrypted`);
  if (entry.size > cap) throw new ZipError('too-large', `${entry.name} declares ${entry.size} bytes (at most ${cap} are read)`);
  const dv = view(bytes);
  if (entry.offset + 30 > bytes.length || dv.getUint32(entry.offset, true) !== LOCAL) throw new ZipError('damaged', `${entry.name}: local header missing`);
  const start = entry.offset + 30 + dv.getUint16(entry.offset + 26, true) + dv.getUint16(entry.offset + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError('damaged', `${entry.name} is cut short`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipError('damaged', `${entry.name}: stored sizes differ`);
    return data;
  }
  if (entry.method !== 8) throw new ZipError('unsupported', `${entry.name}: compression method ${entry.method} is not read`);
  return inflateCapped(data, entry.size, entry.name);
}

/** Raw deflate → at most `limit` bytes; one byte more and it stops, cancels and throws. */
export async function inflateCapped(data: Uint8Array, limit: number, what = 'entry'): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  // the writer runs beside the reader: awaiting each write before reading would deadlock on backpressure
  const feeding = (async () => {
    try {
      for (let i = 0; i < data.length && !stopped; i += FEED) await writer.write(data.slice(i, Math.min(data.length, i + FEED)));
      if (!stopped) await writer.close();
    } catch {
      // a damaged stream errors both sides; the reader reports it
    }
  })();
  const out = new Uint8Array(limit);
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.length > limit) {
        stopped = true;
        throw new ZipError('too-large', `${what} inflates past ${limit} bytes (its declared size or the limit)`);
      }
      out.set(value, size);
      size += value.length;
    }
  } catch (e) {
    stopped = true;
    reader.cancel().catch(() => {});
    writer.abort().catch(() => {});
    if (e instanceof ZipError) throw e;
    throw new ZipError('damaged', `${what} does not inflate (${e instanceof Error ? e.message : String(e)})`);
  }
  await feeding;
  if (size !== limit) throw new ZipError('damaged', `${what} inflates to ${size} bytes, not the ${limit} declared`);
  return out;
}

// Compound File Binary (OLE2), the container of .doc, .xls and .wps: a FAT of sector chains, a
// directory of named streams, and a mini stream for the small ones. Read without trusting it:
// every chain is bounded by the file's sector count (a loop in a damaged FAT ends in an error, not
// a hang), every offset is checked against the file, and a stream is cut at its chain's end.

export class CfbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CfbError';
  }
}

export interface CfbEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root */
  type: number;
  start: number;
  size: number;
  left: number;
  right: number;
  child: number;
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

export interface Cfb {
  /** the streams and storages directly under the root, by name */
  root: Map<string, CfbEntry>;
  read(entry: CfbEntry, cap?: number): Uint8Array;
}

export function openCfb(bytes: Uint8Array): Cfb {
  if (!isCfb(bytes)) throw new CfbError('not an OLE2 compound file');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (o: number): number => dv.getUint32(o, true);
  const shift = dv.getUint16(0x1e, true);
  const miniShift = dv.getUint16(0x20, true);
  if (shift !== 9 && shift !== 12) throw new CfbError(`sector size 2^${shift} is not a compound file's`);
  if (miniShift !== 6) throw new CfbError('mini sector size is not 64');
  const sectorSize = 1 << shift;
  const sectors = Math.max(0, Math.floor((bytes.length - sectorSize) / sectorSize)) + 1;
  const sectorAt = (sid: number): number => {
    const at = (sid + 1) * sectorSize;
    if (sid >= sectors || at + sectorSize > bytes.length + sectorSize) throw new CfbError(`sector ${sid} is past the end of the file`);
    return at;
  };

  // the FAT's own sectors: 109 in the header, the rest in the DIFAT chain
  const fatSectors: number[] = [];
  const numFat = u32(0x2c);
  for (let i = 0; i < 109 && fatSectors.length < numFat; i++) fatSectors.push(u32(0x4c + 4 * i));
  let difat = u32(0x44);
  for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE && fatSectors.length < numFat; hops++) {
    if (hops > sectors) throw new CfbError('the DIFAT chain loops');
    const at = sectorAt(difat);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < numFat; i++) fatSectors.push(u32(at + 4 * i));
    difat = u32(at + 4 * per);
  }
  const perSector = sectorSize / 4;
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((sid, k) => {
    const at = sectorAt(sid);
    for (let i = 0; i < perSector && at + 4 * i + 4 <= bytes.length; i++) fat[k * perSector + i] = u32(at + 4 * i);
  });

  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let sid = start; sid !== END_OF_CHAIN && sid !== FREE; sid = table[sid] ?? END_OF_CHAIN) {
      if (out.length >= limit || sid >= table.length) throw new CfbError('a sector chain loops or leaves the table');
      out.push(sid);
    }
    return out;
  };
  const readChain = (start: number, size: number): Uint8Array => {
    const sids = chain(start, fat, sectors);
    const out = new Uint8Array(Math.min(size, sids.length * sectorSize));
    for (let i = 0; i * sectorSize < out.length; i++) {
      const at = sectorAt(sids[i]!);
      const n = Math.min(sectorSize, out.length - i * sectorSize, bytes.length - at);
      out.set(bytes.subarray(at, at + Math.max(0, n)), i * sectorSize);
    }
    return out;
  };

  const dirBytes = readChain(u32(0x30), sectors * sectorSize);
  const dirView = new DataView(dirBytes.buffer, dirBytes.byteOffset, dirBytes.byteLength);
  const entries: CfbEntry[] = [];
  for (let o = 0; o + 128 <= dirBytes.length; o += 128) {
    const nameLen = Math.min(64, dirView.getUint16(o + 0x40, true));
    let name = '';
    for (let i = 0; i + 2 <= nameLen - 2; i += 2) name += String.fromCharCode(dirView.getUint16(o + i, true));
    entries.push({
      name,
      type: dirBytes[o + 0x42]!,
      left: dirView.getUint32(o + 0x44, true),
      right: dirView.getUint32(o + 0x48, true),
      child: dirView.getUint32(o + 0x4c, true),
      start: dirView.getUint32(o + 0x74, true),
      size: dirView.getUint32(o + 0x78, true),
    });
  }
  const rootEntry = entries[0];
  if (!rootEntry || rootEntry.type !== 5) throw new CfbError('no root entry');

  // the root's children: a red-black tree of siblings under root.child
  const root = new Map<string, CfbEntry>();
  const stack = [rootEntry.child];
  const seen = new Set<number>();
  while (stack.length) {
    const id = stack.pop()!;
    if (id === NO_STREAM || id >= entries.length || seen.has(id)) continue;
    seen.add(id);
    const e = entries[id]!;
    if (!root.has(e.name)) root.set(e.name, e);
    stack.push(e.left, e.right);
  }

  const cutoff = u32(0x38) || 4096;
  let mini: { stream: Uint8Array; fat: Uint32Array } | null = null;
  const miniTables = (): { stream: Uint8Array; fat: Uint32Array } => {
    if (mini) return mini;
    const fatBytes = readChain(u32(0x3c), u32(0x40) * sectorSize);
    const miniFat = new Uint32Array(Math.floor(fatBytes.length / 4));
    const fv = new DataView(fatBytes.buffer, fatBytes.byteOffset, fatBytes.byteLength);
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = fv.getUint32(4 * i, true);
    mini = { stream: readChain(rootEntry.start, rootEntry.size), fat: miniFat };
    return mini;
  };

  return {
    root,
    read(entry, cap = Number.MAX_SAFE_INTEGER) {
      const size = Math.min(entry.size, cap);
      if (entry.size >= cutoff) return readChain(entry.start, size);
      const m = miniTables();
      const sids = chain(entry.start, m.fat, m.fat.length + 1);
      const out = new Uint8Array(Math.min(size, sids.length * 64));
      for (let i = 0; i * 64 < out.length; i++) {
        const at = sids[i]! * 64;
        out.set(m.stream.subarray(at, Math.min(at + 64, at + out.length - i * 64)), i * 64);
      }
      return out;
    },
  };
}

// The ZIP reader: entries listed from the central directory, stored and deflated entries read,
// and every way a ZIP can lie about its size stopped at the stated size or the cap.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateCapped, isZip, listZip, readZipEntry, ZipError } from './zip';
import { buildZip } from '../../tests/unit/helpers/files-build';

describe('zip', () => {
  const text = '政府信息公开'.repeat(500);
  const zip = buildZip([
    { name: 'stored.txt', data: 'abc' },
    { name: 'word/document.xml', data: text, deflate: true },
  ]);

  it('lists entries and reads stored and deflated ones', async () => {
    expect(isZip(zip)).toBe(true);
    const entries = listZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['stored.txt', 'word/document.xml']);
    expect(new TextDecoder().decode(await readZipEntry(zip, entries[0]!, 100))).toBe('abc');
    expect(new TextDecoder().decode(await readZipEntry(zip, entries[1]!, 1 << 20))).toBe(text);
  });

  it('refuses an entry whose stated size passes the cap, before inflating', async () => {
    const e = listZip(zip)[1]!;
    await expect(readZipEntry(zip, e, 100)).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('stops an entry that inflates past its stated size', async () => {
    const liar = buildZip([{ name: 'a', data: new Uint8Array(10_000_000), deflate: true, declaredSize: 10 }]);
    await expect(readZipEntry(liar, listZip(liar)[0]!, 1 << 30)).rejects.toThrow(/inflates past 10 bytes/);
  });

  it('says an entry that inflates short of its stated size, or not at all, is damaged', async () => {
    const short = buildZip([{ name: 'a', data: 'abc', deflate: true, declaredSize: 50 }]);
    await expect(readZipEntry(short, listZip(short)[0]!, 100)).rejects.toMatchObject({ kind: 'damaged' });
    await expect(inflateCapped(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).rejects.toBeInstanceOf(ZipError);
    const ok = new Uint8Array(deflateRawSync(Buffer.from('hello')));
    expect(new TextDecoder().decode(await inflateCapped(ok, 5))).toBe('hello');
  });

  it('a file without an end record, or with a directory pointing outside, is damaged', () => {
    expect(() => listZip(zip.subarray(0, zip.length - 30))).toThrow(ZipError);
    const bad = zip.slice();
    const dv = new DataView(bad.buffer);
    dv.setUint32(bad.length - 6, 0x7fffffff, true); // central directory offset
    expect(() => listZip(bad)).toThrow(/past its end/);
  });

  it('an encrypted entry is refused as encrypted', async () => {
    const enc = zip.slice();
    const entries = listZip(enc);
    // flag bit 0 in the local and central headers
    const central = enc.length - 22 - (46 + 'stored.txt'.length) - (46 + 'word/document.xml'.length);
    enc[central + 8] = enc[central + 8]! | 1;
    await expect(readZipEntry(enc, listZip(enc)[0]!, 100)).rejects.toMatchObject({ kind: 'encrypted' });
    expect(entries[0]!.flags & 1).toBe(0);
  });
});

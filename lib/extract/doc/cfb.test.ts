// The OLE2 container: streams found under the root, and damaged files (a FAT that loops, sectors
// past the end) refused with an error instead of a hang.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CfbError, isCfb, openCfb } from './cfb';
import { buildCfb } from '../../../tests/unit/helpers/files-build';

const DOC = new Uint8Array(readFileSync(join(__dirname, '../../../tests/fixtures/files/word/seed-003.doc')));

describe('openCfb', () => {
  it('finds a .doc’s streams and reads them to their stated size', () => {
    const cfb = openCfb(DOC);
    for (const name of ['WordDocument', '1Table', '\u0005SummaryInformation']) expect(cfb.root.has(name)).toBe(true);
    const wd = cfb.root.get('WordDocument')!;
    const bytes = cfb.read(wd);
    expect(bytes.length).toBe(wd.size);
    expect(bytes[0]! | (bytes[1]! << 8)).toBe(0xa5ec);
    // a small stream lives in the mini stream
    const summary = cfb.root.get('\u0005SummaryInformation')!;
    expect(summary.size).toBeLessThan(4096);
    expect(cfb.read(summary)[0]).toBe(0xfe);
  });

  it('reads the directory of a file built here', () => {
    expect([...openCfb(buildCfb(['CONTENTS', 'Other'])).root.keys()].sort()).toEqual(['CONTENTS', 'Other']);
  });

  it('a FAT chain that loops is an error, not a hang', () => {
    const looped = buildCfb(['CONTENTS']);
    new DataView(looped.buffer).setUint32(512 + 4, 1, true); // the directory sector points to itself
    expect(() => openCfb(looped)).toThrow(CfbError);
  });

  it('a file cut short or not a compound file is an error', () => {
    expect(isCfb(DOC.subarray(0, 100))).toBe(false);
    expect(() => openCfb(new Uint8Array(600))).toThrow(CfbError);
    expect(() => openCfb(DOC.subarray(0, 1536)).read(openCfb(DOC.subarray(0, 1536)).root.get('WordDocument')!)).toThrow();
  });
});

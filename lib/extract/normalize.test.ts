// normalizeText reads the common characters of a report in one pass of its own; it must give
// exactly what the NFKC + regex chain gives, for every character and every neighbour.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../tests/fixtures/generate/rng';
import { normalizeText, normalizeTextByIcu } from './normalize';

/** Every BMP code point that is not a surrogate. */
const BMP: number[] = [];
for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) BMP.push(c);
const ch = (c: number) => String.fromCharCode(c);


function mismatches(texts: Iterable<string>, max = 10): string[] {
  const bad: string[] = [];
  for (const s of texts) {
    if (normalizeText(s) !== normalizeTextByIcu(s)) bad.push(JSON.stringify(s));
    if (bad.length >= max) break;
  }
  return bad;
}

describe('normalizeText', () => {
  it('reads what a reader sees: NFKC, white space folded, invisible marks dropped, trimmed', () => {
    expect(normalizeText('  （一）\u3000行政许可\u00a0 ')).toBe('(一) 行政许可');
    expect(normalizeText('1\u200b2')).toBe('12');
    expect(normalizeText('\ufeff1 \ufeff 2')).toBe('1 2');
    expect(normalizeText('2\u200d3\u202e')).toBe('23');
    expect(normalizeText('０１２３')).toBe('0123');
    expect(normalizeText('①项')).toBe('1项');
    expect(normalizeText('e\u0301')).toBe('é');
    expect(normalizeText('')).toBe('');
    expect(normalizeText(' \t\n ')).toBe('');
  });

  it('folds CJK radicals that PDF printers write for ideographs (Kangxi by NFKC, the supplement by its table)', () => {
    // ⼈ U+2F08, ⺠ U+2EA0, ⻅ U+2EC5, ⻓ U+2ED3, ⻚ U+2EDA, ⾏ U+2F8F as Chromium's prints store them
    expect(normalizeText('中华\u2f08\u2ea0共和国')).toBe('中华人民共和国');
    expect(normalizeText('意\u2ec5 \u2ed3江 \u2eda面 \u2f8f政')).toBe('意见 长江 页面 行政');
    expect(normalizeTextByIcu('\u2ea0')).toBe('民');
    // every radical with an ideograph in the BMP is folded, by both ways
    for (let c = 0x2e80; c <= 0x2fdf; c++) {
      const s = String.fromCharCode(c);
      expect(normalizeText(s)).toBe(normalizeTextByIcu(s));
    }
    expect(normalizeText('\u2f00\u2fd5')).toBe('一龠');
  });

  it('returns the text itself when there is nothing to change', () => {
    const s = ['政府信息公开', '2023', ' ', 'a b'].join('');
    expect(normalizeText(s)).toBe(s);
  });

  it('equals the NFKC chain for every character alone and between others', () => {
    const shapes = (c: string) => [c, `a${c}b`, ` ${c} `, `${c}${c}`, `中${c}`, `${c}\u0301`, `\u3000${c}\u200d`];
    expect(mismatches(BMP.flatMap((c) => shapes(ch(c))))).toEqual([]);
  });

  it('equals the NFKC chain for every pair of the characters it reads itself (except ideographs)', () => {
    const own: string[] = [];
    for (const c of BMP) if (isOwn(c)) own.push(ch(c));
    expect(own.length).toBeGreaterThan(500);
    function* pairs(): Iterable<string> {
      for (const a of own) for (const b of own) yield a + b;
    }
    expect(mismatches(pairs())).toEqual([]);
  });

  it('equals the NFKC chain on random texts of common and uncommon characters', () => {
    // seeded, so a failure can be replayed
    const rng = new Rng(7);
    const r = () => rng.next();
    const alphabet = [...'0123456789 ,.-/（）、。：；“”《》【】—…①Ⅻ㈠\u3000\u00a0\u200b\u200d\u202e\ufeff\t\n\u0301\u3099ｶﾞ가각政府信息公开年度报告ＡＢ１２'];
    function* texts(): Iterable<string> {
      for (let i = 0; i < 20000; i++) {
        let s = '';
        const n = Math.floor(r() * 24);
        for (let k = 0; k < n; k++) s += alphabet[Math.floor(r() * alphabet.length)];
        yield s;
      }
    }
    expect(mismatches(texts())).toEqual([]);
  });

  it('handles long texts (a cell of 100,000 characters, a line of megabytes)', () => {
    const long = '（一）行政许可　'.repeat(20000);
    expect(normalizeText(long)).toBe(normalizeTextByIcu(long));
    const huge = '政 '.repeat(1_500_000);
    expect(normalizeText(huge)).toBe(normalizeTextByIcu(huge));
  });
});

/** The ranges the one-pass reader keeps, maps, folds or drops itself (and their neighbours), ideographs aside. */
function isOwn(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x2030) || (c >= 0x205f && c <= 0x2069) || (c >= 0x2500 && c <= 0x26ff) ||
    (c >= 0x3000 && c <= 0x3029) || (c >= 0xff01 && c <= 0xff5e) || c === 0xfeff
  );
}

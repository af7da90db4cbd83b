// A .doc's main text as this project's reader cuts it (lib/extract/doc), folded as word-extractor
// folds its own (curly quotes straightened, white space dropped), so the two can be compared:
// word-extractor is the oracle of the text, our reader the one that also finds the tables.
import { openCfb } from '../../../lib/extract/doc/cfb';
import { readFib, readPieces } from '../../../lib/extract/doc/fib';
import { readParagraphs } from '../../../lib/extract/doc/paragraphs';

export function foldForOracle(s: string): string {
  return s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, '');
}

export function docParagraphText(bytes: Uint8Array): string {
  const cfb = openCfb(bytes);
  const wd = cfb.read(cfb.root.get('WordDocument')!);
  const fib = readFib(wd);
  const table = cfb.read(cfb.root.get(fib.tableStream)!);
  return foldForOracle(
    readParagraphs(wd, readPieces(table, fib), fib.ccpText, 10_000_000)
      .map((p) => p.text)
      .join(''),
  );
}

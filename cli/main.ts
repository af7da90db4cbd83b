// npm run check -- <file>... [--format text|json|csv] [--shape long|wide|report] [--bom]
// Reads saved report pages (.html/.htm) and text files (.txt) with the same core as the extension.
// Given two consecutive years of one agency, the text summary ends with the cross-year checks.
// Exit status: 0 when every file was read (whatever the findings), 1 when a file could not be
// read, 2 for a usage error.
import { analyzeExtract } from '../lib/analyze';
import { toCsv, toJson, type CsvShape } from '../lib/export';
import type { Report } from '../lib/report';
import { readSource } from './read-source';
import { crossYearPairs } from '../lib/check/year-pairs';
import { summarize, summarizePairs } from './summary';

const USAGE = `usage: npm run check -- <file.html|file.txt>... [--format text|json|csv] [--shape long|wide|report] [--bom]`;

interface Args {
  files: string[];
  format: 'text' | 'json' | 'csv';
  shape: CsvShape;
  bom: boolean;
}

export function parseArgs(argv: string[]): Args | string {
  const a: Args = { files: [], format: 'text', shape: 'long', bom: false };
  // --opt=value is the same as --opt value
  argv = argv.flatMap((v) => (/^--\w+=/.test(v) ? [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)] : [v]));
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    const next = () => argv[++i] ?? '';
    if (v === '--format') {
      const f = next();
      if (f !== 'text' && f !== 'json' && f !== 'csv') return `unknown --format "${f}"`;
      a.format = f;
    } else if (v === '--shape') {
      const s = next();
      if (s !== 'long' && s !== 'wide' && s !== 'report') return `unknown --shape "${s}"`;
      a.shape = s;
    } else if (v === '--bom') a.bom = true;
    else if (v === '-h' || v === '--help') return '';
    else if (v.startsWith('-')) return `unknown option ${v}`;
    else a.files.push(v);
  }
  if (a.files.length === 0) return 'no file given';
  return a;
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs([...argv]);
  if (typeof args === 'string') {
    process.stderr.write(`${args ? args + '\n' : ''}${USAGE}\n`);
    return args ? 2 : 0;
  }
  const reports: Report[] = [];
  let failed = 0;
  for (const file of args.files) {
    try {
      reports.push(analyzeExtract(await readSource(file)));
    } catch (e) {
      failed++;
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
      process.stderr.write(`check: cannot read ${file}: ${why}\n`);
    }
  }
  if (args.format === 'json') process.stdout.write(toJson(reports) + '\n');
  else if (args.format === 'csv') process.stdout.write(toCsv(reports, { shape: args.shape, bom: args.bom }));
  else {
    const pairs = crossYearPairs(reports);
    const parts = [...reports.map(summarize), ...(pairs.length ? [summarizePairs(pairs)] : [])];
    process.stdout.write(parts.join('\n\n') + (parts.length ? '\n' : ''));
  }
  return failed ? 1 : 0;
}

// run when executed (tsx cli/main.ts), not when imported by tests
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}

// Part 4 in Node: the same report pages as HTML strings, parsed and read three ways —
//   ours     the CLI's path: linkedom parse → extractPage → analyzeExtract (recognise + check)
//   floor    linkedom parse → querySelectorAll('td, th') → textContent of each
//   generic  tabletojson (the most used HTML-table-to-JSON package on npm; cheerio parse →
//            one JSON object per row), only when it is installed — it is not a dependency
// A generic library takes an HTML string, not a live DOM, so the fair comparison is here, where
// every contender parses the same string; in the page only the floor is comparable.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { htmlToExtract } from '../cli/read-source';
import { analyzeExtract } from '../lib/analyze';
import { spread, rounded, type Spread } from './stats';

export const GENERIC_NAME = 'tabletojson';

export interface Generic {
  name: string;
  version: string;
  convert(html: string): unknown;
}

/** tabletojson when node_modules has it, else null (the bench says "not installed"). */
export async function loadGeneric(): Promise<Generic | null> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(GENERIC_NAME);
  } catch {
    return null;
  }
  let version = '?';
  for (let d = dirname(entry); d !== dirname(d); d = dirname(d)) {
    try {
      const pkg = JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === GENERIC_NAME) {
        version = pkg.version ?? '?';
        break;
      }
    } catch {
      // no package.json at this level
    }
  }
  const spec: string = GENERIC_NAME; // a variable, so tsc does not require the package
  const mod = (await import(spec)) as { Tabletojson?: { convert(h: string): unknown }; default?: { Tabletojson?: { convert(h: string): unknown } } };
  const t = mod.Tabletojson ?? mod.default?.Tabletojson;
  if (!t) return null;
  return { name: GENERIC_NAME, version, convert: (html) => t.convert(html) };
}

function floorWalk(html: string): number {
  const { document } = parseHTML(html);
  const cells = document.querySelectorAll('td, th');
  let chars = 0;
  for (let i = 0; i < cells.length; i++) chars += (cells[i]!.textContent ?? '').length;
  return chars + cells.length;
}

function ours(html: string, name: string): number {
  return analyzeExtract(htmlToExtract(html, name), { readAt: '2024-01-01T00:00:00.000Z' }).cells.length;
}

/** Times fn: one untimed run, then runs until about budgetMs is spent (between minRuns and maxRuns). */
function timeIt(fn: () => unknown, budgetMs: number, minRuns: number, maxRuns: number): number[] {
  fn();
  const out: number[] = [];
  const start = performance.now();
  while (out.length < minRuns || (out.length < maxRuns && performance.now() - start < budgetMs)) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export interface NodeCompare {
  page: string;
  bytes: number;
  oursMs: Spread;
  floorMs: Spread;
  genericMs: Spread | null;
  ratioToFloor: number;
  ratioToGeneric: number | null;
}

export function compareInNode(pages: { name: string; html: string }[], generic: Generic | null, budgetMs: number): NodeCompare[] {
  const out: NodeCompare[] = [];
  for (const p of pages) {
    const o = spread(timeIt(() => ours(p.html, p.name), budgetMs, 3, 30));
    const f = spread(timeIt(() => floorWalk(p.html), budgetMs, 3, 30));
    const g = generic ? spread(timeIt(() => generic.convert(p.html), budgetMs, 3, 30)) : null;
    out.push({
      page: p.name, bytes: Buffer.byteLength(p.html), oursMs: rounded(o), floorMs: rounded(f), genericMs: g && rounded(g),
      ratioToFloor: Number((o.median / f.median).toFixed(2)), ratioToGeneric: g ? Number((o.median / g.median).toFixed(2)) : null,
    });
  }
  return out;
}

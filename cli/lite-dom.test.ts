import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { extractPage } from '../lib/extract/page';
import { htmlPageArb } from '../tests/fixtures/generate';
import { pageArb } from '../tests/unit/property/fuzz-arbs';
import { runs, timeoutFor } from '../tests/unit/property/verify';
import { HAS_SHARED, SHARED } from '../tests/unit/shared-data';
import { LiteElement, parseLiteHtml } from './lite-dom';
import { decode } from './read-source';

const ROOT = resolve(__dirname, '..');
const RUNS = Math.ceil(runs() / 4);
vi.setConfig({ testTimeout: timeoutFor(RUNS) });

/**
 * What the core reads of a page, through linkedom (the reference) and through the CLI's DOM.
 * linkedom keeps a text as several nodes where an entity splits it ('&amp;<' is '&' and '<'); a
 * browser and the CLI's DOM make one node of it, so the reference is normalised to match.
 */
function bothWays(html: string) {
  const { document } = parseHTML(html);
  document.normalize();
  const byLinkedom = extractPage(document as unknown as Document, 'page.html');
  const byLite = extractPage(parseLiteHtml(html) as unknown as Document, 'page.html');
  return { byLinkedom, byLite };
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (/\.html?$/i.test(f)) out.push(p);
  }
  return out;
}

describe('parseLiteHtml', () => {
  it('builds the tree the core walks: names, attributes, text, links both ways', () => {
    const doc = parseLiteHtml('<!doctype html><html><head><title>某镇&nbsp;2023年报告</title></head><body><p>一<br>二</p><table><tr><td colSpan="2">1</td></tr></table><!-- x --></body></html>');
    expect(doc.title).toBe('某镇\u00a02023年报告');
    const body = doc.body!;
    expect(body.localName).toBe('body');
    const p = body.firstElementChild!;
    expect([p.localName, p.textContent]).toEqual(['p', '一二']);
    expect(p.firstChild!.nextSibling!.parentNode).toBe(p);
    expect(p.lastChild!.previousSibling!.nodeType).toBe(1);
    const td = (p.nextElementSibling as LiteElement).firstElementChild!.firstElementChild!;
    // as browsers read HTML, attribute names are lower case
    expect([td.localName, td.getAttribute('colspan'), td.hasAttribute('rowspan')]).toEqual(['td', '2', false]);
    expect(body.lastChild!.nodeType).toBe(8);
  });

  it('closes cells and rows the way linkedom does, keeps Word markup names, reads script as text', () => {
    const doc = parseLiteHtml('<table><tr><td>1<td>2<tr><td>3</table><o:p>x</o:p><script>if (a<b) x()</script>');
    const table = doc.documentElement!;
    const rows = [table.firstElementChild!, table.firstElementChild!.nextElementSibling!];
    expect(rows.map((r) => r.textContent)).toEqual(['12', '3']);
    expect(table.nextElementSibling!.localName).toBe('o:p');
    expect(table.nextElementSibling!.nextElementSibling!.textContent).toBe('if (a<b) x()');
  });

  it('walks 20,000 nested elements without recursion', () => {
    const deep = `${'<div>'.repeat(20_000)}深${'</div>'.repeat(20_000)}`;
    expect(parseLiteHtml(`<html><body>${deep}</body></html>`).body!.textContent).toBe('深');
  });
});

describe('the CLI DOM gives the core exactly what linkedom gives it', () => {
  it('every page of tests/fixtures, demo/samples and tests/e2e/pages', () => {
    const files = [join(ROOT, 'tests/fixtures'), join(ROOT, 'demo/samples'), join(ROOT, 'tests/e2e/pages')].flatMap(htmlFiles);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const { byLinkedom, byLite } = bothWays(decode(readFileSync(f), true));
      expect(byLite, f).toEqual(byLinkedom);
    }
  });

  it.skipIf(!HAS_SHARED)('every page of ../shared/corpus/html (needs ../shared)', () => {
    for (const f of htmlFiles(join(SHARED, 'corpus/html'))) {
      const { byLinkedom, byLite } = bothWays(decode(readFileSync(f), true));
      expect(byLite, f).toEqual(byLinkedom);
    }
  });

  it(`generated report pages (Word, CMS, split), ${RUNS} runs`, () => {
    fc.assert(
      fc.property(htmlPageArb(), (p) => {
        const { byLinkedom, byLite } = bothWays(p.source);
        expect(byLite).toEqual(byLinkedom);
      }),
      { numRuns: RUNS },
    );
  });

  it(`fuzzed tables (spans, nesting, garbage text), ${RUNS} runs`, () => {
    fc.assert(
      fc.property(pageArb, (html) => {
        const { byLinkedom, byLite } = bothWays(html);
        expect(byLite).toEqual(byLinkedom);
      }),
      { numRuns: RUNS },
    );
  });
});

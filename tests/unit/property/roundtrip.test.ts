// Property: a report generated from the spec, printed as a page the way real sites print it,
// reads back exactly — every figure under its cell id, and exactly the planted inconsistency's
// errors and warnings (info findings are not compared). Runs: PROPERTY_RUNS (CI: 2000), default 200.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { htmlToExtract } from '../../../cli/read-source';
import { analyzeExtract, analyzeText } from '../../../lib/analyze';
import { cellIds } from '../../../lib/spec';
import {
  TEXT_PAD,
  expectedFindings,
  htmlPageArb,
  relations,
  reportArb,
  styleArb,
  textPage,
  textPageArb,
  type GenPage,
} from '../../fixtures/generate';
import { describePage, differences, runs, timeoutFor } from './verify';

const RUNS = runs();
vi.setConfig({ testTimeout: timeoutFor(RUNS) });

function check(page: GenPage, read: (p: GenPage) => ReturnType<typeof analyzeExtract>): ReturnType<typeof analyzeExtract> {
  const r = read(page);
  expect(differences(page, r), describePage(page)).toEqual([]);
  return r;
}

const fromHtml = (p: GenPage) => analyzeExtract(htmlToExtract(p.source, 'generated.html'), { readAt: '2026-01-01T00:00:00.000Z' });
const fromText = (p: GenPage) => analyzeText(p.source, 'generated.txt', { readAt: '2026-01-01T00:00:00.000Z' });

describe('the generator (tests/fixtures/generate)', () => {
  it('makes figures that satisfy every error and warning relation, and plants exactly one change', () => {
    fc.assert(
      fc.property(reportArb(), (r) => {
        const ids = cellIds(r.format);
        expect(Object.keys(r.values).sort()).toEqual([...ids].sort());
        if (!r.plant) {
          expect(r.expected).toEqual([]);
          for (const v of Object.values(r.values)) expect(Number.isFinite(v)).toBe(true);
          return;
        }
        // the aimed rule breaks, and every finding involves the one changed cell
        expect(r.expected.length).toBeGreaterThan(0);
        expect(r.expected.some((f) => f.rule === r.plant!.rule)).toBe(true);
        for (const f of r.expected) expect(f.cells).toContain(r.plant.cell);
        // undoing the plant gives a valid report again
        expect(expectedFindings(r.format, { ...r.values, [r.plant.cell]: r.plant.from })).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic given a fast-check seed', () => {
    const a = fc.sample(htmlPageArb(), { numRuns: 5, seed: 123 }).map((p) => p.source);
    const b = fc.sample(htmlPageArb(), { numRuns: 5, seed: 123 }).map((p) => p.source);
    expect(a).toEqual(b);
    expect(fc.sample(textPageArb(), { numRuns: 3, seed: 9 }).map((p) => p.source)).toEqual(fc.sample(textPageArb(), { numRuns: 3, seed: 9 }).map((p) => p.source));
  });

  it('knows the relations of both formats (per column and per row)', () => {
    // 7 columns × (BALANCE, RESULT-SUM, CARRY-OUT-BOUND) + one COL-SUM per data row + 3 T4 sums + T2 warnings
    expect(relations('F2019').length).toBe(21 + 23 + 3 + 2 + 5);
    expect(relations('F2021').length).toBe(21 + 25 + 3 + 2);
  });
});

describe('round trip: generated report → page → the CLI reading it (cli/read-source) → analyzeExtract', () => {
  it(`HTML pages (word, cms, table 3 split with and without header), ${RUNS} runs`, () => {
    fc.assert(fc.property(htmlPageArb(), (p) => void check(p, fromHtml)), { numRuns: RUNS });
  });

  it('HTML pages of valid reports only: no error or warning at all', () => {
    fc.assert(
      fc.property(htmlPageArb({ plant: false }), (p) => {
        const r = check(p, fromHtml);
        expect(r.findings.filter((f) => f.severity !== 'info')).toEqual(p.expected.length ? [expect.objectContaining({ rule: 'T2-FEE-UNIT' })] : []);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});

describe('round trip: generated report → text export → analyzeText', () => {
  it(`tab-separated rows and one-cell-a-line exports, ${RUNS} runs`, () => {
    fc.assert(fc.property(textPageArb(), (p) => void check(p, fromText)), { numRuns: RUNS });
  });

  // once a gap: normalizeText folded U+200B to a space, so '1\u200b2' read as two figures and a
  // one-cell-a-line export started a new row at that cell
  it('a zero-width space inside every figure of a one-cell-a-line text export', () => {
    const [report] = fc.sample(reportArb({ format: 'F2021', plant: false }), { numRuns: 1, seed: 42 });
    const [style] = fc.sample(styleArb(TEXT_PAD, ['\u200b']), { numRuns: 1, seed: 42 });
    const page = textPage(report!, { ...style!, invisible: 1, blank: 0, zeroWord: 0 }, 'cells');
    check(page, fromText);
  });
});


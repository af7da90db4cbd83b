// @vitest-environment happy-dom
// The review sheet of a report with errors (seed 003's township) and of a consistent one: the
// header, each finding with its rule and the official words behind it, the cells' values, and the
// marked cells in the tables.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Report } from '@/lib/report';
import { useCatalog } from './i18n';
import zhCatalog from '../public/_locales/zh_CN/messages.json';
import { ReviewSheet } from './ReviewSheet';
import errorsJson from './fixtures/report-errors.json';
import consistentJson from './fixtures/report-consistent.json';

useCatalog(zhCatalog);
const errors = Report.parse(errorsJson);
const consistent = Report.parse(consistentJson);

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('ReviewSheet', () => {
  it('lists every finding of a report with errors, with its rule, the official text and the cell values', () => {
    render(<ReviewSheet report={errors} lang="zh" />, root);
    expect(root.querySelector('[data-testid=sheet-agency]')!.textContent).toBe(errors.agency);
    expect(root.querySelector('[data-testid=sheet-verdict]')!.textContent).toContain('发现 4 处错误');
    const rows = [...root.querySelectorAll('.sheet-findings tbody tr')];
    expect(rows).toHaveLength(errors.findings.length);
    const balance = rows.filter((r) => r.getAttribute('data-rule') === 'T3-BALANCE');
    expect(balance).toHaveLength(2);
    // the official relation printed on table 3 is quoted as the rule's ground
    expect(balance[0]!.querySelector('.rule-evidence')!.textContent).toContain('第一项加第二项之和，等于第三项加第四项之和');
    expect(balance[0]!.querySelector('.rule-kind')!.textContent).toBe('官方格式');
    const refs = [...balance[0]!.querySelectorAll('.cell-ref')].map((e) => e.textContent);
    const np = errors.cells.find((c) => c.id === 'T3.new.np')!;
    expect(refs).toContain(`T3.new.np = ${np.value}`);
    // errors are listed before the informational note
    expect(rows.at(-1)!.getAttribute('data-rule')).toBe('T2-19-PROCUREMENT-UNIT');
  });

  it('marks the cells of the errors in the tables, and only those', () => {
    render(<ReviewSheet report={errors} lang="zh" />, root);
    const flagged = new Set([...root.querySelectorAll('td.flagged.sev-error')].map((td) => td.getAttribute('data-cell')));
    const expected = new Set(errors.findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells));
    expect(flagged).toEqual(expected);
    expect(root.querySelectorAll('table.official.t3 thead tr')).toHaveLength(3);
  });

  it('says a consistent report has no inconsistency, in English too', () => {
    render(<ReviewSheet report={consistent} lang="en" />, root);
    expect(root.querySelector('[data-testid=sheet-verdict]')!.textContent).toMatch(/^No inconsistency/);
    expect(root.querySelectorAll('td.flagged.sev-error')).toHaveLength(0);
    expect(root.querySelector('h1')!.textContent).toContain('review sheet');
  });
});

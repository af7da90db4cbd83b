import { describe, expect, it } from 'vitest';
import { Report } from '../report';
import { toJson } from './index';
import { f2019Report, f2021Report, hostileMeta } from './test-reports';

describe('toJson', () => {
  it('writes an array of reports, with a 2-space indent, that reads back as Reports', () => {
    const reports = [f2019Report(hostileMeta()), f2021Report()];
    const json = toJson(reports);
    expect(json.startsWith('[\n  {\n    "schema": 1,')).toBe(true);
    const back = JSON.parse(json) as unknown[];
    expect(back.map((x) => Report.parse(x))).toEqual(reports);
  });
  it('wraps one report in an array', () => {
    const r = f2019Report();
    expect(JSON.parse(toJson(r))).toEqual([r]);
    expect(toJson([])).toBe('[]');
  });
});

// The badge says what the popup would say: the error count, ✓ for a report that adds up, nothing
// for anything else; and the frame that speaks for a tab is the report with the most figures.
import { describe, expect, it } from 'vitest';
import { Report } from '@/lib/report';
import { bestFrame } from '@/components/best-frame';
import { badgeFor } from './badge';
import errorsJson from '@/components/fixtures/report-errors.json';
import consistentJson from '@/components/fixtures/report-consistent.json';
import notReportJson from '@/components/fixtures/not-report.json';
import attachmentJson from '@/components/fixtures/attachment-only.json';

const errors = Report.parse(errorsJson);
const consistent = Report.parse(consistentJson);
const notReport = Report.parse(notReportJson);
const attachmentOnly = Report.parse(attachmentJson);

describe('badgeFor', () => {
  it('counts error findings only (red)', () => {
    expect(badgeFor(errors)).toEqual({ text: '4', color: '#c92a2a' });
  });
  it('shows ✓ for a report whose figures add up (green)', () => {
    expect(badgeFor(consistent)).toEqual({ text: '✓', color: '#2b8a3e' });
  });
  it('shows nothing for a page that is not a report, or a report without tables', () => {
    expect(badgeFor(notReport).text).toBe('');
    expect(badgeFor(attachmentOnly).text).toBe('');
    expect(badgeFor(null).text).toBe('');
  });
  it('caps the count', () => {
    const many = { ...errors, findings: Array.from({ length: 120 }, () => errors.findings[0]!) };
    expect(badgeFor(many).text).toBe('99+');
  });
});

describe('bestFrame', () => {
  it('prefers a report, then the most figures, then the top frame', () => {
    expect(bestFrame([{ frameId: 0, report: notReport }, { frameId: 7, report: errors }])?.frameId).toBe(7);
    expect(bestFrame([{ frameId: 3, report: attachmentOnly }, { frameId: 5, report: consistent }])?.frameId).toBe(5);
    expect(bestFrame([{ frameId: 4, report: consistent }, { frameId: 0, report: consistent }])?.frameId).toBe(0);
    expect(bestFrame([])).toBeNull();
  });
});

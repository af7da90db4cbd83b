// The printable review sheet over the real browser: the report the popup left for it, laid out
// for A4, and a button for the browser's print dialog (print, or save as PDF).
import { useEffect, useState } from 'preact/hooks';
import type { Report } from '@/lib/report';
import { uiLang } from '@/components/i18n';
import { ReviewSheet } from '@/components/ReviewSheet';
import { reviewText } from '@/components/review-text';
import { loadReviewReport } from './review-store';

export function App() {
  const lang = uiLang();
  const [report, setReport] = useState<Report | null | undefined>(undefined);
  useEffect(() => {
    loadReviewReport().then(setReport, () => setReport(null));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    const who = report ? [report.agency, report.year].filter(Boolean).join(' ') : '';
    document.title = `${reviewText('sheetTitle', lang)}${who ? ` · ${who}` : ''}`;
  }, [report]);
  if (report === undefined) return null;
  if (report === null) return <p class="nothing">{reviewText('nothing', lang)}</p>;
  return (
    <>
      <div class="no-print toolbar">
        <button type="button" data-action="print" onClick={() => print()}>
          {reviewText('print', lang)}
        </button>
      </div>
      <ReviewSheet report={report} lang={lang} />
    </>
  );
}

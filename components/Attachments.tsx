// Links to attachments (PDF, Word, images) the page offers, and PDFs shown inside it. Only http(s)
// links are made clickable: a page could put a javascript: address under an innocent-looking name.
// Where the popup can read them (PDF, .docx, .doc), each has a "read" button; the one that looks
// like the report gets a button of its own at the top. A file on another site than the page's
// says, before the click, that the browser will ask for access to that site.
import { looksLikeReportTitle } from '@/lib/detect';
import type { Attachment } from '@/lib/report';
import { hostOf } from './gateway';
import { t } from './i18n';

/** kinds the file readers turn into reports */
const READABLE = new Set(['pdf', 'docx', 'doc']);

function safeHref(href: string): string | null {
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export const isReadable = (a: Attachment): boolean => READABLE.has(a.kind.toLowerCase()) && safeHref(a.href) !== null;

/** The attachment most likely to be the report: named like one, else the only readable file. */
export function reportAttachment(items: Attachment[]): Attachment | null {
  const readable = items.filter(isReadable);
  const named = readable.filter((a) => looksLikeReportTitle(a.text) || /年度?报告|年报/.test(a.text));
  if (named.length > 0) return named.find((a) => a.kind === 'pdf') ?? named[0]!;
  return readable.length === 1 ? readable[0]! : null;
}

interface Props {
  items: Attachment[];
  /** PDFs embedded in the page (frames, <embed>, <object>) that the links do not list */
  embedded?: Attachment[];
  /** the page's address: files on another site need the user's permission */
  pageSource?: string;
  /** reads a file; given only where files can be read (the popup over a page) */
  onRead?(a: Attachment): void;
}

export function Attachments({ items, embedded = [], pageSource, onRead }: Props) {
  if (items.length === 0 && embedded.length === 0) return null;
  const best = onRead ? reportAttachment([...embedded, ...items]) : null;
  const pageHost = pageSource ? hostOf(pageSource) : '';
  return (
    <section class="attachments" aria-labelledby="att-h">
      <h2 id="att-h">{t('attachmentsHeading')}</h2>
      {best && onRead && (
        <p class="read-best">
          <button type="button" class="primary" data-action="read-report-attachment" onClick={() => onRead(best)} title={best.href}>
            {t('readReportAttachment')}：{best.text.trim() || best.href}
          </button>
        </p>
      )}
      {embedded.length > 0 && (
        <>
          <h3>{t('embeddedHeading')}</h3>
          <AttachmentList items={embedded} pageHost={pageHost} onRead={onRead} embedded />
        </>
      )}
      {items.length > 0 && <AttachmentList items={items} pageHost={pageHost} onRead={onRead} />}
    </section>
  );
}

function AttachmentList({ items, pageHost, onRead, embedded = false }: { items: Attachment[]; pageHost: string; onRead?(a: Attachment): void; embedded?: boolean }) {
  return (
    <ul data-testid={embedded ? 'embedded-pdfs' : undefined}>
      {items.map((a, i) => {
        const href = safeHref(a.href);
        const label = a.text.trim() || a.href;
        const host = href ? hostOf(href) : '';
        const otherSite = onRead && isReadable(a) && pageHost !== '' && host !== pageHost;
        return (
          <li key={i} data-href={href ?? undefined}>
            <span class="kind">{a.kind.toUpperCase()}</span>{' '}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
                {label}
              </a>
            ) : (
              <span title={a.href}>{label}</span>
            )}
            {onRead && isReadable(a) && (
              <>
                {' '}
                <button type="button" class="read-file" data-action="read-attachment" title={t('readAttachmentTitle')} onClick={() => onRead(a)}>
                  {t('readAttachment')}
                </button>
              </>
            )}
            {otherSite && <p class="hint other-site">{t('otherSiteReason', host)}</p>}
          </li>
        );
      })}
    </ul>
  );
}

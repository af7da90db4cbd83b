// Links to attachments (PDF, Word, images) the page offers. Only http(s) links are made
// clickable: a page could put a javascript: address under an innocent-looking name.
import type { Attachment } from '@/lib/report';
import { t } from './i18n';

function safeHref(href: string): string | null {
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function Attachments({ items }: { items: Attachment[] }) {
  if (items.length === 0) return null;
  return (
    <section class="attachments" aria-labelledby="att-h">
      <h2 id="att-h">{t('attachmentsHeading')}</h2>
      <ul>
        {items.map((a, i) => {
          const href = safeHref(a.href);
          const label = a.text.trim() || a.href;
          return (
            <li key={i}>
              <span class="kind">{a.kind.toUpperCase()}</span>{' '}
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
                  {label}
                </a>
              ) : (
                <span title={a.href}>{label}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

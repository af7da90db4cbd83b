// The bar at the top of the popup and of the extension's pages: the way into the collection (and
// back out of it), and the status line, an aria-live region where every action says what it did.
import type { ComponentChildren } from 'preact';
import { t } from './i18n';

interface Props {
  /** the collection is showing: the button goes back */
  inCollection: boolean;
  collectionSize: number;
  status: string;
  onBack(): void;
  onOpenCollection(): void;
  /** further buttons of the page, after the status line */
  children?: ComponentChildren;
}

export function TopBar({ inCollection, collectionSize, status, onBack, onOpenCollection, children }: Props) {
  return (
    <nav class="top-bar">
      {inCollection ? (
        <button type="button" data-action="back" onClick={onBack}>
          ← {t('collectionBack')}
        </button>
      ) : (
        <button type="button" data-action="open-collection" onClick={onOpenCollection}>
          {t('collectionOpen', collectionSize)}
        </button>
      )}
      <p class="status" role="status" aria-live="polite" data-testid="status">
        {status}
      </p>
      {children}
    </nav>
  );
}

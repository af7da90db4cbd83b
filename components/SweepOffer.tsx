// The popup's way into the sweep: on a column's list page, one button that says how many reports
// the page lists and opens the sweep page for that tab. Nothing shows elsewhere, nor where the
// gateway cannot tell (an older gateway, a page it cannot script).
import { useEffect, useState } from 'preact/hooks';
import type { Gateway } from './gateway';
import { t } from './i18n';
import { MIN_LISTED, type ListOffer } from './messages-list';

export function SweepOffer({ gateway }: { gateway: Gateway }) {
  const [offer, setOffer] = useState<ListOffer | null>(null);
  useEffect(() => {
    gateway.listedReports?.().then(setOffer, () => setOffer(null));
  }, [gateway]);
  if (offer === null || offer.count < MIN_LISTED) return null;
  const label = offer.pages !== null && offer.pages > 1 ? t('sweepOfferPages', offer.count, offer.pages) : t('sweepOffer', offer.count);
  return (
    <section class="sweep-offer" data-testid="sweep-offer" data-listed={offer.count}>
      <button type="button" class="primary" data-action="open-sweep" onClick={() => gateway.openSweep?.(offer).catch(() => {})}>
        <span aria-hidden="true">≡ </span>
        {label}
      </button>
    </section>
  );
}

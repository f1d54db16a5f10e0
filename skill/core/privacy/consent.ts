/** The consent ledger's rules: what one event does to the current state, and what a consent covers. Pure, so store, jobs and tests share them. */
import type { ConsentEvent, ReminderConsent } from '../ports';

/** The ledger before any event: nothing granted, nothing excluded. */
export const NO_CONSENT: ReminderConsent = Object.freeze({ granted: false, excludedProducts: [], history: [] }) as ReminderConsent;

/**
 * The ledger's state after one event; the history keeps every event (what, when, where). A grant that names a
 * product covers that product only (added to what was named before); a grant without one covers everything bought
 * regularly. Excluding a named product narrows either kind; withdrawing ends all of it.
 */
export function applyConsent(current: ReminderConsent, event: ConsentEvent): ReminderConsent {
  const excluded = new Set(current.excludedProducts);
  let only = current.granted && current.onlyProducts ? new Set(current.onlyProducts) : undefined;
  let { granted, grantedAt, platform, alexaUserId } = current;
  switch (event.action) {
    case 'grant':
      if (event.productId) {
        excluded.delete(event.productId);
        // Already covering everything: naming one product changes nothing but its exclusion.
        if (!granted || only) only = new Set([...(only ?? []), event.productId]);
      } else {
        only = undefined;
      }
      granted = true;
      grantedAt = event.at;
      platform = event.platform;
      alexaUserId = event.platform === 'alexa' ? event.alexaUserId : undefined;
      break;
    case 'withdraw':
      granted = false;
      only = undefined;
      alexaUserId = undefined;
      break;
    case 'exclude':
      if (!event.productId) break;
      if (only) {
        only.delete(event.productId);
        if (only.size === 0) {
          granted = false;
          only = undefined;
          alexaUserId = undefined;
        }
      } else excluded.add(event.productId);
      break;
    case 'include':
      if (event.productId) excluded.delete(event.productId);
      break;
  }
  return {
    granted,
    ...(grantedAt ? { grantedAt } : {}),
    ...(platform ? { platform } : {}),
    ...(granted && alexaUserId ? { alexaUserId } : {}),
    ...(granted && only ? { onlyProducts: [...only].sort() } : {}),
    excludedProducts: [...excluded].sort(),
    history: [...current.history, withoutUserId(event)],
  };
}

/** Whether the shopper agreed to hear about this product: the one rule every nudge, reminder and job reads. */
export function consentCovers(consent: Pick<ReminderConsent, 'granted' | 'onlyProducts' | 'excludedProducts'> | undefined, productId: string): boolean {
  if (!consent?.granted) return false;
  if (consent.onlyProducts) return consent.onlyProducts.includes(productId);
  return !consent.excludedProducts.includes(productId);
}

function withoutUserId(event: ConsentEvent): ConsentEvent {
  const { alexaUserId: _dropped, ...rest } = event;
  return rest;
}

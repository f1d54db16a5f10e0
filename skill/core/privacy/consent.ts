/** The consent ledger's rule: what one event does to the current state. Pure, so store and tests share it. */
import type { ConsentEvent, ReminderConsent } from '../ports';

/** The ledger's state after one event; the history keeps every event (what, when, where). */
export function applyConsent(current: ReminderConsent, event: ConsentEvent): ReminderConsent {
  const excluded = new Set(current.excludedProducts);
  let { granted, grantedAt, platform, alexaUserId } = current;
  switch (event.action) {
    case 'grant':
      granted = true;
      grantedAt = event.at;
      platform = event.platform;
      alexaUserId = event.platform === 'alexa' ? event.alexaUserId : undefined;
      if (event.productId) excluded.delete(event.productId);
      break;
    case 'withdraw':
      granted = false;
      alexaUserId = undefined;
      break;
    case 'exclude':
      if (event.productId) excluded.add(event.productId);
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
    excludedProducts: [...excluded].sort(),
    history: [...current.history, withoutUserId(event)],
  };
}

function withoutUserId(event: ConsentEvent): ConsentEvent {
  const { alexaUserId: _dropped, ...rest } = event;
  return rest;
}

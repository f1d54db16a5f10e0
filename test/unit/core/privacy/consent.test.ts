import { describe, expect, it } from 'vitest';
import type { ReminderConsent } from '../../../../skill/core/ports';
import { applyConsent } from '../../../../skill/core/privacy/consent';

const none: ReminderConsent = { granted: false, excludedProducts: [], history: [] };
const at = '2026-11-23T10:00:00.000Z';

describe('the consent ledger rule', () => {
  it('grants with time and platform and keeps every event in the history', () => {
    const granted = applyConsent(none, { action: 'grant', at, platform: 'google' });
    expect(granted).toEqual({ granted: true, grantedAt: at, platform: 'google', excludedProducts: [], history: [{ action: 'grant', at, platform: 'google' }] });
    const withdrawn = applyConsent(granted, { action: 'withdraw', at: '2026-11-24T10:00:00.000Z', platform: 'alexa' });
    expect(withdrawn.granted).toBe(false);
    expect(withdrawn.history.map((event) => event.action)).toEqual(['grant', 'withdraw']);
  });

  it('keeps the Alexa user id on the current state while granted, never in the history', () => {
    const granted = applyConsent(none, { action: 'grant', at, platform: 'alexa', alexaUserId: 'amzn1.ask.account.X' });
    expect(granted.alexaUserId).toBe('amzn1.ask.account.X');
    expect(granted.history[0]).not.toHaveProperty('alexaUserId');
    expect(applyConsent(granted, { action: 'withdraw', at, platform: 'alexa' })).not.toHaveProperty('alexaUserId');
    // A later grant on Google has no Alexa identity to reach the shopper with.
    expect(applyConsent(granted, { action: 'grant', at, platform: 'google' })).not.toHaveProperty('alexaUserId');
  });

  it('excludes and re-includes single products; granting for a product includes it again', () => {
    const granted = applyConsent(none, { action: 'grant', at, platform: 'google' });
    const excluded = applyConsent(applyConsent(granted, { action: 'exclude', at, platform: 'google', productId: 'p2' }), { action: 'exclude', at, platform: 'google', productId: 'p1' });
    expect(excluded.excludedProducts).toEqual(['p1', 'p2']);
    expect(excluded.granted).toBe(true);
    expect(applyConsent(excluded, { action: 'include', at, platform: 'google', productId: 'p1' }).excludedProducts).toEqual(['p2']);
    expect(applyConsent(excluded, { action: 'grant', at, platform: 'google', productId: 'p2' }).excludedProducts).toEqual(['p1']);
  });
});

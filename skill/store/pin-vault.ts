/**
 * The voice PIN, checked where it is stored. Only a salted scrypt hash is kept; wrong tries are counted with an
 * atomic update, so three wrong PINs lock voice ordering even when they come from several devices at once.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import dynamoose from 'dynamoose';
import type { PinCheck, PinVault } from '../core/ports';
import { storeError } from './errors';
import { customerPk, SK } from './keys';
import { vocartModel } from './table';

export const MAX_PIN_TRIES = 3;

export function hashPin(pin: string, salt = randomBytes(16).toString('hex')): string {
  return `scrypt$${salt}$${scryptSync(pin, salt, 32).toString('hex')}`;
}

function pinMatches(pin: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(pin, salt, expected.length);
  return timingSafeEqual(actual, expected);
}

export class DynamoPinVault implements PinVault {
  private readonly model;

  constructor(tableName: string) {
    this.model = vocartModel(tableName);
  }

  async setPin(customerId: string, pin: string): Promise<void> {
    await this.model.update({ pk: customerPk(customerId), sk: SK.profile }, { type: 'profile', voicePinHash: hashPin(pin), pinFailures: 0, voiceOrderingLocked: false });
  }

  async verify(customerId: string, pin: string): Promise<{ result: PinCheck; triesLeft: number }> {
    const key = { pk: customerPk(customerId), sk: SK.profile };
    try {
      const profile = await this.model.get(key, { consistent: true });
      const stored = profile?.voicePinHash;
      if (typeof stored !== 'string') return { result: 'not-set', triesLeft: 0 };
      const failures = typeof profile?.pinFailures === 'number' ? profile.pinFailures : 0;
      if (profile?.voiceOrderingLocked === true || failures >= MAX_PIN_TRIES) return { result: 'locked', triesLeft: 0 };
      if (/^\d{4}$/.test(pin) && pinMatches(pin, stored)) {
        if (failures > 0) await this.model.update(key, { pinFailures: 0 });
        return { result: 'ok', triesLeft: MAX_PIN_TRIES };
      }
      const updated = await this.model.update(key, { $ADD: { pinFailures: 1 } }, { returnValues: 'ALL_NEW' });
      const now = typeof updated.pinFailures === 'number' ? updated.pinFailures : failures + 1;
      if (now >= MAX_PIN_TRIES) {
        await this.model.update(key, { voiceOrderingLocked: true }, { condition: new dynamoose.Condition().attribute('pinFailures').ge(MAX_PIN_TRIES) });
        return { result: 'locked', triesLeft: 0 };
      }
      return { result: 'wrong', triesLeft: MAX_PIN_TRIES - now };
    } catch (error) {
      throw storeError('verify voice PIN', error);
    }
  }
}

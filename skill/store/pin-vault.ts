/**
 * The voice PIN, checked where it is stored. Only a salted scrypt hash is kept; wrong tries are counted with an
 * atomic update, so three wrong PINs lock voice ordering even when they come from several devices at once.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { GetItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { PinCheck, PinVault } from '../core/ports';
import { storeError } from './errors';
import { customerPk, SK } from './keys';

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

/** Checking the PIN, on the skill's path; setting one is a tool's job (account-setup.ts). */
export class DynamoPinVault implements PinVault {
  readonly client: DynamoDBClient;
  readonly tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  private key(customerId: string) {
    return marshall({ pk: customerPk(customerId), sk: SK.profile });
  }

  private async update(
    customerId: string,
    expression: string,
    values: Record<string, unknown>,
    extra: { condition?: string; returnNew?: boolean } = {},
  ) {
    return this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: this.key(customerId),
        UpdateExpression: expression,
        ExpressionAttributeValues: marshall(values),
        ...(extra.condition ? { ConditionExpression: extra.condition } : {}),
        ...(extra.returnNew ? { ReturnValues: 'UPDATED_NEW' } : {}),
      }),
    );
  }

  async verify(customerId: string, pin: string): Promise<{ result: PinCheck; triesLeft: number }> {
    try {
      // Only the PIN's own fields: no name or address is read to check a PIN.
      const { Item } = await this.client.send(
        new GetItemCommand({
          TableName: this.tableName,
          Key: this.key(customerId),
          ConsistentRead: true,
          ProjectionExpression: 'voicePinHash, pinFailures, voiceOrderingLocked',
        }),
      );
      const profile = Item ? unmarshall(Item) : undefined;
      const stored = profile?.voicePinHash;
      if (typeof stored !== 'string') return { result: 'not-set', triesLeft: 0 };
      const failures = typeof profile?.pinFailures === 'number' ? profile.pinFailures : 0;
      if (profile?.voiceOrderingLocked === true || failures >= MAX_PIN_TRIES) return { result: 'locked', triesLeft: 0 };
      if (/^\d{4}$/.test(pin) && pinMatches(pin, stored)) {
        if (failures > 0) await this.update(customerId, 'SET pinFailures = :zero', { ':zero': 0 });
        return { result: 'ok', triesLeft: MAX_PIN_TRIES };
      }
      const { Attributes } = await this.update(customerId, 'ADD pinFailures :one', { ':one': 1 }, { returnNew: true });
      const counted = Attributes ? unmarshall(Attributes).pinFailures : undefined;
      const now = typeof counted === 'number' ? counted : failures + 1;
      if (now >= MAX_PIN_TRIES) {
        await this.update(customerId, 'SET voiceOrderingLocked = :locked', { ':locked': true, ':max': MAX_PIN_TRIES }, { condition: 'pinFailures >= :max' });
        return { result: 'locked', triesLeft: 0 };
      }
      return { result: 'wrong', triesLeft: MAX_PIN_TRIES - now };
    } catch (error) {
      throw storeError('verify voice PIN', error);
    }
  }
}

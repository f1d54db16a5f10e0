/**
 * One-time link codes: the voice-friendly way to link a conversation on a surface without OAuth (a web chat, a
 * phone line) to a shop account. The shop's account page issues a six-digit code; the shopper says or types it.
 * Only a hash of the code is stored, it lives ten minutes, it works once (the redeeming request deletes it), and
 * wrong codes are counted per identity and across all callers, so guessing costs more than it can win.
 */
import { createHash } from 'node:crypto';
import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Clock, LinkCodeRedemption } from '../core/ports';
import { isConditionFailure, storeError } from './errors';
import { customerPk, LINK_CODE_SK, LINK_CODE_TRIES_PK, linkCodePk, SK } from './keys';

export const LINK_CODE_DIGITS = 6;
export const LINK_CODE_TTL_MS = 10 * 60_000;
/** Wrong codes one identity may say before linking by code pauses for it. */
export const MAX_LINK_CODE_TRIES = 5;
/** How long the count of an identity's wrong codes lasts, and how long the pause is. */
export const LINK_CODE_TRY_WINDOW_MS = 30 * 60_000;
/**
 * Wrong codes from all callers together per window. A new Dialogflow conversation is a new identity, so the
 * per-identity count alone would not stop guessing: this cap does, at the price of pausing code linking for
 * everyone while someone guesses (the account page's own sign-in still works).
 */
export const MAX_LINK_CODE_TRIES_GLOBAL = 200;

/** A code is six digits said or typed with anything between them ("4 8 1-5 2 3"): the digits are the code. */
export function normaliseLinkCode(said: string): string | undefined {
  const digits = said.replace(/\D/g, '');
  return digits.length === LINK_CODE_DIGITS ? digits : undefined;
}

/** The code's key: one million codes are no secret from a hash, so what protects them is their life of minutes and the try limits. */
export function hashLinkCode(code: string): string {
  return createHash('sha256').update(`vocart-link-code:${code}`).digest('hex');
}

/** Redeeming codes, on the skill's path; issuing them is a tool's job (link-code-issue.ts), kept off it. */
export class DynamoLinkCodes {
  constructor(
    readonly client: DynamoDBClient,
    readonly tableName: string,
    readonly clock: Clock,
  ) {}

  /**
   * Spends the code for `identity`: the conditional delete returns the account at most once, however many
   * requests carry the same code, and the link is written into the identity's own partition.
   */
  async redeem(code: string, identity: string): Promise<LinkCodeRedemption> {
    const now = this.clock.now();
    try {
      const [tries, everyone] = await Promise.all([this.triesOf(identity, now), this.globalTries(now)]);
      if (tries >= MAX_LINK_CODE_TRIES || everyone > MAX_LINK_CODE_TRIES_GLOBAL) return { result: 'locked' };
      const normalised = normaliseLinkCode(code);
      const customerId = normalised ? await this.spend(normalised, now) : undefined;
      if (!customerId) return this.wrongTry(identity, tries, now);
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall({ pk: customerPk(identity), sk: SK.channelLink, type: 'channelLink', customerId, linkedAt: now.toISOString() }),
        }),
      );
      if (tries > 0) await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: marshall({ pk: customerPk(identity), sk: SK.channelCodeTries }) }));
      return { result: 'linked', customerId };
    } catch (error) {
      throw storeError('redeem link code', error);
    }
  }

  private async spend(code: string, now: Date): Promise<string | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new DeleteItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk: linkCodePk(hashLinkCode(code)), sk: LINK_CODE_SK }),
          ConditionExpression: 'attribute_exists(pk) AND expiresAt >= :now',
          ExpressionAttributeValues: marshall({ ':now': epochSeconds(now) }),
          ReturnValues: 'ALL_OLD',
        }),
      );
      const customerId = Attributes ? unmarshall(Attributes).customerId : undefined;
      if (typeof customerId !== 'string') return undefined;
      // Only the account's current code counts: one issued before a newer code, or before the account was erased, links nothing.
      const { Item } = await this.client.send(
        new GetItemCommand({ TableName: this.tableName, Key: marshall({ pk: customerPk(customerId), sk: SK.channelCode }), ConsistentRead: true, ProjectionExpression: 'codeHash' }),
      );
      return Item && unmarshall(Item).codeHash === hashLinkCode(code) ? customerId : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Wrong codes this identity said in its current window (0 once the window is over). */
  private async triesOf(identity: string, now: Date): Promise<number> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: marshall({ pk: customerPk(identity), sk: SK.channelCodeTries }), ConsistentRead: true }),
    );
    const item = Item ? unmarshall(Item) : undefined;
    if (typeof item?.tries !== 'number' || typeof item.expiresAt !== 'number' || item.expiresAt < epochSeconds(now)) return 0;
    return item.tries;
  }

  private async wrongTry(identity: string, before: number, now: Date): Promise<LinkCodeRedemption> {
    const windowEnds = epochSeconds(new Date(now.getTime() + LINK_CODE_TRY_WINDOW_MS));
    let tries: number;
    if (before === 0) {
      // A new window: whatever an older, finished window counted starts again from one.
      await this.client.send(
        new PutItemCommand({ TableName: this.tableName, Item: marshall({ pk: customerPk(identity), sk: SK.channelCodeTries, type: 'linkCodeTries', tries: 1, expiresAt: windowEnds }) }),
      );
      tries = 1;
    } else {
      const { Attributes } = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk: customerPk(identity), sk: SK.channelCodeTries }),
          UpdateExpression: 'ADD tries :one',
          ExpressionAttributeValues: marshall({ ':one': 1 }),
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const counted = Attributes ? unmarshall(Attributes).tries : undefined;
      tries = typeof counted === 'number' ? counted : before + 1;
    }
    const everyone = await this.countGlobalTry(now);
    if (tries >= MAX_LINK_CODE_TRIES || everyone > MAX_LINK_CODE_TRIES_GLOBAL) return { result: 'locked' };
    return { result: 'wrong', triesLeft: MAX_LINK_CODE_TRIES - tries };
  }

  private async globalTries(now: Date): Promise<number> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: marshall({ pk: LINK_CODE_TRIES_PK, sk: globalWindowSk(now) }), ConsistentRead: true }),
    );
    const tries = Item ? unmarshall(Item).tries : undefined;
    return typeof tries === 'number' ? tries : 0;
  }

  private async countGlobalTry(now: Date): Promise<number> {
    const window = Math.floor(now.getTime() / LINK_CODE_TRY_WINDOW_MS);
    const { Attributes } = await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: marshall({ pk: LINK_CODE_TRIES_PK, sk: globalWindowSk(now) }),
        UpdateExpression: 'ADD tries :one SET expiresAt = :expires',
        ExpressionAttributeValues: marshall({ ':one': 1, ':expires': epochSeconds(new Date((window + 2) * LINK_CODE_TRY_WINDOW_MS)) }),
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const counted = Attributes ? unmarshall(Attributes).tries : undefined;
    return typeof counted === 'number' ? counted : 1;
  }
}

function globalWindowSk(now: Date): string {
  return `WINDOW#${Math.floor(now.getTime() / LINK_CODE_TRY_WINDOW_MS)}`;
}

export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

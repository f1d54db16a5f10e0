/**
 * Account linking, local flavour: a token item resolves an access token to the merchant's customer id. Only a hash
 * of the token is stored, so a table export does not hand out working tokens. In production this port would ask
 * the merchant's OAuth server; the conversation only sees the port.
 */
import { createHash } from 'node:crypto';
import { GetItemCommand, TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AccountLinking, Cart, CartCarryOver, CartJoin, CartLine, ChannelLinks, Clock, LinkCodeRedemption } from '../core/ports';
import { isWholeQuantity } from '../core/cart/cart';
import { isTransactionConditionFailure, storeError } from './errors';
import { getItems } from './item-reads';
import { customerPk, SK, TOKEN_SK, tokenPk } from './keys';
import type { DynamoLinkCodes } from './link-codes';
import { LinkCache } from './link-cache';

export function hashToken(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest('hex');
}

export interface TokenCacheOptions {
  /** How long a resolved token is trusted without asking the table again (a revoked link lives at most this long). */
  ttlMs: number;
  /** Tokens kept per warm container; the oldest entry goes first. */
  maxEntries: number;
  now: () => number;
}

/**
 * Every turn of a linked shopper resolves the same token: a warm container remembers the answer for a few minutes
 * instead of spending a round trip per turn. Unknown tokens are not remembered, so a link made elsewhere (or a
 * table that was briefly behind) is found on the next turn; only hashes are keys, never the token itself.
 */
export const DEFAULT_TOKEN_CACHE: TokenCacheOptions = { ttlMs: 5 * 60_000, maxEntries: 1000, now: () => Date.now() };

/** Resolving tokens, on the skill's path; linking a token to an account is a tool's job (account-setup.ts). */
export class TokenTableAccountLinking implements AccountLinking {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** Resolved tokens by hash; account-setup.ts drops a token it links anew. */
  readonly cache: LinkCache;
  private readonly options: TokenCacheOptions;

  constructor(client: DynamoDBClient, tableName: string, options: Partial<TokenCacheOptions> = {}) {
    this.client = client;
    this.tableName = tableName;
    this.options = { ...DEFAULT_TOKEN_CACHE, ...options };
    this.cache = new LinkCache(this.options.maxEntries, this.options.now);
  }

  async resolve(accessToken: string): Promise<string | null> {
    if (accessToken.length === 0 || accessToken.length > 4096) return null;
    const hash = hashToken(accessToken);
    const now = this.options.now();
    const cached = this.cache.get(hash);
    if (cached) return cached;
    try {
      const { Item } = await this.client.send(
        new GetItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk: tokenPk(hash), sk: TOKEN_SK }),
          ProjectionExpression: 'customerId, expiresAt',
        }),
      );
      const item = Item ? unmarshall(Item) : undefined;
      const customerId = item?.customerId;
      const expiresAt = item?.expiresAt;
      if (typeof customerId !== 'string') return null;
      if (typeof expiresAt === 'number' && expiresAt * 1000 < now) return null;
      // Never trusted past the token's own expiry.
      this.cache.set(hash, customerId, Math.min(now + this.options.ttlMs, typeof expiresAt === 'number' ? expiresAt * 1000 : Number.POSITIVE_INFINITY));
      return customerId;
    } catch (error) {
      throw storeError('resolve account link', error);
    }
  }

  /** Entries held now (for tests and the bench). */
  get cachedTokens(): number {
    return this.cache.size;
  }
}

/** Attempts at moving a cart when a concurrent write to either cart got in between. */
const CARRY_OVER_ATTEMPTS = 3;

/**
 * Platform identities linked by a one-time code, and the pre-link cart carried over. The link lives in the identity's
 * own partition (`CUSTOMER#<platform:user> / CHANNEL#LINK`), so erasing that identity erases the link with it.
 */
export class DynamoChannelLinks implements ChannelLinks {
  private readonly cache: LinkCache;
  private readonly options: TokenCacheOptions;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly codes: DynamoLinkCodes,
    private readonly clock: Clock,
    options: Partial<TokenCacheOptions> = {},
  ) {
    this.options = { ...DEFAULT_TOKEN_CACHE, ...options };
    this.cache = new LinkCache(this.options.maxEntries, this.options.now);
  }

  knownLink(identity: string): string | undefined {
    return this.cache.get(identity);
  }

  learnLink(identity: string, customerId: string): void {
    this.cache.set(identity, customerId, this.options.now() + this.options.ttlMs);
  }

  /** The link read on its own (the turn's load reads it with the identity's items instead): for tools and tests. */
  async linkedAccount(identity: string): Promise<string | null> {
    const known = this.knownLink(identity);
    if (known) return known;
    try {
      const { Item } = await this.client.send(
        new GetItemCommand({ TableName: this.tableName, Key: marshall({ pk: customerPk(identity), sk: SK.channelLink }), ProjectionExpression: 'customerId' }),
      );
      const customerId = Item ? unmarshall(Item).customerId : undefined;
      if (typeof customerId !== 'string') return null;
      this.learnLink(identity, customerId);
      return customerId;
    } catch (error) {
      throw storeError('resolve channel link', error);
    }
  }

  async redeemCode(code: string, identity: string): Promise<LinkCodeRedemption> {
    const redeemed = await this.codes.redeem(code, identity);
    // This container answers the shopper's next turn as the account at once.
    if (redeemed.result === 'linked') this.learnLink(identity, redeemed.customerId);
    return redeemed;
  }

  async carryOverCart(fromCustomerId: string, toCustomerId: string, join: CartJoin): Promise<CartCarryOver | undefined> {
    if (fromCustomerId === toCustomerId) return undefined;
    for (let attempt = 1; ; attempt++) {
      const [from, to] = await this.carts(fromCustomerId, toCustomerId);
      if (from.lines.length === 0) return undefined;
      const joined = join(from.lines, to.lines);
      const updatedAt = this.clock.now().toISOString();
      const cart: Cart = { lines: joined.lines, version: to.version + 1, updatedAt };
      try {
        // Both carts or neither: the pre-link cart is emptied in the very write that fills the account's, so a
        // retry, a concurrent turn or a second device finds nothing left to move.
        await this.client.send(
          new TransactWriteItemsCommand({
            TransactItems: [cartPut(this.tableName, toCustomerId, cart, to.version), cartPut(this.tableName, fromCustomerId, { lines: [], version: from.version + 1, updatedAt }, from.version)],
          }),
        );
        return { cart, moved: joined.moved, skipped: joined.skipped };
      } catch (error) {
        if (isTransactionConditionFailure(error) && attempt < CARRY_OVER_ATTEMPTS) continue;
        throw storeError('carry cart over', error);
      }
    }
  }

  private async carts(fromCustomerId: string, toCustomerId: string): Promise<[Cart, Cart]> {
    try {
      const items = await getItems(this.client, this.tableName, [fromCustomerId, toCustomerId].map((id) => ({ pk: customerPk(id), sk: SK.cart })), { consistent: true });
      const cartOf = (id: string): Cart => {
        const item = items.find((candidate) => candidate.pk === customerPk(id));
        const lines = Array.isArray(item?.lines) ? (item.lines as CartLine[]).filter((line) => typeof line?.productId === 'string' && isWholeQuantity(line.quantity)) : [];
        return { lines: lines.map(({ productId, quantity }) => ({ productId, quantity })), version: typeof item?.version === 'number' ? item.version : 0 };
      };
      return [cartOf(fromCustomerId), cartOf(toCustomerId)];
    } catch (error) {
      throw storeError('load carts to carry over', error);
    }
  }
}

/** A cart written only if it is still at `expectedVersion` (or, at 0, was never written), as saveCart does. */
function cartPut(tableName: string, customerId: string, cart: Cart, expectedVersion: number) {
  return {
    Put: {
      TableName: tableName,
      Item: marshall({ pk: customerPk(customerId), sk: SK.cart, type: 'cart', lines: cart.lines, version: cart.version, updatedAt: cart.updatedAt }, { removeUndefinedValues: true }),
      ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(#version) OR #version = :version' : '#version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: marshall({ ':version': expectedVersion }),
    },
  };
}

/**
 * Account linking, local flavour: a token item resolves an access token to the merchant's customer id. Only a hash
 * of the token is stored, so a table export does not hand out working tokens. In production this port would ask
 * the merchant's OAuth server; the conversation only sees the port.
 */
import { createHash } from 'node:crypto';
import { GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AccountLinking } from '../core/ports';
import { storeError } from './errors';
import { TOKEN_SK, tokenPk } from './keys';

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

export class TokenTableAccountLinking implements AccountLinking {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly cache = new Map<string, { customerId: string; until: number }>();
  private readonly options: TokenCacheOptions;

  constructor(client: DynamoDBClient, tableName: string, options: Partial<TokenCacheOptions> = {}) {
    this.client = client;
    this.tableName = tableName;
    this.options = { ...DEFAULT_TOKEN_CACHE, ...options };
  }

  async resolve(accessToken: string): Promise<string | null> {
    if (accessToken.length === 0 || accessToken.length > 4096) return null;
    const hash = hashToken(accessToken);
    const now = this.options.now();
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached.customerId;
    if (cached) this.cache.delete(hash);
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
      this.remember(hash, customerId, Math.min(now + this.options.ttlMs, typeof expiresAt === 'number' ? expiresAt * 1000 : Number.POSITIVE_INFINITY));
      return customerId;
    } catch (error) {
      throw storeError('resolve account link', error);
    }
  }

  async link(accessToken: string, customerId: string): Promise<void> {
    try {
      await this.client.send(
        new PutItemCommand({ TableName: this.tableName, Item: marshall({ pk: tokenPk(hashToken(accessToken)), sk: TOKEN_SK, type: 'token', customerId }) }),
      );
      // This container answers with the new link at once; others pick it up when their entry expires.
      this.cache.delete(hashToken(accessToken));
    } catch (error) {
      throw storeError('link account', error);
    }
  }

  /** Entries held now (for tests and the bench). */
  get cachedTokens(): number {
    return this.cache.size;
  }

  private remember(hash: string, customerId: string, until: number): void {
    if (this.options.maxEntries <= 0) return;
    // Map keeps insertion order: re-inserting moves an entry to the end, the first one is the oldest.
    this.cache.delete(hash);
    while (this.cache.size >= this.options.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(hash, { customerId, until });
  }
}

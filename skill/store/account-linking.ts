/**
 * Account linking, local flavour: a token item resolves an access token to the merchant's customer id. Only a hash
 * of the token is stored, so a table export does not hand out working tokens. In production this port would ask
 * the merchant's OAuth server; the conversation only sees the port.
 */
import { createHash } from 'node:crypto';
import type { AccountLinking } from '../core/ports';
import { storeError } from './errors';
import { TOKEN_SK, tokenPk } from './keys';
import { vocartModel } from './table';

export function hashToken(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest('hex');
}

export class TokenTableAccountLinking implements AccountLinking {
  private readonly model;

  constructor(tableName: string) {
    this.model = vocartModel(tableName);
  }

  async resolve(accessToken: string): Promise<string | null> {
    if (accessToken.length === 0 || accessToken.length > 4096) return null;
    try {
      const item = await this.model.get({ pk: tokenPk(hashToken(accessToken)), sk: TOKEN_SK });
      const customerId = item?.customerId;
      const expiresAt = item?.expiresAt;
      if (typeof customerId !== 'string') return null;
      if (typeof expiresAt === 'number' && expiresAt * 1000 < Date.now()) return null;
      return customerId;
    } catch (error) {
      throw storeError('resolve account link', error);
    }
  }

  async link(accessToken: string, customerId: string): Promise<void> {
    try {
      await this.model.create({ pk: tokenPk(hashToken(accessToken)), sk: TOKEN_SK, type: 'token', customerId }, { overwrite: true });
    } catch (error) {
      throw storeError('link account', error);
    }
  }
}

/**
 * Setting up an account's ways in: its access token and its voice PIN, as the merchant's systems would (the demo
 * seed, the integration tests). Apart from the repositories the skill resolves tokens and checks PINs with, so the
 * Lambda bundles do not carry them; the key layout (keys.ts), the token hash (hashToken) and the PIN's hash format
 * (hashPin) keep their one home on that side.
 */
import { PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { hashToken, type TokenTableAccountLinking } from './account-linking';
import { storeError } from './errors';
import { customerPk, SK, TOKEN_SK, tokenPk } from './keys';
import { hashPin } from './pin-vault';

/** The table an account is set up in: the store's repositories (DynamoPinVault, TokenTableAccountLinking) fit. */
export interface AccountTable {
  readonly client: DynamoDBClient;
  readonly tableName: string;
}

/** Links an access token to the merchant's customer id (only the token's hash is stored). */
export async function linkAccessToken(accounts: TokenTableAccountLinking, accessToken: string, customerId: string): Promise<void> {
  const hash = hashToken(accessToken);
  try {
    await accounts.client.send(new PutItemCommand({ TableName: accounts.tableName, Item: marshall({ pk: tokenPk(hash), sk: TOKEN_SK, type: 'token', customerId }) }));
    // This container answers with the new link at once; others pick it up when their entry expires.
    accounts.cache.delete(hash);
  } catch (error) {
    throw storeError('link account', error);
  }
}

/** Sets the voice PIN (a salted hash of it) and clears any wrong tries and lock. */
export async function setVoicePin(table: AccountTable, customerId: string, pin: string): Promise<void> {
  try {
    await table.client.send(
      new UpdateItemCommand({
        TableName: table.tableName,
        Key: marshall({ pk: customerPk(customerId), sk: SK.profile }),
        UpdateExpression: 'SET #type = :type, voicePinHash = :hash, pinFailures = :zero, voiceOrderingLocked = :unlocked',
        ExpressionAttributeValues: marshall({ ':type': 'profile', ':hash': hashPin(pin), ':zero': 0, ':unlocked': false }),
        ExpressionAttributeNames: { '#type': 'type' },
      }),
    );
  } catch (error) {
    throw storeError('set voice PIN', error);
  }
}

/**
 * Issuing a one-time link code, as the shop's account page would (the console and `npm run link:code`). Apart from
 * link-codes.ts, which the skill needs only to redeem codes, so the Lambda bundles do not carry it; the key layout
 * (keys.ts) and the code's hash (hashLinkCode) have their one home on the redeeming side.
 */
import { randomInt } from 'node:crypto';
import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Clock } from '../core/ports';
import { isTransactionConditionFailure, storeError } from './errors';
import { customerPk, LINK_CODE_SK, linkCodePk, SK } from './keys';
import { epochSeconds, hashLinkCode, LINK_CODE_DIGITS, LINK_CODE_TTL_MS } from './link-codes';

export interface IssuedLinkCode {
  code: string;
  expiresAt: Date;
}

/** Where codes live and the clock they expire by: the store's DynamoLinkCodes fits, so issuing and redeeming agree. */
export interface LinkCodeTable {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly clock: Clock;
}

/** A fresh code for the account (what the shop's account page would show); never logged. */
export async function issueLinkCode(table: LinkCodeTable, customerId: string): Promise<IssuedLinkCode> {
  const { client, tableName, clock } = table;
  const expiresAt = new Date(clock.now().getTime() + LINK_CODE_TTL_MS);
  for (let attempt = 0; attempt < 5; attempt++) {
    // No leading zero: Alexa's number slot hears "zero four eight…" as 48…, a code one digit short.
    const code = String(randomInt(10 ** (LINK_CODE_DIGITS - 1), 10 ** LINK_CODE_DIGITS));
    const hash = hashLinkCode(code);
    try {
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: marshall({ pk: linkCodePk(hash), sk: LINK_CODE_SK, type: 'linkCode', customerId, expiresAt: epochSeconds(expiresAt) }),
                // A live code of someone else is never overwritten; an expired one may be (DynamoDB Local keeps those).
                ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
                ExpressionAttributeValues: marshall({ ':now': epochSeconds(clock.now()) }),
              },
            },
            // The account's own partition names its one live code: a newer code replaces it, and erasing the
            // account deletes it, which voids the code even within its ten minutes.
            { Put: { TableName: tableName, Item: marshall({ pk: customerPk(customerId), sk: SK.channelCode, type: 'channelCode', codeHash: hash, expiresAt: epochSeconds(expiresAt) }) } },
          ],
        }),
      );
      return { code, expiresAt };
    } catch (error) {
      if (!isTransactionConditionFailure(error)) throw storeError('issue link code', error);
    }
  }
  throw storeError('issue link code', new Error('no free code after five draws'));
}

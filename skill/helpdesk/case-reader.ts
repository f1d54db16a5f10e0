/**
 * The relay reads a case by its key (customer partition + case id), consistently. The relay always knows the key (the
 * stream record carries it; locally the write just returned the case), and a key read sees a case the moment it is
 * written, where the inbox's lookup by case id goes through the GSI, which may lag a new case by a moment.
 */
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { HandoffCase } from '../core/handoff/case';
import { storeError } from '../store/errors';
import { toHandoffCase } from '../store/handoff-items';
import type { PlainItem } from '../store/item-reads';
import { customerPk, SK } from '../store/keys';
import type { CaseRef } from './relay';

export function createCaseReader(client: DynamoDBClient, tableName: string): (ref: CaseRef) => Promise<HandoffCase | undefined> {
  return async ({ customerId, caseId }) => {
    try {
      const result = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall({ pk: customerPk(customerId), sk: SK.handoff(caseId) }), ConsistentRead: true }),
      );
      return toHandoffCase(result.Item ? (unmarshall(result.Item) as PlainItem) : undefined);
    } catch (error) {
      throw storeError('read handoff case for the relay', error);
    }
  };
}

/**
 * Least-privilege DynamoDB grants, action by action and resource by resource. The CDK's table.grant*()
 * helpers are broader than we need: grantReadWriteData adds Scan and DescribeTable, and every grant also
 * covers `<table>/index/*`. No handler scans or describes: the Lambdas' repositories use the plain DynamoDB
 * client and never create or wait for the table, and every read is a key lookup, a BatchGetItem or a Query.
 *
 * IAM has no TransactWriteItems/TransactGetItems action: a transaction is authorised item by item through
 * PutItem, UpdateItem, DeleteItem, GetItem and, for condition-only entries, ConditionCheckItem.
 */
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';

/** What a conversation turn does: load the customer's partition, save cart/profile/orders, place orders in a transaction. */
export const CONVERSATION_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/**
 * Item side of the daily replenishment run: read consents (and the profile's locale) in batches, and claim or release
 * a reminder with a conditional update, so a rerun is a no-op. No PutItem: the run never creates items.
 */
export const REPLENISHMENT_TABLE_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:UpdateItem'] as const;

/** Read side of the daily run: page through today's partition of the due-day index. */
export const REPLENISHMENT_INDEX_ACTIONS = ['dynamodb:Query'] as const;

export function indexArn(table: ITableV2, indexName: string): string {
  return `${table.tableArn}/index/${indexName}`;
}

/** The table's items only: a conversation turn never reads an index. */
export function grantConversationAccess(table: ITableV2, grantee: IGrantable): Grant {
  return Grant.addToPrincipal({ grantee, actions: [...CONVERSATION_ACTIONS], resourceArns: [table.tableArn] });
}

/** Query on one named index (not on the table), plus the reads and conditional updates of the reminder claims. */
export function grantReplenishmentAccess(table: ITableV2, indexName: string, grantee: IGrantable): Grant[] {
  return [
    Grant.addToPrincipal({ grantee, actions: [...REPLENISHMENT_INDEX_ACTIONS], resourceArns: [indexArn(table, indexName)] }),
    Grant.addToPrincipal({ grantee, actions: [...REPLENISHMENT_TABLE_ACTIONS], resourceArns: [table.tableArn] }),
  ];
}

/** The agent inbox's index reads: list cases by state, find a case's partition, find a case by its help-desk id. */
export const INBOX_INDEX_ACTIONS = ['dynamodb:Query'] as const;

/**
 * The agent inbox: what a turn does on the items (reading cases, replying in a transaction with the answers item,
 * cancelling and refunding through the bot's own order commands), plus Query on the one index it lists cases from.
 */
export function grantInboxAccess(table: ITableV2, indexName: string, grantee: IGrantable): Grant[] {
  return [
    Grant.addToPrincipal({ grantee, actions: [...INBOX_INDEX_ACTIONS], resourceArns: [indexArn(table, indexName)] }),
    Grant.addToPrincipal({ grantee, actions: [...CONVERSATION_ACTIONS], resourceArns: [table.tableArn] }),
  ];
}

/**
 * The handoff relay reads a case as it is now (a Query on the index finds its partition, a GetItem reads it) and
 * links it to its help-desk conversation (a transaction of an UpdateItem on the case and a PutItem of the link item).
 * It never deletes and never touches carts or orders.
 */
export const RELAY_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem'] as const;

export function grantRelayAccess(table: ITableV2, indexName: string, grantee: IGrantable): Grant[] {
  return [
    Grant.addToPrincipal({ grantee, actions: [...INBOX_INDEX_ACTIONS], resourceArns: [indexArn(table, indexName)] }),
    Grant.addToPrincipal({ grantee, actions: [...RELAY_TABLE_ACTIONS], resourceArns: [table.tableArn] }),
  ];
}

/**
 * The dynamoose model of the one table, for the tools around the skill: seeding, the CLI and benches, tests. Items of
 * several kinds share it (single-table design), so the schema names the keys and indexes and lets each kind carry its
 * own attributes. The Lambda path never imports this file: the repositories talk to DynamoDB through the plain
 * client (test/infra/bundling.test.ts keeps dynamoose out of the bundles).
 */
import dynamoose from 'dynamoose';
import type { Item } from 'dynamoose/dist/Item';
import type { ModelType } from 'dynamoose/dist/General';
import { latestDynamoClient } from './dynamo-client';
import { DUE_INDEX } from './table-layout';

export { DUE_INDEX };

export interface VocartItem extends Item {
  pk: string;
  sk: string;
  type: string;
  gsi1pk?: string;
  gsi1sk?: string;
  expiresAt?: number;
  version?: number;
  [attribute: string]: unknown;
}

const schema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true },
    sk: { type: String, rangeKey: true },
    type: { type: String, required: true },
    gsi1pk: { type: String, index: { name: DUE_INDEX, type: 'global', rangeKey: 'gsi1sk', project: true } },
    gsi1sk: String,
    expiresAt: Number,
    version: Number,
  },
  { saveUnknown: true, timestamps: false },
);

const models = new Map<string, ModelType<VocartItem>>();

/**
 * dynamoose keeps one client per process and calls its per-command methods (putItem, query…): it is pointed at the
 * client this process made last (createStore's, an aggregated DynamoDB client: dynamo-client.ts), so the tools
 * write to the database the app reads.
 */
function useLatestClient(): void {
  const client = latestDynamoClient();
  if (client) dynamoose.aws.ddb.set(client);
}

/**
 * The model for a table name. It never creates tables or waits for them (`create: false`, `waitForActive: false`):
 * the local server and the tests call ensureTable first, and in AWS the CDK stack owns it.
 */
export function vocartModel(tableName: string): ModelType<VocartItem> {
  useLatestClient();
  let model = models.get(tableName);
  if (!model) {
    model = dynamoose.model<VocartItem>(tableName, schema, { create: false, waitForActive: false, update: false });
    models.set(tableName, model);
  }
  return model;
}

/**
 * The dynamoose model of the one table. Items of several kinds share it (single-table design), so the schema
 * names the keys and indexes and lets each kind carry its own attributes.
 */
import dynamoose from 'dynamoose';
import type { Item } from 'dynamoose/dist/Item';
import type { ModelType } from 'dynamoose/dist/General';

export const DUE_INDEX = 'dueDay';

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
 * The model for a table name. Lambda never creates tables or waits for them (`create: false`,
 * `waitForActive: false`): the local server and the tests call ensureTable first, and in AWS the CDK stack owns it.
 */
export function vocartModel(tableName: string): ModelType<VocartItem> {
  let model = models.get(tableName);
  if (!model) {
    model = dynamoose.model<VocartItem>(tableName, schema, { create: false, waitForActive: false, update: false });
    models.set(tableName, model);
  }
  return model;
}

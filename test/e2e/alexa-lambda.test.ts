/**
 * The Lambda entry point (lambda/alexa.ts) invoked the way the Alexa trigger invokes it: the request envelope
 * as event, the response envelope as result, configuration from the environment, DynamoDB Local behind it.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntentRequest, RequestEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseProductsJson } from '../../skill/core/catalog/catalog-loader';
import { buildVoiceCatalog, serializeCatalog } from '../../skill/core/catalog/build/catalog-builder';
import { BadRequestError } from '../../skill/core/errors';
import { createStore, ensureTable } from '../../skill/store';
import { defaultCatalogIndexPath } from '../../skill/store/catalog-file';
import { alexaFixture } from '../fixtures/alexa/load';
import { systemClock, uniqueTableName } from '../helpers/store';

const tableName = uniqueTableName('vocart-e2e-lambda');
let savedEnv: NodeJS.ProcessEnv;
let handler: (event: unknown) => Promise<import('ask-sdk-model').ResponseEnvelope>;

/** The committed demo index when it exists, else one written from the demo products for this run. */
function catalogIndexPath(): string {
  if (existsSync(defaultCatalogIndexPath())) return defaultCatalogIndexPath();
  const products = parseProductsJson(readFileSync(new URL('../../skill/data/demo-catalog.json', import.meta.url), 'utf8'));
  const path = join(mkdtempSync(join(tmpdir(), 'vocart-index-')), 'index.json');
  writeFileSync(path, serializeCatalog(buildVoiceCatalog(products)));
  return path;
}

beforeAll(async () => {
  const endpoint = inject('dynamoEndpoint');
  // Lambda never creates its table: the test does, as CDK does in AWS.
  await ensureTable(createStore({ endpoint, region: 'us-east-1', timeoutMs: 3000, tableName }, systemClock).client, tableName);
  savedEnv = { ...process.env };
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    CATALOG_INDEX: catalogIndexPath(),
    LOG_LEVEL: 'SILENT',
  });
  ({ handler } = await import('../../lambda/alexa'));
});

afterAll(() => {
  process.env = savedEnv;
});

function addToCart(userId: string, product: string): RequestEnvelope {
  const envelope = alexaFixture('search-echo-show');
  envelope.context.System.user = { userId };
  envelope.session!.user = { userId };
  envelope.session!.attributes = {};
  const request = envelope.request as IntentRequest;
  request.intent = {
    name: 'AddToCartIntent',
    confirmationStatus: 'NONE',
    slots: {
      product: { name: 'product', value: product, confirmationStatus: 'NONE' },
      quantity: { name: 'quantity', value: '2', confirmationStatus: 'NONE' },
    },
  };
  return envelope;
}

function readCart(userId: string): RequestEnvelope {
  const envelope = addToCart(userId, 'unused');
  (envelope.request as IntentRequest).intent = { name: 'ReadCartIntent', confirmationStatus: 'NONE', slots: {} };
  return envelope;
}

describe('lambda/alexa handler', () => {
  it('answers a launch request with a spoken welcome', async () => {
    const result = await handler(alexaFixture('launch-echo-dot'));
    expect(result.version).toBe('1.0');
    expect(result.response.outputSpeech).toMatchObject({ type: 'SSML', ssml: expect.stringMatching(/^<speak>.+<\/speak>$/) });
    expect(result.response.shouldEndSession).toBe(false);
  });

  it('keeps the cart in DynamoDB between invocations', async () => {
    const userId = `amzn1.ask.account.lambda-${Date.now()}`;
    const added = await handler(addToCart(userId, 'bananas'));
    expect(added.response.shouldEndSession).toBe(false);
    const read = await handler(readCart(userId));
    expect(JSON.stringify(read.response.outputSpeech)).toMatch(/banana/i);
  });

  it('answers SessionEndedRequest and skill events with empty responses', async () => {
    expect((await handler(alexaFixture('session-ended'))).response).toEqual({});
    expect((await handler(alexaFixture('skill-enabled-event'))).response).toEqual({});
  });

  it('rejects an event that is not an Alexa request', async () => {
    await expect(handler({ hello: 'world' })).rejects.toBeInstanceOf(BadRequestError);
  });
});

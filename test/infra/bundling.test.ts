import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUNDLING, cdkEsbuildArgs, esbuildOptions } from '../../infra/bundling/options';
import { encodeReplenishmentMessage } from '../../skill/platforms/alexa/replenishment-message';
import { defaultCatalogIndexPath } from '../../skill/store/catalog-file';
import { createStore, ensureTable } from '../../skill/store';
import { alexaFixture } from '../fixtures/alexa/load';
import { FakeAmazonApi } from '../helpers/fake-amazon-api';
import { FakeChatwoot } from '../helpers/fake-chatwoot';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { customerPk, SK } from '../../skill/store/keys';
import { systemClock, uniqueTableName } from '../helpers/store';

const root = resolve(import.meta.dirname, '..', '..');
const ENTRIES = ['lambda/alexa.ts', 'lambda/google.ts', 'lambda/replenish.ts'] as const;

async function bundleInputs(entry: string, outfile = join(mkdtempSync(join(tmpdir(), 'vocart-bundle-')), 'fn.mjs')): Promise<Metafile['outputs'][string]['inputs']> {
  const result = await build({ ...esbuildOptions(root, entry, outfile), metafile: true, sourcemap: false });
  return Object.values(result.metafile.outputs).find((out) => out.entryPoint !== undefined)!.inputs;
}

const fromPackage = (inputs: Record<string, unknown>, name: string) => Object.keys(inputs).filter((input) => input.includes(`node_modules/${name}/`));

describe('Lambda bundling options', () => {
  it('leave google-auth-library and what it drags in out of the Dialogflow webhook', async () => {
    const inputs = await bundleInputs('lambda/google.ts');
    for (const heavy of ['google-auth-library', 'node-forge', 'gaxios', 'node-fetch', 'whatwg-url', 'tr46']) {
      expect(fromPackage(inputs, heavy), heavy).toEqual([]);
    }
    expect(Object.keys(inputs)).toContain('infra/bundling/google-auth-library-stub.ts');
  }, 60_000);

  it.each(ENTRIES)(
    'keep the full zod and its non-English locales out of %s (zod/mini on the cold path)',
    async (entry) => {
      const inputs = await bundleInputs(entry);
      const zodInputs = Object.entries(inputs).filter(([input]) => input.includes('node_modules/zod/'));
      // The full build (v4/classic, about 440 KB minified with every locale) must not come back through a stray `from 'zod'`.
      expect(zodInputs.map(([input]) => input).filter((input) => /\/v4\/classic\/|\/v4\/locales\/(?!en\.js|index\.js)/.test(input))).toEqual([]);
      const zodBytes = zodInputs.reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
      expect(zodBytes).toBeLessThan(60 * 1024);
    },
    60_000,
  );

  it.each(ENTRIES)(
    'keep dynamoose and ask-sdk-model\'s service clients out of %s (plain DynamoDB client, own Reminders client)',
    async (entry) => {
      const inputs = await bundleInputs(entry);
      // dynamoose is the tools' table model (skill/store/table.ts); the repositories send plain DynamoDB commands.
      for (const name of ['dynamoose', 'dynamoose-utils', 'js-object-utilities', 'ask-sdk-model']) expect(fromPackage(inputs, name), name).toEqual([]);
      expect(Object.keys(inputs).filter((input) => input === 'skill/store/table.ts')).toEqual([]);
    },
    60_000,
  );

  it.each(ENTRIES)(
    'keep the agent side (inbox API, help desks, relay, console) out of %s: the skill never talks to a help desk',
    async (entry) => {
      const inputs = Object.keys(await bundleInputs(entry));
      const agentSide = /^(lambda\/inbox(\.ts|\/)|lambda\/handoff-relay\.ts|lambda\/console\/|skill\/helpdesk\/|skill\/store\/handoff-inbox\.ts)/;
      expect(inputs.filter((input) => agentSide.test(input))).toEqual([]);
    },
    60_000,
  );

  it('bundle the handoff relay with the Chatwoot adapter and without any platform SDK or web server', async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'vocart-bundle-')), 'relay.mjs');
    const result = await build({ ...esbuildOptions(root, 'lambda/handoff-relay.ts', outfile), metafile: true, sourcemap: false });
    const output = Object.values(result.metafile.outputs).find((out) => out.entryPoint !== undefined)!;
    const inputs = Object.keys(output.inputs);
    expect(inputs).toContain('skill/helpdesk/chatwoot/chatwoot-help-desk.ts');
    for (const name of ['ask-sdk-core', 'actions-on-google', 'express', 'dynamoose']) expect(fromPackage(output.inputs, name), name).toEqual([]);
    // Small: the relay is the store's client, the adapter and the catalog reader.
    expect(output.bytes).toBeLessThan(300 * 1024);
  }, 60_000);

  it('put the ask-sdk-model stub where ask-sdk-core requires the package', async () => {
    const inputs = await bundleInputs('lambda/alexa.ts');
    expect(Object.keys(inputs)).toContain('infra/bundling/ask-sdk-model-stub.ts');
  }, 60_000);

  it('hand CDK the same choices the benchmark uses', () => {
    // keepNames stays off: it costs about a third more CPU per warm turn (see options.ts).
    expect(BUNDLING.keepNames).toBe(false);
    expect(cdkEsbuildArgs()['--alias']).toEqual([
      'google-auth-library=./infra/bundling/google-auth-library-stub.ts',
      'ask-sdk-model=./infra/bundling/ask-sdk-model-stub.ts',
    ]);
  });
});

/**
 * The stubs only hold if nothing at runtime reaches for what they leave out: the built Alexa bundle (not the
 * sources) answers real requests in a fresh node process, against DynamoDB Local and the fake Amazon API.
 */
describe('the built Alexa bundle', () => {
  // Inside node_modules, so the bundle finds the @aws-sdk packages it leaves external, as Lambda's runtime provides them.
  const outDir = join(root, 'node_modules', '.cache', `vocart-bundling-test-${process.pid}`);
  const bundle = join(outDir, 'alexa.mjs');
  const tableName = uniqueTableName('vocart-bundle');
  const amazon = new FakeAmazonApi();
  let endpoint: string;

  beforeAll(async () => {
    endpoint = inject('dynamoEndpoint');
    mkdirSync(outDir, { recursive: true });
    await build({ ...esbuildOptions(root, 'lambda/alexa.ts', bundle), sourcemap: false });
    await ensureTable(createStore({ endpoint, region: 'us-east-1', timeoutMs: 3000, tableName }, systemClock).client, tableName);
    await amazon.start();
  }, 90_000);

  afterAll(async () => {
    await amazon.stop();
    rmSync(outDir, { recursive: true, force: true });
  });

  /** Imports the bundle in a fresh process and hands it the events one after another (one warm container). */
  function invoke(events: unknown[]): Promise<Array<ResponseEnvelope | { error: string }>> {
    const runner = join(outDir, 'run.mjs');
    writeFileSync(
      runner,
      [
        "import { readFileSync } from 'node:fs';",
        "import { pathToFileURL } from 'node:url';",
        'const [bundle, eventsFile] = process.argv.slice(2);',
        'const { handler } = await import(pathToFileURL(bundle).href);',
        'const results = [];',
        "for (const event of JSON.parse(readFileSync(eventsFile, 'utf8'))) {",
        '  try { results.push(await handler(event)); } catch (error) { results.push({ error: `${error.name}: ${error.message}` }); }',
        '}',
        'process.stdout.write(JSON.stringify(results));',
      ].join('\n'),
    );
    const eventsFile = join(outDir, `events-${Date.now()}.json`);
    writeFileSync(eventsFile, JSON.stringify(events));
    const env = {
      PATH: process.env.PATH,
      TABLE_NAME: tableName,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      DYNAMODB_ENDPOINT: endpoint,
      CATALOG_INDEX: defaultCatalogIndexPath(),
      LOG_LEVEL: 'SILENT',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    return new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, [runner, bundle, eventsFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolvePromise(JSON.parse(out)) : reject(new Error(`bundle exited with ${code}: ${err.slice(-1500)}`))));
    });
  }

  const speech = (result: ResponseEnvelope | { error: string }) => {
    if ('error' in result) throw new Error(result.error);
    return JSON.stringify(result.response.outputSpeech ?? {});
  };

  it('answers a LaunchRequest and IntentRequests, keeping the cart in DynamoDB, and creates reminders from a message', async () => {
    const userId = `amzn1.ask.account.BUNDLE${Date.now()}`;
    const launch = alexaFixture('launch-echo-dot');
    const addToCart = alexaFixture('search-echo-show');
    addToCart.context.System.user = { userId };
    addToCart.session!.user = { userId };
    addToCart.session!.attributes = {};
    (addToCart.request as IntentRequest).intent = {
      name: 'AddToCartIntent',
      confirmationStatus: 'NONE',
      slots: {
        product: { name: 'product', value: 'bananas', confirmationStatus: 'NONE' },
        quantity: { name: 'quantity', value: '2', confirmationStatus: 'NONE' },
      },
    };
    const readCart = structuredClone(addToCart);
    (readCart.request as IntentRequest).intent = { name: 'ReadCartIntent', confirmationStatus: 'NONE', slots: {} };
    const token = amazon.sessionToken({ reminders: true });
    const message = {
      version: '1.0',
      context: {
        System: {
          application: { applicationId: launch.context.System.application.applicationId },
          user: { userId },
          apiEndpoint: amazon.baseUrl,
          apiAccessToken: token,
        },
      },
      request: {
        type: 'Messaging.MessageReceived',
        requestId: 'amzn1.echo-api.request.bundle',
        timestamp: new Date().toISOString(),
        locale: 'en-US',
        message: encodeReplenishmentMessage({ dueDay: '2026-12-24', productIds: ['p001'] }),
      },
    } as unknown as RequestEnvelope;

    const [launched, added, read, messaged, again] = await invoke([launch, addToCart, readCart, message, message]);
    expect(speech(launched!)).toMatch(/<speak>.+<\/speak>/);
    expect((launched as ResponseEnvelope).response.shouldEndSession).toBe(false);
    expect(speech(added!)).toMatch(/banana/i);
    expect(speech(read!)).toMatch(/banana/i);
    expect((messaged as ResponseEnvelope).response).toEqual({});
    expect((again as ResponseEnvelope).response).toEqual({});
    // One reminder, created through the bundle's own Reminders client; the repeated message found it by GET.
    expect(amazon.reminders).toHaveLength(1);
    expect(amazon.reminders[0]?.body).toMatchObject({
      trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: '2026-12-24T09:00:00.000' },
      alertInfo: { spokenInfo: { content: [{ locale: 'en-US', text: expect.stringContaining('Coffee') }] } },
    });
    expect(amazon.callsTo('reminders').map((call) => `${call.method} ${call.status} ${call.authorization}`)).toEqual([
      `GET 200 Bearer ${token}`,
      `POST 200 Bearer ${token}`,
      `GET 200 Bearer ${token}`,
    ]);
  }, 60_000);
});

/**
 * The built relay bundle (not the sources) takes a stream batch in a fresh node process, reads the case from DynamoDB
 * Local and opens it at the Chatwoot fake: once, however often the record comes.
 */
describe('the built handoff relay bundle', () => {
  const outDir = join(root, 'node_modules', '.cache', `vocart-relay-bundle-test-${process.pid}`);
  const bundle = join(outDir, 'relay.mjs');
  const tableName = uniqueTableName('vocart-relay-bundle');
  const chatwoot = new FakeChatwoot();
  let endpoint: string;
  let store: ReturnType<typeof createStore>;

  beforeAll(async () => {
    endpoint = inject('dynamoEndpoint');
    mkdirSync(outDir, { recursive: true });
    await build({ ...esbuildOptions(root, 'lambda/handoff-relay.ts', bundle), sourcemap: false });
    store = createStore({ endpoint, region: 'us-east-1', timeoutMs: 3000, tableName }, systemClock);
    await ensureTable(store.client, tableName);
    await chatwoot.start();
  }, 90_000);

  afterAll(async () => {
    await chatwoot.stop();
    rmSync(outDir, { recursive: true, force: true });
  });

  function invoke(event: unknown): Promise<unknown[]> {
    const runner = join(outDir, 'run.mjs');
    writeFileSync(
      runner,
      [
        "import { readFileSync } from 'node:fs';",
        "import { pathToFileURL } from 'node:url';",
        'const [bundle, eventFile] = process.argv.slice(2);',
        'const { handler } = await import(pathToFileURL(bundle).href);',
        "const event = JSON.parse(readFileSync(eventFile, 'utf8'));",
        'const results = [await handler(event), await handler(event)];',
        'process.stdout.write(JSON.stringify(results));',
      ].join('\n'),
    );
    const eventFile = join(outDir, `event-${Date.now()}.json`);
    writeFileSync(eventFile, JSON.stringify(event));
    const env = {
      PATH: process.env.PATH,
      TABLE_NAME: tableName,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      DYNAMODB_ENDPOINT: endpoint,
      CATALOG_INDEX: defaultCatalogIndexPath(),
      LOG_LEVEL: 'SILENT',
      HELPDESK: 'chatwoot',
      CHATWOOT_BASE_URL: chatwoot.baseUrl,
      CHATWOOT_ACCOUNT_ID: String(chatwoot.accountId),
      CHATWOOT_INBOX_ID: String(chatwoot.inboxId),
      CHATWOOT_API_TOKEN: chatwoot.apiToken,
      CHATWOOT_WEBHOOK_SECRET: chatwoot.webhookSecret,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    return new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, [runner, bundle, eventFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolvePromise(JSON.parse(out)) : reject(new Error(`bundle exited with ${code}: ${err.slice(-1500)}`))));
    });
  }

  it('opens a new case at Chatwoot with the product names from the shipped catalog, once for a repeated record', async () => {
    const opened = await store.handoffs.open({
      customerId: 'bundle-shopper',
      channel: 'alexa',
      locale: 'en-US',
      reason: 'asked-for-person',
      transcript: [],
      transcriptShared: false,
      cart: [{ productId: 'p001', quantity: 1 }],
    });
    const keys = marshall({ pk: customerPk('bundle-shopper'), sk: SK.handoff(opened.caseId) });
    const item = (await store.client.send(new GetItemCommand({ TableName: tableName, Key: keys, ConsistentRead: true }))).Item;
    const record = { eventID: '1', eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { Keys: keys, NewImage: item, SequenceNumber: '100', StreamViewType: 'NEW_AND_OLD_IMAGES' } };

    const results = await invoke({ Records: [record] });
    expect(results).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    expect(chatwoot.conversations).toHaveLength(1);
    const note = chatwoot.conversations[0]!.messages[0]!.content;
    expect(note).toContain(opened.caseId);
    expect(note).toMatch(/1 × .+ \(p001\)/);
  }, 60_000);
});

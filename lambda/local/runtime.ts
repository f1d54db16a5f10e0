/**
 * What every local tool needs before its first turn, shared by `npm start`, `npm run chat` and `npm run demo:reset`:
 * DynamoDB Local when DYNAMODB_ENDPOINT names no database, the App, the table, and the demo customer; with
 * HELPDESK=chatwoot also the handoff relay, in-process (AWS runs it off the table's stream instead).
 */
import './quiet-sdk-notice';
import { createApp, type App, type AppOverrides } from '../../skill/app';
import { loadConfig, type Config } from '../../skill/config';
import { createCaseReader, createHandoffRelay, helpDeskFromConfig, noticingErasure, relayingHandoffCases, type RelayingHandoffCases } from '../../skill/helpdesk';
import { createHandoffInbox } from '../../skill/store/handoff-inbox';
import { ensureTable } from '../../skill/store';
import type { HandoffCases } from '../../skill/core/ports';
import type { DemoCustomer } from '../../skill/store/seed';
import { seedDemo } from './demo-data';
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local';

export interface LocalRuntime {
  app: App;
  config: Config;
  demo: DemoCustomer;
  /** Whether the table was created now (false: it existed). */
  tableCreated: boolean;
  /** The DynamoDB Local this runtime started, if it started one. */
  dynamo?: RunningDynamoDb;
  /** The in-process handoff relay, with HELPDESK=chatwoot: `settled()` waits for what it is still passing on. */
  relay?: RelayingHandoffCases;
  /** Stops what this runtime started (DynamoDB Local); safe to call twice. */
  stop(): Promise<void>;
}

export interface LocalRuntimeOptions {
  env?: NodeJS.ProcessEnv;
  overrides?: AppOverrides;
}

export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  // Locally there is no Alexa signature to check (the simulator and test clients do not sign); start.ts says so loudly.
  const env = { ...(options.env ?? process.env) };
  env.ALEXA_VERIFY_SIGNATURE ??= 'false';
  let config = loadConfig(env);
  let dynamo: RunningDynamoDb | undefined;
  let relay: RelayingHandoffCases | undefined;
  const stop = async () => {
    // Cases still on their way to the help desk finish first: they read and write the table being stopped.
    await relay?.settled();
    const running = dynamo;
    dynamo = undefined;
    await running?.stop();
  };
  try {
    if (!config.DYNAMODB_ENDPOINT) {
      dynamo = await startDynamoDbLocal();
      config = { ...config, DYNAMODB_ENDPOINT: dynamo.endpoint };
    }
    const app = createApp(config, {
      ...options.overrides,
      wrapHandoffCases: (stored, parts) => {
        relay = relayCases(stored, parts);
        return relay ?? stored;
      },
      // "Delete my data" erases through the customer repository, not the cases: the help desk is told from there.
      wrapCustomers: (stored) => {
        const customers = options.overrides?.wrapCustomers?.(stored) ?? stored;
        // Wrapped before the cases are (and so before `relay` exists): the relay is looked up when an erasure happens.
        return config.HELPDESK === 'chatwoot' ? noticingErasure(customers, (customerId) => relay?.shopperErased(customerId)) : customers;
      },
    });
    const tableCreated = await ensureTable(app.store.client, config.TABLE_NAME);
    const demo = await seedDemo(app);
    return { app, config, demo, tableCreated, ...(dynamo ? { dynamo } : {}), ...(relay ? { relay } : {}), stop };
  } catch (error) {
    // Never leave a JVM behind when start-up fails half-way.
    await stop();
    throw error;
  }
}

/**
 * With a help desk configured, the handoff cases the core writes through are wrapped so each case (and each later
 * shopper message on it) goes on to the help desk after the write, in the background: the turn never waits for the
 * help desk and never fails because of it.
 */
function relayCases(cases: HandoffCases, { store, config, log, catalog }: Parameters<NonNullable<AppOverrides['wrapHandoffCases']>>[1]): RelayingHandoffCases | undefined {
  const inbox = createHandoffInbox(store.client, store.tableName);
  const helpDesk = helpDeskFromConfig(config, inbox, {
    productName: (productId) => {
      const names = catalog.get(productId)?.names;
      return names?.['en-US'] ?? names?.['de-DE'];
    },
  });
  if (!helpDesk) return undefined;
  const original = {
    open: cases.open.bind(cases),
    shareTranscript: cases.shareTranscript.bind(cases),
    recordTurn: cases.recordTurn.bind(cases),
    markDelivered: cases.markDelivered.bind(cases),
    shopperReply: cases.shopperReply.bind(cases),
  };
  const relaying = relayingHandoffCases(original, createHandoffRelay({ helpDesk, read: createCaseReader(store.client, store.tableName), inbox, log }), log);
  return relaying;
}

/**
 * What every local tool needs before its first turn, shared by `npm start`, `npm run chat` and `npm run demo:reset`:
 * DynamoDB Local when DYNAMODB_ENDPOINT names no database, the App, the table, and the demo customer.
 */
import './quiet-sdk-notice';
import { createApp, type App, type AppOverrides } from '../../skill/app';
import { loadConfig, type Config } from '../../skill/config';
import { ensureTable } from '../../skill/store';
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
  const stop = async () => {
    const running = dynamo;
    dynamo = undefined;
    await running?.stop();
  };
  try {
    if (!config.DYNAMODB_ENDPOINT) {
      dynamo = await startDynamoDbLocal();
      config = { ...config, DYNAMODB_ENDPOINT: dynamo.endpoint };
    }
    const app = createApp(config, options.overrides);
    const tableCreated = await ensureTable(app.store.client, config.TABLE_NAME);
    const demo = await seedDemo(app);
    return { app, config, demo, tableCreated, ...(dynamo ? { dynamo } : {}), stop };
  } catch (error) {
    // Never leave a JVM behind when start-up fails half-way.
    await stop();
    throw error;
  }
}

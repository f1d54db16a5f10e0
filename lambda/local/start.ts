/**
 * `npm start`: DynamoDB Local (unless DYNAMODB_ENDPOINT names a database), the table, the demo customer, and both
 * platform endpoints on one port. Ctrl-C stops all of it.
 */
import './quiet-sdk-notice';
import demoCustomer from '../../skill/data/demo-customer.json';
import { createApp } from '../../skill/app';
import { ConfigError, loadConfig } from '../../skill/config';
import { ensureTable } from '../../skill/store';
import { seedDemoCustomer } from '../../skill/store/seed';
import { JavaMissingError, startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local';
import { createServer, listen } from './server';

let dynamo: RunningDynamoDb | undefined;

async function main(): Promise<void> {
  // Locally there is no Alexa signature to check (the simulator and test clients do not sign); say so loudly.
  const env = { ...process.env };
  env.ALEXA_VERIFY_SIGNATURE ??= 'false';
  let config = loadConfig(env);

  if (!config.DYNAMODB_ENDPOINT) {
    dynamo = await startDynamoDbLocal();
    config = { ...config, DYNAMODB_ENDPOINT: dynamo.endpoint };
  }

  const app = createApp(config);
  const created = await ensureTable(app.store.client, config.TABLE_NAME);
  const demo = await seedDemoCustomer(config.TABLE_NAME, demoCustomer, { now: () => new Date() }, { catalog: app.catalog, priors: app.priors });
  // The local gateway holds the demo account's stored payment method, as the merchant's gateway would.
  app.payments.registerPaymentMethod(demo.paymentMethod.id, demo.customerId);
  const http = await listen(createServer(app), config.PORT, process.env.HOST ?? '127.0.0.1');
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const base = `http://localhost:${port}`;

  const lines = [
    'vocart is running',
    `  Alexa endpoint      POST ${base}/alexa`,
    `  Dialogflow webhook  POST ${base}/google`,
    `  Health              GET  ${base}/health`,
    `  DynamoDB            ${dynamo ? `DynamoDB Local (in memory) at ${config.DYNAMODB_ENDPOINT}` : config.DYNAMODB_ENDPOINT}, table "${config.TABLE_NAME}"${created ? ' (created)' : ''}`,
    `  Demo customer       "${demo.customerId}", account-linking token "${demo.accessToken}"`,
  ];
  console.log(lines.join('\n'));
  if (!config.ALEXA_VERIFY_SIGNATURE) {
    console.warn('  WARNING: Alexa request signature verification is OFF (ALEXA_VERIFY_SIGNATURE=false). Never expose this server to the internet like this.');
  }
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await dynamo?.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error: unknown) => {
  // Never leave a JVM behind when start-up fails half-way.
  await dynamo?.stop();
  if (error instanceof JavaMissingError || error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`vocart could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});

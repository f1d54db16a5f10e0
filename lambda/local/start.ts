/**
 * `npm start`: DynamoDB Local (unless DYNAMODB_ENDPOINT names a database), the table, the demo customer, both
 * platform endpoints, the console and the agent inbox (/api behind a bearer token) on one port. Ctrl-C stops all of it.
 */
import './quiet-sdk-notice';
import { ConfigError } from '../../skill/config';
import { createConsole } from '../console/console';
import { modelUnderstanding } from '../console/understanding';
import { createInboxApi } from '../inbox/api';
import { helpDeskRoutes } from '../inbox/chatwoot-webhook';
import { inboxDepsFromApp } from '../inbox/compose';
import { inboxLink, localToken } from '../inbox/local-token';
import { JavaMissingError } from './dynamodb-local';
import { startLocalRuntime, type LocalRuntime } from './runtime';
import { createServer, listen } from './server';

let runtime: LocalRuntime | undefined;

async function main(): Promise<void> {
  runtime = await startLocalRuntime();
  const { app, config, demo, dynamo, tableCreated } = runtime;
  const console_ = createConsole({ app, demo, understanding: modelUnderstanding, warmUp: true });
  const { token, generated } = localToken(config.CONSOLE_TOKEN);
  const inboxDeps = inboxDepsFromApp(app);
  const inbox = createInboxApi(inboxDeps, { token: async () => token, extraRoutes: helpDeskRoutes(config, inboxDeps) });
  const http = await listen(createServer(app, { console: console_, inbox }), config.PORT, process.env.HOST ?? '127.0.0.1');
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const base = `http://localhost:${port}`;

  const lines = [
    'vocart is running',
    `  Console             ${base}/console`,
    `  Agent inbox         ${inboxLink(base, token)}`,
    `  Inbox API           ${base}/api/handoffs  (Authorization: Bearer <token>; token ${generated ? 'generated for this run, set CONSOLE_TOKEN to keep one' : 'from CONSOLE_TOKEN'})`,
    `  Alexa endpoint      POST ${base}/alexa`,
    `  Dialogflow webhook  POST ${base}/google`,
    `  Health              GET  ${base}/health`,
    `  DynamoDB            ${dynamo ? `DynamoDB Local (in memory) at ${config.DYNAMODB_ENDPOINT}` : config.DYNAMODB_ENDPOINT}, table "${config.TABLE_NAME}"${tableCreated ? ' (created)' : ''}`,
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
    await runtime?.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error: unknown) => {
  await runtime?.stop();
  if (error instanceof JavaMissingError || error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`vocart could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});

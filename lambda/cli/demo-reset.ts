/**
 * npm run demo:reset
 *
 * Puts the demo data back as `npm start` seeds it: deletes every item of the demo customer (cart, orders, order
 * lines, predictions, consent, pending questions, PIN state) and of the console's returning shoppers, and the demo
 * account-linking token, then seeds the demo customer again (profile, token, voice PIN, past orders, predictions).
 * - With DYNAMODB_ENDPOINT set: against that database directly (a running or a fresh DynamoDB Local; the table is
 *   created when missing).
 * - Without it: asks the running `npm start` server (POST http://127.0.0.1:$PORT/console/api/reset), whose
 *   DynamoDB Local lives in memory on a port of its own.
 */
import '../local/quiet-sdk-notice';
import { createApp } from '../../skill/app';
import { ConfigError, loadConfig } from '../../skill/config';
import { ensureTable } from '../../skill/store';
import { resetDemoData, type ResetSummary } from '../local/demo-data';

async function resetDirectly(env: NodeJS.ProcessEnv): Promise<ResetSummary> {
  const config = loadConfig({ ...env, ALEXA_VERIFY_SIGNATURE: env.ALEXA_VERIFY_SIGNATURE ?? 'false', LOG_LEVEL: env.LOG_LEVEL ?? 'SILENT' });
  const app = createApp(config);
  try {
    await ensureTable(app.store.client, config.TABLE_NAME);
    return await resetDemoData(app);
  } finally {
    app.store.client.destroy();
  }
}

async function resetThroughServer(port: string): Promise<ResetSummary> {
  const url = `http://127.0.0.1:${port}/console/api/reset`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    throw new Error(`No vocart server answers at ${url}, and DYNAMODB_ENDPOINT is not set. Start the server with \`npm start\`, or set DYNAMODB_ENDPOINT to the DynamoDB to reset.`, { cause });
  }
  const body = (await response.json().catch(() => ({}))) as { reset?: ResetSummary; error?: { message?: string } };
  if (!response.ok || !body.reset) throw new Error(`The server could not reset the demo data: ${body.error?.message ?? `HTTP ${response.status}`}`);
  return body.reset;
}

async function main(): Promise<void> {
  const summary = process.env.DYNAMODB_ENDPOINT ? await resetDirectly(process.env) : await resetThroughServer(process.env.PORT ?? '3000');
  console.log(`Demo data reset: ${summary.deleted} item(s) deleted; "${summary.customerId}" seeded again with ${summary.orders} past orders.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});

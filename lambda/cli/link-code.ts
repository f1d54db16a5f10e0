/**
 * npm run link:code
 *
 * Issues a one-time link code for the demo customer, as the shop's account page would: six digits, valid ten
 * minutes, once. Say or type it in a conversation that has no OAuth ("my link code is 4 8 1 5 2 3") to link that
 * conversation's user to the demo account.
 * - With DYNAMODB_ENDPOINT set: against that database directly.
 * - Without it: asks the running `npm start` server (POST http://127.0.0.1:$PORT/console/api/link-code), whose
 *   DynamoDB Local lives in memory.
 * The code is printed here for the person who asked for it, and nowhere else.
 */
import '../local/quiet-sdk-notice';
import demoCustomer from '../../skill/data/demo-customer.json';
import { createApp } from '../../skill/app';
import { ConfigError, loadConfig } from '../../skill/config';
import { ensureTable } from '../../skill/store';
import { issueLinkCode } from '../../skill/store/link-code-issue';

interface Issued {
  customerId: string;
  code: string;
  expiresAt: string;
}

async function issueDirectly(env: NodeJS.ProcessEnv): Promise<Issued> {
  const config = loadConfig({ ...env, ALEXA_VERIFY_SIGNATURE: env.ALEXA_VERIFY_SIGNATURE ?? 'false', LOG_LEVEL: env.LOG_LEVEL ?? 'SILENT' });
  const app = createApp(config);
  try {
    await ensureTable(app.store.client, config.TABLE_NAME);
    const issued = await issueLinkCode(app.store.linkCodes, demoCustomer.customerId);
    return { customerId: demoCustomer.customerId, code: issued.code, expiresAt: issued.expiresAt.toISOString() };
  } finally {
    app.store.client.destroy();
  }
}

async function issueThroughServer(port: string): Promise<Issued> {
  const url = `http://127.0.0.1:${port}/console/api/link-code`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(10_000) });
  } catch (cause) {
    throw new Error(`No vocart server answers at ${url}, and DYNAMODB_ENDPOINT is not set. Start the server with \`npm start\`, or set DYNAMODB_ENDPOINT.`, { cause });
  }
  const body = (await response.json().catch(() => ({}))) as Partial<Issued> & { error?: { message?: string } };
  if (!response.ok || typeof body.code !== 'string') throw new Error(`The server could not issue a link code: ${body.error?.message ?? `HTTP ${response.status}`}`);
  return body as Issued;
}

async function main(): Promise<void> {
  const issued = process.env.DYNAMODB_ENDPOINT ? await issueDirectly(process.env) : await issueThroughServer(process.env.PORT ?? '3000');
  console.log(`Link code for "${issued.customerId}": ${issued.code.split('').join(' ')} (valid until ${issued.expiresAt}, once).`);
  console.log('Say or type it in a conversation: "my link code is …" / "mein Verknüpfungscode ist …".');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});

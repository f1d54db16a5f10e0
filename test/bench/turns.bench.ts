/**
 * npm run bench:turns [-- --rounds 40 --seconds 10 --clients 50]
 *
 * Warm turn latency against the length of a shopper's history. Starts DynamoDB Local, seeds linked shoppers with
 * 0, 10, 100 and 1,000 past orders (header, lines and a claim per order, the purchase summary, predictions),
 * then runs launch, search, add to cart and read cart through the real Alexa skill (createAlexaSkill().invoke) and
 * the real Dialogflow webhook (GoogleWebhook.answer), alternating, and prints p50/p99 per order count. It counts
 * the DynamoDB requests of each kind of turn with a middleware on the store's client, measures the same reads
 * through dynamoose and through the plain client, and drives the local express server with concurrent clients
 * (new shoppers, then 10-order shoppers) for requests per second. The last line is one JSON object.
 */
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createApp, type App } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import type { Catalog, Order } from '../../skill/core/ports';
import { replayOrders } from '../../skill/core/replenishment/order-placed';
import { emptyPriors } from '../../skill/core/replenishment/priors';
import { ensureTable } from '../../skill/store';
import { hashToken } from '../../skill/store/account-linking';
import { getItems, queryPage, type PlainItem } from '../../skill/store/item-reads';
import { customerPk, SK, TOKEN_SK, tokenPk } from '../../skill/store/keys';
import { orderItems } from '../../skill/store/order-repository';
import { predictionItem } from '../../skill/store/replenishment-repository';
import { basisItem } from '../../skill/store/prediction-basis';
import { summaryFromOrders } from '../../skill/store/summary';
import { writeAll } from '../../skill/store/summary-rebuild';
import { vocartModel, type VocartItem } from '../../skill/store/table';
import { createAlexaSkill } from '../../skill/platforms/alexa/skill';
import { GoogleWebhook } from '../../skill/platforms/google/webhook';
import { createServer, listen } from '../../lambda/local/server';
import { startDynamoDbLocal } from '../../lambda/local/dynamodb-local';
import { alexaFixture } from '../fixtures/alexa/load';
import { countRequests } from '../helpers/request-counter';

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '40' }, seconds: { type: 'string', default: '10' }, clients: { type: 'string', default: '50' } },
  allowPositionals: true,
});
const ROUNDS = Number(args.rounds);
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const ORDER_COUNTS = [0, 10, 100, 1000];
const TABLE = 'vocart-turns-bench';
const DAY = 86_400_000;
const PRODUCTS = ['p001', 'p002', 'p003', 'p004', 'p005', 'p006', 'p007', 'p008', 'p009', 'p010', 'p011', 'p012'];

// ---- seeding: items written directly, 25 per BatchWriteItem, several requests in flight -------------------------

function pastOrders(customerId: string, count: number, now: number): Order[] {
  return Array.from({ length: count }, (_, n) => {
    const placedAt = new Date(now - (count - n) * 3 * DAY).toISOString();
    const lines = [0, 1, 2].map((k) => ({ productId: PRODUCTS[(n + k * 5) % PRODUCTS.length]!, quantity: 1 + (k % 2), unitPriceCents: 499 }));
    return {
      orderId: `o${n}`,
      customerId,
      placedAt,
      status: 'placed',
      lines,
      subtotalCents: 2000,
      taxCents: 165,
      deliveryFeeCents: 499,
      totalCents: 2664,
      currency: 'USD',
      deliveryBy: new Date(Date.parse(placedAt) + 2 * DAY).toISOString(),
      cancellableUntil: placedAt,
      cartVersion: n,
    };
  });
}

function shopperItems(catalog: Catalog, customerId: string, token: string, orderCount: number, now: number): PlainItem[] {
  const pk = customerPk(customerId);
  const orders = pastOrders(customerId, orderCount, now);
  const items: PlainItem[] = [
    { pk: tokenPk(hashToken(token)), sk: TOKEN_SK, type: 'token', customerId },
    {
      pk,
      sk: SK.profile,
      type: 'profile',
      locale: 'en-US',
      firstContactAt: new Date(now - 400 * DAY).toISOString(),
      displayName: 'Bench Shopper',
      address: { street: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
      paymentMethod: { id: `pm_${customerId}`, brand: 'visa', last4: '4242' },
    },
    { pk, sk: SK.cart, type: 'cart', lines: [], version: orderCount },
  ];
  for (const order of orders) {
    const { header, lines } = orderItems(order);
    items.push(header as PlainItem, ...(lines as PlainItem[]));
    items.push({ pk, sk: SK.idempotency(`bench-${order.orderId}`), type: 'idempotency', status: 'placed', orderSk: header.sk, claimant: 'bench', chargeKeys: [`charge-${order.orderId}`] });
  }
  if (orderCount > 0) {
    items.push(summaryFromOrders(customerId, orders));
    // The predictions the live skill would have written, order by order, as the demo seed replays them; the rhythm
    // item carries the prediction basis a checkout confirm loads.
    const snapshot = replayOrders(customerId, orders, catalog, emptyPriors());
    items.push(basisItem(customerId, snapshot.rhythm!, snapshot.items.map((item) => item.state)));
    for (const item of snapshot.items) items.push(predictionItem(customerId, item) as PlainItem);
  }
  return items;
}

async function writeInParallel(app: App, items: PlainItem[], inFlight = 8): Promise<void> {
  const chunk = Math.ceil(items.length / inFlight);
  await Promise.all(Array.from({ length: inFlight }, (_, i) => writeAll(app.store.client, TABLE, items.slice(i * chunk, (i + 1) * chunk))));
}

// ---- requests --------------------------------------------------------------------------------------------------

type TurnKind = 'launch' | 'search' | 'add' | 'read_cart' | 'checkout' | 'yes';

interface Conversation {
  token?: string;
  /** The device's user: one per shopper, so a linked account learns it once (not on every conversation). */
  userId: string;
  sessionId: string;
  alexaAttributes: Record<string, unknown>;
  googleState: string;
}

const INTENTS: Record<Exclude<TurnKind, 'launch'>, { name: string; slots: Record<string, string> }> = {
  search: { name: 'SearchProductIntent', slots: { product: 'ground coffee' } },
  add: { name: 'AddToCartIntent', slots: { product: 'ground coffee medium roast', quantity: '1' } },
  read_cart: { name: 'ReadCartIntent', slots: {} },
  checkout: { name: 'CheckoutIntent', slots: {} },
  yes: { name: 'AMAZON.YesIntent', slots: {} },
};

function alexaRequest(kind: TurnKind, conversation: Conversation): RequestEnvelope {
  const envelope = alexaFixture(kind === 'launch' ? 'launch-echo-dot' : 'search-echo-show');
  const user = { userId: `amzn1.ask.account.${conversation.userId}`, ...(conversation.token ? { accessToken: conversation.token } : {}) };
  envelope.context.System.user = user;
  if (envelope.session) {
    envelope.session.sessionId = `amzn1.echo-api.session.${conversation.sessionId}`;
    envelope.session.user = user;
    envelope.session.new = kind === 'launch';
    envelope.session.attributes = kind === 'launch' ? {} : conversation.alexaAttributes;
  }
  if (kind !== 'launch') {
    const intent = INTENTS[kind];
    envelope.request = {
      type: 'IntentRequest',
      requestId: `amzn1.echo-api.request.${Math.random().toString(36).slice(2)}`,
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      dialogState: 'COMPLETED',
      intent: {
        name: intent.name,
        confirmationStatus: 'NONE',
        slots: Object.fromEntries(Object.entries(intent.slots).map(([name, value]) => [name, { name, value, confirmationStatus: 'NONE' }])),
      },
    } as RequestEnvelope['request'];
  } else envelope.request.requestId = `amzn1.echo-api.request.${Math.random().toString(36).slice(2)}`;
  return envelope;
}

function googleBody(kind: TurnKind, conversation: Conversation): Buffer {
  const session = `projects/vocart-bench/agent/sessions/${conversation.sessionId}`;
  const intent = kind === 'launch' ? { name: 'Default Welcome Intent', slots: {} } : kind === 'yes' ? { name: 'YesIntent', slots: {} } : INTENTS[kind];
  return Buffer.from(
    JSON.stringify({
      responseId: `r-${Math.random().toString(36).slice(2)}`,
      session,
      queryResult: {
        queryText: kind,
        languageCode: 'en',
        parameters: intent.slots,
        intent: { displayName: intent.name },
        outputContexts: [{ name: `${session}/contexts/vocart-session`, lifespanCount: 9, parameters: { state: conversation.googleState } }],
      },
      originalDetectIntentRequest: { source: 'google', version: '2', payload: conversation.token ? { user: { accessToken: conversation.token } } : {} },
    }),
  );
}

function newConversation(name: string, token?: string): Conversation {
  return { userId: name, sessionId: `${name}-${Math.random().toString(36).slice(2, 10)}`, alexaAttributes: {}, googleState: '{}', ...(token ? { token } : {}) };
}

function speechOf(response: ResponseEnvelope): string {
  const speech = response.response.outputSpeech;
  return speech && 'ssml' in speech ? speech.ssml : speech && 'text' in speech ? speech.text : '';
}

function googleStateOf(body: string): string {
  const parsed = JSON.parse(body) as { outputContexts?: Array<{ name: string; parameters?: { state?: string } }> };
  return parsed.outputContexts?.find((context) => context.name.endsWith('/vocart-session'))?.parameters?.state ?? '{}';
}

// ---- statistics ------------------------------------------------------------------------------------------------

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

async function timeIt(runs: number, action: () => Promise<unknown>): Promise<number> {
  await action();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

// ---- the run ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  try {
    const app = createApp(
      loadConfig({
        PATH: process.env.PATH,
        TABLE_NAME: TABLE,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        ALEXA_VERIFY_SIGNATURE: 'false',
        LOG_LEVEL: 'SILENT',
        POWERTOOLS_SERVICE_NAME: 'bench',
      }),
    );
    await ensureTable(app.store.client, TABLE);
    const requests = countRequests(app.store.client);
    const alexa = createAlexaSkill({ core: app.core, log: app.log, config: {} });
    const google = new GoogleWebhook({ core: app.core, log: app.log, config: {} });
    const now = Date.now();

    const seedStarted = performance.now();
    for (const count of ORDER_COUNTS) await writeInParallel(app, shopperItems(app.catalog, `bench-${count}`, `bench-token-${count}`, count, now));
    // The throughput run's 10-order shoppers, one per client.
    await writeInParallel(app, Array.from({ length: CLIENTS }, (_, i) => shopperItems(app.catalog, `rps-${i}`, `rps-token-${i}`, 10, now)).flat());
    console.log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    async function alexaTurn(kind: TurnKind, conversation: Conversation): Promise<string> {
      const response = (await alexa.invoke(alexaRequest(kind, conversation))) as ResponseEnvelope;
      conversation.alexaAttributes = (response.sessionAttributes ?? {}) as Record<string, unknown>;
      return speechOf(response);
    }
    async function googleTurn(kind: TurnKind, conversation: Conversation): Promise<string> {
      const result = await google.answer(googleBody(kind, conversation));
      const body = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
      if (result.statusCode !== 200) throw new Error(`Dialogflow webhook answered ${result.statusCode}`);
      conversation.googleState = googleStateOf(body);
      return (JSON.parse(body) as { fulfillmentText?: string }).fulfillmentText ?? '';
    }
    async function emptyCart(customerId: string): Promise<void> {
      const { cart } = await app.store.customers.load(customerId);
      await app.store.customers.saveCart(customerId, [], cart.version);
    }

    // Latency: launch, search, add, read cart per round, Alexa and Dialogflow alternating; carts emptied untimed.
    // Order counts take turns round by round, so JIT warm-up and a busy machine weigh on all of them alike.
    const turnKinds: TurnKind[] = ['launch', 'search', 'add', 'read_cart'];
    const times = new Map(ORDER_COUNTS.map((count) => [count, [] as number[]]));
    for (let round = -3; round < ROUNDS; round++) {
      for (const count of ORDER_COUNTS) {
        const conversation = newConversation(`shopper${count}`, `bench-token-${count}`);
        for (const kind of turnKinds) {
          const started = performance.now();
          const speech = round % 2 === 0 ? await alexaTurn(kind, conversation) : await googleTurn(kind, conversation);
          // Rounds below zero warm the code paths and the token cache.
          if (round >= 0) times.get(count)!.push(performance.now() - started);
          if (process.env.BENCH_DEBUG && round < -1) console.log(count, kind, speech.slice(0, 120));
        }
        await emptyCart(`bench-${count}`);
      }
    }
    const latency = ORDER_COUNTS.map((count) => {
      const own = times.get(count)!;
      return { orders: count, p50: round1(percentile(own, 50)), p99: round1(percentile(own, 99)), turns: own.length };
    });
    console.log('\nwarm turns (launch, search, add, read cart; Alexa and Dialogflow alternating)');
    console.log('orders   p50 ms   p99 ms   turns');
    for (const row of latency) console.log(`${String(row.orders).padStart(6)}   ${String(row.p50).padStart(6)}   ${String(row.p99).padStart(6)}   ${row.turns}`);

    // DynamoDB requests per turn, a 10-order linked shopper on Alexa, the token already cached (a warm container).
    const perTurn: Record<string, number> = {};
    const commandsPerTurn: Record<string, readonly string[]> = {};
    await emptyCart('bench-10');
    const conversation = newConversation('shopper10', 'bench-token-10');
    app.payments.registerPaymentMethod('pm_bench-10', 'bench-10');
    for (const [label, kind] of [['launch', 'launch'], ['search', 'search'], ['add', 'add'], ['read_cart', 'read_cart'], ['checkout', 'checkout'], ['checkout_confirm', 'yes']] as const) {
      requests.reset();
      const speech = await alexaTurn(kind, conversation);
      perTurn[label] = requests.count;
      commandsPerTurn[label] = [...requests.commands];
      if (process.env.BENCH_DEBUG) console.log(label, speech.slice(0, 160));
    }
    console.log('\nDynamoDB requests per turn (10-order linked shopper, Alexa)');
    for (const [label, commands] of Object.entries(commandsPerTurn)) console.log(`  ${label.padEnd(17)} ${commands.length}  ${commands.map((name) => name.replace(/Command$/, '')).join(', ')}`);

    // The same reads through dynamoose (query + toJSON, model.batchGet) and through the plain client.
    const model = vocartModel(TABLE);
    const pk = customerPk('bench-1000');
    const keys = [SK.profile, SK.cart, SK.summary, SK.consent('reminders')].map((sk) => ({ pk, sk }));
    const dynamooseQueryAll = async () => {
      const items: VocartItem[] = [];
      let query = model.query('pk').eq(pk);
      for (;;) {
        const page = await query.exec();
        items.push(...page.map((item) => item.toJSON() as VocartItem));
        if (!page.lastKey) return items;
        query = model.query('pk').eq(pk).startAt(page.lastKey);
      }
    };
    const plainQueryAll = async () => {
      const items: PlainItem[] = [];
      let startKey: Awaited<ReturnType<typeof queryPage>>['lastKey'];
      do {
        const page = await queryPage(app.store.client, TABLE, { pk, ...(startKey ? { startKey } : {}) });
        items.push(...page.items);
        startKey = page.lastKey;
      } while (startKey);
      return items;
    };
    const queryDynamoose = await timeIt(7, dynamooseQueryAll);
    const queryPlain = await timeIt(7, plainQueryAll);
    const batchDynamoose = await timeIt(31, async () => (await model.batchGet(keys)).map((item) => item.toJSON()));
    const batchPlain = await timeIt(31, () => getItems(app.store.client, TABLE, keys));
    const partition = (await plainQueryAll()).length;
    console.log(`\ndynamoose vs plain client, medians (1,000-order partition, ${partition} items)`);
    console.log(`  Query of the whole partition   dynamoose ${round1(queryDynamoose)} ms   plain ${round1(queryPlain)} ms   ${round1(queryDynamoose / queryPlain)}×`);
    console.log(`  BatchGet of the turn's 4 items  dynamoose ${round1(batchDynamoose)} ms   plain ${round1(batchPlain)} ms   ${round1(batchDynamoose / batchPlain)}×`);
    console.log(`  the turn's load before (whole partition via dynamoose) ${round1(queryDynamoose)} ms, now (BatchGet, plain) ${round1(batchPlain)} ms`);

    // Throughput: concurrent clients against the express server for a bounded time each.
    const http = await listen(createServer(app), 0);
    const port = (http.address() as AddressInfo).port;
    async function throughput(tokenOf: (client: number) => string | undefined): Promise<number> {
      const until = Date.now() + SECONDS * 1000;
      let done = 0;
      let failed = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          const token = tokenOf(client);
          const conversation = newConversation(`rps${client}`, token);
          for (let turn = 0; Date.now() < until; turn++) {
            const response = await fetch(`http://127.0.0.1:${port}/google`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: new Uint8Array(googleBody(turn % 2 === 0 ? 'search' : 'read_cart', conversation)),
            });
            const body = await response.text();
            if (response.ok) {
              conversation.googleState = googleStateOf(body);
              done += 1;
            } else failed += 1;
          }
        }),
      );
      if (failed > 0) console.log(`  ${failed} requests failed`);
      return round1(done / SECONDS);
    }
    const rpsNew = await throughput(() => undefined);
    const rps10 = await throughput((client) => `rps-token-${client}`);
    await new Promise<void>((resolve) => http.close(() => resolve()));
    console.log(`\n${CLIENTS} clients, ${SECONDS} s each, search and read cart over HTTP: new shoppers ${rpsNew} req/s, 10-order shoppers ${rps10} req/s (${round1(rps10 / rpsNew)}×)`);

    console.log(
      JSON.stringify({
        orders: ORDER_COUNTS,
        p50_ms: latency.map((row) => row.p50),
        p99_ms: latency.map((row) => row.p99),
        requests_per_turn: { launch: perTurn.launch, search: perTurn.search, add: perTurn.add, read_cart: perTurn.read_cart, checkout_confirm: perTurn.checkout_confirm },
        rps_new: rpsNew,
        rps_10_orders: rps10,
      }),
    );
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

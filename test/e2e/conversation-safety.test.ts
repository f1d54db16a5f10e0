/**
 * Conversation safety (issue 9, item 8): a yes authorises exactly the question the server asked in this
 * conversation on the turn before, and nothing else. Real request shapes (raw Alexa envelopes with
 * confirmationStatus and dialogState, raw Dialogflow WebhookRequests with their contexts) against the real local
 * server over a fresh DynamoDB Local table seeded like `npm start`. Every scenario counts the orders in the table
 * (Query CUSTOMER#<id>, sort keys ORDER#) and the captured, unrefunded charges in the app's LocalPaymentGateway
 * before and after.
 */
import { randomUUID } from 'node:crypto';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeleteItemCommand, DynamoDBClient, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import dynamoose from 'dynamoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import demoCustomer from '../../skill/data/demo-customer.json';
import { createServer, listen } from '../../lambda/local/server';
import { createApp, type App } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import { quoteCart } from '../../skill/core/orders/quote';
import type { CartLine } from '../../skill/core/ports';
import type { Locale } from '../../skill/core/turn';
import { ensureTable } from '../../skill/store';
import { loadCatalogFile } from '../../skill/store/catalog-file';
import { seedDemoCustomer } from '../../skill/store/seed';
import { AlexaConversation, DialogflowConversation, dialogflowRequest, type AlexaDirective, type AlexaReply, type DialogflowReply, TEST_WEBHOOK_SECRET } from '../helpers/raw-requests';
import { uniqueTableName } from '../helpers/store';
import { linkAccessToken } from '../../skill/store/account-setup';
import { issueLinkCode } from '../../skill/store/link-code-issue';

const DEMO = 'demo-customer';
const DEMO_TOKEN = 'demo-access-token';
const ALEXA_DEMO_USER = 'amzn1.ask.account.SAFETY-DEMO-USER';
const GOOGLE_DEMO_USER = 'ABwppHGxSafetyDemoUser';
/** The drivers name Dialogflow users in payload.user.userId, which the server trusts only with the webhook secret. */
const TRUSTED_GOOGLE_USERS = { GOOGLE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, GOOGLE_TRUST_PAYLOAD_USER_ID: 'true' };

/** Demo catalog products used below. */
const BANANAS = 'p077'; // $1.29
const COFFEE = 'p001'; // $8.99
const PERFUME = 'p172'; // $139.00: one bottle is above the $100 PIN threshold

// ---------------------------------------------------------------------------------------------------------------
// What the shopper hears (en-US / de-DE), as the product's messages say it
// ---------------------------------------------------------------------------------------------------------------

const SAYS = {
  'en-US': {
    nothingPending: /^There's nothing waiting for a yes or no/,
    readBack: /Shall I place the order\?$/,
    placed: /^Done\. Your order .+ is placed/,
    alreadyPlaced: /already placed/,
    clearConfirm: /^Do you really want to remove (all \d+ items from|the one item in) your cart\?/,
    cleared: /^Your cart is now empty/,
    cartContents: /^You have \d+ items? in your cart/,
    foundOne: /^I found .+\. Shall I add it to your cart\?$/,
    foundSeveral: /^I found \d+: .+ Which one would you like\?$/,
    pinNeeded: /please say your four-digit voice PIN/,
    pinWrong: /^That PIN isn't right\. You have 2 tries left\. Please say your voice PIN\./,
    orderFailed: /^Sorry, .*(couldn't place your order|trouble)/,
    erased: /^Done\. I've deleted your cart/,
    remindersOn: /^Okay, I'll remind you when your (.+) is probably running low\./,
    remindersWhich: /^I don't remind you about lawn mower\. Which product should I stop reminding you about\?/,
    apology: /^Sorry, (I'm having trouble reaching the shop|that's taking too long)/,
  },
  'de-DE': {
    nothingPending: /^Gerade wartet nichts auf ein Ja oder Nein/,
    readBack: /Soll ich die Bestellung aufgeben\?$/,
    placed: /^Erledigt\. Deine Bestellung .+ ist aufgegeben/,
    clearConfirm: /^Möchtest du wirklich/,
    cartContents: /^In deinem Warenkorb (ist|sind)/,
    foundOne: /^Ich habe .+ gefunden\. Soll ich das in den Warenkorb legen\?$/,
    foundSeveral: /^Ich habe \d+ /,
  },
} as const;

/** Spoken words of the intents the raw requests stand for, per locale (slot values and Dialogflow queryText). */
const WORDS = {
  'en-US': { bananas: 'bananas', coffee: 'coffee', yes: 'yes', checkout: 'check out', readCart: "what's in my cart", clearCart: 'empty my cart' },
  'de-DE': { bananas: 'bananen', coffee: 'kaffee', yes: 'ja', checkout: 'zur kasse', readCart: 'was ist in meinem warenkorb', clearCart: 'leere meinen warenkorb' },
} as const;

// ---------------------------------------------------------------------------------------------------------------
// The server, the table, and what the tests count
// ---------------------------------------------------------------------------------------------------------------

let app: App;
let http: Server;
let baseUrl: string;
let tableName: string;
let endpoint: string;
let ddb: DynamoDBClient;

const extraServers: Server[] = [];

beforeAll(async () => {
  endpoint = inject('dynamoEndpoint');
  tableName = uniqueTableName('vocart-safety');
  // A short payment deadline keeps the injected gateway timeouts quick (the default is 2.5 s).
  const config = loadConfig({ TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT', ...TRUSTED_GOOGLE_USERS, PAYMENT_TIMEOUT_MS: '800' });
  app = createApp(config, { catalog: loadCatalogFile() });
  await ensureTable(app.store.client, tableName);
  // Seeded exactly as `npm start` does (lambda/local/start.ts).
  const demo = await seedDemoCustomer(tableName, demoCustomer, { now: () => new Date() }, { catalog: app.catalog, priors: app.priors });
  app.payments.registerPaymentMethod(demo.paymentMethod.id, demo.customerId);
  http = await listen(createServer(app), 0);
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  ddb = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});

afterAll(async () => {
  for (const server of [http, ...extraServers]) {
    if (!server) continue;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  ddb?.destroy();
});

/** Plain values of a DynamoDB item (enough for the attributes read here). */
function plain(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL) return null;
  if (value.L) return value.L.map(plain);
  if (value.SS) return [...value.SS];
  if (value.NS) return value.NS.map(Number);
  if (value.M) return Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, plain(v)]));
  return undefined;
}

async function partition(customerId: string, skPrefix?: string): Promise<Array<Record<string, any>>> {
  const items: Array<Record<string, any>> = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :sk)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `CUSTOMER#${customerId}` }, ...(skPrefix ? { ':sk': { S: skPrefix } } : {}) },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) items.push(Object.fromEntries(Object.entries(item).map(([k, v]) => [k, plain(v)])));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const orderHeaders = (customerId = DEMO) => partition(customerId, 'ORDER#');

interface GatewayCharge {
  chargeId: string;
  amountCents: number;
  customerId: string;
  refunded?: boolean;
  status?: string;
}

/** Charges the gateway took and did not give back (neither refunded nor in any other state than captured). */
function capturedCharges(gateway = app.payments, customerId = DEMO): GatewayCharge[] {
  return (gateway.capturedCharges() as unknown as GatewayCharge[]).filter(
    (charge) => charge.customerId === customerId && charge.refunded !== true && (charge.status === undefined || charge.status === 'succeeded'),
  );
}

interface Counts {
  orders: number;
  charges: number;
}

async function counts(customerId = DEMO, gateway = app.payments): Promise<Counts> {
  return { orders: (await orderHeaders(customerId)).length, charges: capturedCharges(gateway, customerId).length };
}

async function cart(customerId = DEMO) {
  return (await app.store.customers.load(customerId)).cart;
}

/** Puts exactly these lines in the cart (a new version, as if the shopper had changed it). */
async function setCart(lines: CartLine[], customerId = DEMO) {
  const current = await cart(customerId);
  return app.store.customers.saveCart(customerId, lines, current.version);
}

/** The total the locale's shop would charge: dollars plus sales tax, or euros with VAT included. */
function total(lines: CartLine[], locale: Locale = 'en-US'): number {
  return quoteCart(lines, app.catalog, app.policy, locale).totalCents;
}

/** What was sent and what came back, for a failing assertion's message. */
function exchange(reply: AlexaReply | DialogflowReply): string {
  const request = reply.request as any;
  const asked = request.request
    ? { intent: request.request.intent?.name ?? request.request.type, confirmationStatus: request.request.intent?.confirmationStatus, dialogState: request.request.dialogState, slots: request.request.intent?.slots, attributes: request.session?.attributes, sessionId: request.session?.sessionId }
    : { intent: request.queryResult.intent.displayName, parameters: request.queryResult.parameters, contexts: request.queryResult.outputContexts, session: request.session };
  const answered = 'directives' in reply ? { status: reply.status, speech: reply.speech, directives: reply.directives, sessionAttributes: reply.sessionAttributes } : { status: reply.status, speech: reply.speech, outputContexts: reply.outputContexts };
  return `\nrequest: ${JSON.stringify(asked)}\nresponse: ${JSON.stringify(answered)}`;
}

function expectSaid(reply: AlexaReply | DialogflowReply, pattern: RegExp): void {
  expect(reply.status, exchange(reply)).toBe(200);
  expect(reply.speech, exchange(reply)).toMatch(pattern);
}

function expectNotSaid(reply: AlexaReply | DialogflowReply, pattern: RegExp): void {
  expect(reply.speech, exchange(reply)).not.toMatch(pattern);
}

function directive(reply: AlexaReply, type: string): AlexaDirective | undefined {
  return reply.directives.find((d) => d.type === type);
}

function expectConfirmIntent(reply: AlexaReply, intent: string): void {
  const confirm = directive(reply, 'Dialog.ConfirmIntent');
  expect(confirm, `expected Dialog.ConfirmIntent for ${intent}${exchange(reply)}`).toBeDefined();
  expect(confirm!.updatedIntent?.name, exchange(reply)).toBe(intent);
}

function expectPinElicited(reply: AlexaReply): void {
  const elicit = directive(reply, 'Dialog.ElicitSlot');
  expect(elicit, `expected Dialog.ElicitSlot for the pin${exchange(reply)}`).toBeDefined();
  expect(elicit!.slotToElicit, exchange(reply)).toBe('pin');
  expect(elicit!.updatedIntent?.name, exchange(reply)).toBe('VoicePinIntent');
  expect(reply.endSession, exchange(reply)).toBe(false);
}

function hasPinContext(reply: DialogflowReply): boolean {
  return reply.outputContexts.some((context) => context.name.endsWith('/contexts/vocart-pin') && (context.lifespanCount ?? 0) > 0);
}

function expectPinContext(reply: DialogflowReply): void {
  expect(hasPinContext(reply), `expected an output context …/contexts/vocart-pin${exchange(reply)}`).toBe(true);
  expect(reply.endSession, exchange(reply)).toBe(false);
}

const alexa = (locale: Locale = 'en-US', options: { userId?: string; accessToken?: string | null; sessionId?: string } = {}) =>
  new AlexaConversation({
    baseUrl,
    locale,
    userId: options.userId ?? ALEXA_DEMO_USER,
    ...(options.accessToken === null ? {} : { accessToken: options.accessToken ?? DEMO_TOKEN }),
    ...(options.sessionId ? { sessionId: options.sessionId } : {}),
  });

const dialogflow = (locale: Locale = 'en-US', options: { userId?: string; accessToken?: string | null; conversationId?: string; base?: string } = {}) =>
  new DialogflowConversation({
    baseUrl: options.base ?? baseUrl,
    locale,
    userId: options.userId ?? GOOGLE_DEMO_USER,
    ...(options.accessToken === null ? {} : { accessToken: options.accessToken ?? DEMO_TOKEN }),
    ...(options.conversationId ? { conversationId: options.conversationId } : {}),
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Both platforms behind one small interface, so each scenario is written once: `checkout` is the read-back turn,
 * `yes` the plain yes (AMAZON.YesIntent / YesIntent), `confirmYes` the yes as the platform really sends it right after
 * the question (Alexa: the confirmed intent after a Dialog.ConfirmIntent; Dialogflow: YesIntent).
 */
type AnyReply = AlexaReply | DialogflowReply;
interface Shopper {
  platform: 'alexa' | 'google';
  checkout(): Promise<AnyReply>;
  readCart(): Promise<AnyReply>;
  clearCart(): Promise<AnyReply>;
  search(product: string): Promise<AnyReply>;
  help(): Promise<AnyReply>;
  fallback(): Promise<AnyReply>;
  yes(): Promise<AnyReply>;
  confirmYes(intent: string): Promise<AnyReply>;
  pin(pin: string): Promise<AnyReply>;
  intent(name: { alexa: string; google: string }, slots?: Record<string, string>): Promise<AnyReply>;
}

function shopperOn(platform: 'alexa' | 'google', locale: Locale, options: { userId?: string; accessToken?: string | null } = {}): Shopper & { conversation: AlexaConversation | DialogflowConversation } {
  const words = WORDS[locale];
  if (platform === 'alexa') {
    const c = alexa(locale, options);
    return {
      platform,
      conversation: c,
      checkout: () => c.intent('CheckoutIntent'),
      readCart: () => c.intent('ReadCartIntent'),
      clearCart: () => c.intent('ClearCartIntent'),
      search: (product) => c.intent('SearchProductIntent', { product }),
      help: () => c.intent('AMAZON.HelpIntent'),
      fallback: () => c.intent('AMAZON.FallbackIntent'),
      yes: () => c.yes(),
      confirmYes: (intent) => c.confirm(intent, 'CONFIRMED'),
      pin: (pin) => c.pin(pin),
      intent: (name, slots) => c.intent(name.alexa, slots),
    };
  }
  const c = dialogflow(locale, options);
  return {
    platform,
    conversation: c,
    checkout: () => c.intent('CheckoutIntent', {}, words.checkout),
    readCart: () => c.intent('ReadCartIntent', {}, words.readCart),
    clearCart: () => c.intent('ClearCartIntent', {}, words.clearCart),
    search: (product) => c.intent('SearchProductIntent', { product }, product),
    help: () => c.intent('HelpIntent', {}, 'help'),
    fallback: () => c.intent('Default Fallback Intent', {}, 'purple monkey dishwasher'),
    yes: () => c.yes(),
    confirmYes: () => c.yes(),
    // A bare "one two three four" inside the PIN question's context reaches the agent's PIN-answer intent.
    pin: (pin) => c.intent('VoicePinAnswerIntent', { pin }, pin),
    intent: (name, slots) => c.intent(name.google, slots ?? {}),
  };
}

const PLATFORMS = ['alexa', 'google'] as const;

// ---------------------------------------------------------------------------------------------------------------
// 1. A stray yes acts on nothing
// ---------------------------------------------------------------------------------------------------------------

describe.each([
  ['alexa', 'en-US'],
  ['google', 'en-US'],
  ['alexa', 'de-DE'],
  ['google', 'de-DE'],
] as const)('1. a stray yes on %s (%s)', (platform, locale) => {
  const says = SAYS[locale];
  const words = WORDS[locale];

  it('"check out" → "what\'s in my cart" → "yes" places nothing', async () => {
    await setCart([{ productId: BANANAS, quantity: 2 }]);
    const shopper = shopperOn(platform, locale);
    const before = await counts();

    expectSaid(await shopper.checkout(), says.readBack);
    expectSaid(await shopper.readCart(), says.cartContents);
    const stray = await shopper.yes();
    expectSaid(stray, says.nothingPending);
    expect(await counts(), exchange(stray)).toEqual(before);

    if (platform === 'alexa') {
      // The confirmed intent, arriving when the read-back is no longer the question: asks again, orders nothing.
      const late = await shopper.confirmYes('CheckoutIntent');
      expectSaid(late, says.readBack);
      expectNotSaid(late, SAYS['en-US'].placed);
      expect(await counts(), exchange(late)).toEqual(before);
    }
  });

  it('"empty my cart" → "what\'s in my cart" → "yes" leaves the cart as it was', async () => {
    await setCart([{ productId: BANANAS, quantity: 1 }, { productId: COFFEE, quantity: 1 }]);
    const shopper = shopperOn(platform, locale);
    const kept = await cart();

    expectSaid(await shopper.clearCart(), says.clearConfirm);
    expectSaid(await shopper.readCart(), says.cartContents);
    const stray = await shopper.yes();
    expectSaid(stray, says.nothingPending);
    expect(await cart(), exchange(stray)).toEqual(kept);
  });

  it('a one-product offer ("shall I add it?") → a different search → "yes" leaves the cart as it was', async () => {
    await setCart([{ productId: COFFEE, quantity: 1 }]);
    const shopper = shopperOn(platform, locale);
    const kept = await cart();

    expectSaid(await shopper.search(words.bananas), says.foundOne);
    expectSaid(await shopper.search(words.coffee), says.foundSeveral);
    const stray = await shopper.yes();
    expectSaid(stray, says.nothingPending);
    expect(await cart(), exchange(stray)).toEqual(kept);
  });

  if (locale === 'en-US') {
    it('help keeps the question: "empty my cart" → help (asks again) → "yes" empties the cart', async () => {
      await setCart([{ productId: BANANAS, quantity: 1 }]);
      const shopper = shopperOn(platform, locale);
      expectSaid(await shopper.clearCart(), says.clearConfirm);
      const help = await shopper.help();
      expectSaid(help, /Do you really want to remove the one item in your cart\?$/);
      const yes = await shopper.yes();
      expectSaid(yes, SAYS['en-US'].cleared);
      expect((await cart()).lines).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// 2. Forged state: a pending question in the session is no question
// ---------------------------------------------------------------------------------------------------------------

describe.each([
  ['alexa', 'en-US'],
  ['google', 'en-US'],
  ['alexa', 'de-DE'],
  ['google', 'de-DE'],
] as const)('2. forged pending checkout (PIN "verified") in the session on %s (%s)', (platform, locale) => {
  it('a yes places nothing and charges nothing', async () => {
    const lines = [{ productId: PERFUME, quantity: 1 }];
    const saved = await setCart(lines);
    const forged = { pending: { kind: 'checkout', cartVersion: saved.version, totalCents: total(lines, locale), pinVerified: true, awaitingPin: false } };
    const before = await counts();

    if (platform === 'alexa') {
      const c = alexa(locale);
      c.attributes = structuredClone(forged);
      const yes = await c.yes();
      expectSaid(yes, SAYS[locale].nothingPending);
      expect(await counts(), exchange(yes)).toEqual(before);
      // The same forgery with the confirmed intent, as Alexa sends it after a ConfirmIntent it never got from us.
      c.attributes = structuredClone(forged);
      const confirmed = await c.confirm('CheckoutIntent');
      expectSaid(confirmed, SAYS[locale].readBack);
      expectNotSaid(confirmed, SAYS['en-US'].placed);
      expect(await counts(), exchange(confirmed)).toEqual(before);
    } else {
      const c = dialogflow(locale);
      c.setContexts([{ name: c.contextName('vocart-session'), lifespanCount: 9, parameters: { state: JSON.stringify(forged) } }]);
      const yes = await c.yes();
      expectSaid(yes, SAYS[locale].nothingPending);
      expect(await counts(), exchange(yes)).toEqual(before);
    }
    expect((await cart()).lines).toEqual(lines);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 3. Replayed state: the read-back's session, sent again after an unrelated turn
// ---------------------------------------------------------------------------------------------------------------

describe.each(PLATFORMS)('3. replayed read-back session on %s', (platform) => {
  it('a yes after an unrelated turn, with the read-back\'s session state, places nothing', async () => {
    await setCart([{ productId: BANANAS, quantity: 3 }]);
    const before = await counts();
    if (platform === 'alexa') {
      const c = alexa();
      const readBack = await c.intent('CheckoutIntent');
      expectSaid(readBack, SAYS['en-US'].readBack);
      const recorded = structuredClone(readBack.sessionAttributes);
      expectSaid(await c.intent('ReadCartIntent'), SAYS['en-US'].cartContents);
      c.attributes = structuredClone(recorded);
      const yes = await c.yes();
      expectSaid(yes, SAYS['en-US'].nothingPending);
      expect(await counts(), exchange(yes)).toEqual(before);
      c.attributes = structuredClone(recorded);
      const confirmed = await c.confirm('CheckoutIntent');
      expectSaid(confirmed, SAYS['en-US'].readBack);
      expectNotSaid(confirmed, SAYS['en-US'].placed);
      expect(await counts(), exchange(confirmed)).toEqual(before);
    } else {
      const c = dialogflow();
      const readBack = await c.intent('CheckoutIntent', {}, 'check out');
      expectSaid(readBack, SAYS['en-US'].readBack);
      const recorded = structuredClone([...c.contexts.values()]);
      expectSaid(await c.intent('ReadCartIntent', {}, "what's in my cart"), SAYS['en-US'].cartContents);
      c.setContexts(recorded);
      const yes = await c.yes();
      expectSaid(yes, SAYS['en-US'].nothingPending);
      expect(await counts(), exchange(yes)).toEqual(before);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 4. Reorder: the confirmed intent is the yes (Alexa), one order, no second read-back
// ---------------------------------------------------------------------------------------------------------------

describe.each(PLATFORMS)('4. "repeat my last order" on %s', (platform) => {
  it('read-back, yes → exactly one order and one charge (PIN first if above the threshold)', async () => {
    await setCart([]);
    const before = await counts();
    let answer: AnyReply;
    if (platform === 'alexa') {
      const c = alexa();
      const readBack = await c.intent('ReorderIntent');
      expectSaid(readBack, SAYS['en-US'].readBack);
      expectConfirmIntent(readBack, 'ReorderIntent');
      expect(await counts()).toEqual(before);
      answer = await c.confirm('ReorderIntent');
      if (directive(answer, 'Dialog.ElicitSlot')) {
        expectPinElicited(answer);
        answer = await c.pin('1234');
      }
    } else {
      const c = dialogflow();
      expectSaid(await c.intent('ReorderIntent', {}, 'repeat my last order'), SAYS['en-US'].readBack);
      answer = await c.yes();
      if (hasPinContext(answer)) answer = await c.intent('VoicePinAnswerIntent', { pin: '1234' }, '1234');
    }
    expectNotSaid(answer, SAYS['en-US'].readBack);
    expectSaid(answer, SAYS['en-US'].placed);
    expect(await counts(), exchange(answer)).toEqual({ orders: before.orders + 1, charges: before.charges + 1 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 5. The voice PIN above $100
// ---------------------------------------------------------------------------------------------------------------

describe.each(PLATFORMS)('5. voice PIN on %s', (platform) => {
  it('yes → PIN asked → wrong PIN re-asks (no order) → fallback re-asks → right PIN → one order, one charge', async () => {
    await setCart([{ productId: PERFUME, quantity: 1 }]);
    expect(total([{ productId: PERFUME, quantity: 1 }])).toBeGreaterThan(app.policy.pinThresholdCents);
    const shopper = shopperOn(platform, 'en-US');
    const before = await counts();
    const expectPinAsked = (reply: AnyReply) => (platform === 'alexa' ? expectPinElicited(reply as AlexaReply) : expectPinContext(reply as DialogflowReply));

    const readBack = await shopper.checkout();
    expectSaid(readBack, SAYS['en-US'].readBack);
    if (platform === 'alexa') expectConfirmIntent(readBack as AlexaReply, 'CheckoutIntent');

    const yes = await shopper.confirmYes('CheckoutIntent');
    expectSaid(yes, SAYS['en-US'].pinNeeded);
    expectPinAsked(yes);
    expect(await counts(), exchange(yes)).toEqual(before);

    // On Dialogflow the wrong one is said as "my pin is 0000" (the agent's VoicePinIntent).
    const wrong = platform === 'alexa' ? await shopper.pin('0000') : await shopper.intent({ alexa: 'VoicePinIntent', google: 'VoicePinIntent' }, { pin: '0000' });
    expectSaid(wrong, SAYS['en-US'].pinWrong);
    expectPinAsked(wrong);
    expect(await counts(), exchange(wrong)).toEqual(before);

    const missed = await shopper.fallback();
    expectSaid(missed, /voice PIN/);
    expectPinAsked(missed);
    expect(await counts(), exchange(missed)).toEqual(before);

    const right = await shopper.pin('1234');
    expectSaid(right, SAYS['en-US'].placed);
    expect(await counts(), exchange(right)).toEqual({ orders: before.orders + 1, charges: before.charges + 1 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 6. Failing payments
// ---------------------------------------------------------------------------------------------------------------

describe.each(PLATFORMS)('6. failing payments on %s', (platform) => {
  it('a gateway timeout: apology, no order, no captured charge; then a clean retry: one order backed by one captured charge', async () => {
    const lines = [{ productId: BANANAS, quantity: 1 }, { productId: COFFEE, quantity: 2 }];
    await setCart(lines);
    const before = await counts();
    const headersBefore = new Set((await orderHeaders()).map((item) => item.sk));
    const chargesBefore = new Set(capturedCharges().map((charge) => charge.chargeId));

    app.payments.failure = 'timeout';
    try {
      const shopper = shopperOn(platform, 'en-US');
      expectSaid(await shopper.checkout(), SAYS['en-US'].readBack);
      const failed = await shopper.confirmYes('CheckoutIntent');
      expectSaid(failed, SAYS['en-US'].orderFailed);
      expect(await counts(), exchange(failed)).toEqual(before);
      expect((await cart()).lines, exchange(failed)).toEqual(lines);
    } finally {
      app.payments.failure = 'none';
    }

    const shopper = shopperOn(platform, 'en-US');
    expectSaid(await shopper.checkout(), SAYS['en-US'].readBack);
    const placed = await shopper.confirmYes('CheckoutIntent');
    expectSaid(placed, SAYS['en-US'].placed);
    const after = await counts();
    const newOrders = (await orderHeaders()).filter((item) => !headersBefore.has(item.sk));
    const newCharges = capturedCharges().filter((charge) => !chargesBefore.has(charge.chargeId));
    const detail = `${exchange(placed)}\nnew orders: ${JSON.stringify(newOrders)}\nall charges: ${JSON.stringify(app.payments.allCharges())}`;
    expect(after, detail).toEqual({ orders: before.orders + 1, charges: before.charges + 1 });
    expect(newOrders, detail).toHaveLength(1);
    expect(newCharges, detail).toHaveLength(1);
    expect(newOrders[0]!.chargeId, detail).toBe(newCharges[0]!.chargeId);
    expect(newCharges[0]!.amountCents, detail).toBe(newOrders[0]!.totalCents);
    expect(newOrders[0]!.totalCents, detail).toBe(total(lines));
  });
});

describe('6b. a payment slower than its deadline (PAYMENT_LATENCY_MS 1500 > PAYMENT_TIMEOUT_MS 500)', () => {
  let slowApp: App;
  let slowUrl: string;

  beforeAll(async () => {
    const config = loadConfig({ TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT', ...TRUSTED_GOOGLE_USERS, PAYMENT_LATENCY_MS: '1500', PAYMENT_TIMEOUT_MS: '500' });
    slowApp = createApp(config, { catalog: app.catalog });
    // dynamoose holds one client per process: keep the main app's (same database, same settings).
    dynamoose.aws.ddb.set(app.store.client);
    slowApp.payments.registerPaymentMethod(demoCustomer.paymentMethod.id, DEMO);
    const server = await listen(createServer(slowApp), 0);
    extraServers.push(server);
    slowUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  it.each(PLATFORMS)('on %s: apology, and after the late charge lands no captured charge and no order remain', async (platform) => {
    const lines = [{ productId: COFFEE, quantity: 1 }];
    await setCart(lines);
    const before = await counts(DEMO, slowApp.payments);
    let failed: AnyReply;
    if (platform === 'alexa') {
      const c = new AlexaConversation({ baseUrl: slowUrl, locale: 'en-US', userId: ALEXA_DEMO_USER, accessToken: DEMO_TOKEN });
      expectSaid(await c.intent('CheckoutIntent'), SAYS['en-US'].readBack);
      failed = await c.confirm('CheckoutIntent');
    } else {
      const c = dialogflow('en-US', { base: slowUrl });
      expectSaid(await c.intent('CheckoutIntent', {}, 'check out'), SAYS['en-US'].readBack);
      failed = await c.yes();
    }
    expectSaid(failed, SAYS['en-US'].orderFailed);
    // The gateway finishes its 1.5 s of work after our 0.5 s deadline: whatever it took must not stay taken.
    await sleep(1700);
    const after = await counts(DEMO, slowApp.payments);
    expect(after, `${exchange(failed)}\ncharges: ${JSON.stringify(slowApp.payments.allCharges())}`).toEqual(before);
    expect((await cart()).lines).toEqual(lines);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 7. Erasure covers the identity used before linking, and does not block a later order
// ---------------------------------------------------------------------------------------------------------------

describe.each(PLATFORMS)('7. "delete my data" on %s', (platform) => {
  const customerId = `erase-${platform}-customer`;
  const token = `erase-${platform}-access-token`;
  const paymentMethod = { ...demoCustomer.paymentMethod, id: `pm_erase_${platform}` };
  const userId = platform === 'alexa' ? 'amzn1.ask.account.SAFETY-ERASE-X' : 'ABwppHGxSafetyEraseUserX';
  const unlinkedId = `${platform}:${userId}`;

  const provision = async () => {
    // A merchant account with address, card and PIN (and no past orders), as the demo seed makes one.
    await seedDemoCustomer(tableName, { ...demoCustomer, customerId, accessToken: token, paymentMethod, orders: [] }, { now: () => new Date() });
    app.payments.registerPaymentMethod(paymentMethod.id, customerId);
  };

  const shopper = (linked: boolean) => shopperOn(platform, 'en-US', { userId, accessToken: linked ? token : null });
  const addBananas = (s: Shopper) => s.intent({ alexa: 'AddToCartIntent', google: 'AddToCartIntent' }, { product: 'bananas' });

  it('erases the pre-linking partition too, and a new cart afterwards is a new order (not "already placed")', async () => {
    await provision();

    // Before linking: the platform user's own partition gets a cart (and the first contact says vocart is a bot).
    expectSaid(await addBananas(shopper(false)), /^I'm vocart, an automated shopping assistant, not a person\. Added Bananas/);
    expect((await partition(unlinkedId)).length).toBeGreaterThan(0);

    // Linked: an order, then "delete my data".
    // (The bananas added before linking join the account's cart on the first linked turn, which says so.)
    const linked = shopper(true);
    expectSaid(await addBananas(linked), /^I've added the item from your cart before you linked to your account's cart\. Added Bananas/);
    expectSaid(await linked.checkout(), SAYS['en-US'].readBack);
    expectSaid(await linked.confirmYes('CheckoutIntent'), SAYS['en-US'].placed);
    expect(await counts(customerId)).toEqual({ orders: 1, charges: 1 });
    const [first] = await orderHeaders(customerId);

    const ask = await linked.intent({ alexa: 'DeleteMyDataIntent', google: 'DeleteMyDataIntent' });
    expectSaid(ask, /Do you want me to delete your data\?$/);
    if (platform === 'alexa') expectConfirmIntent(ask as AlexaReply, 'DeleteMyDataIntent');
    const erased = await linked.confirmYes('DeleteMyDataIntent');
    expectSaid(erased, SAYS['en-US'].erased);

    const leftUnlinked = await partition(unlinkedId);
    expect(leftUnlinked, `${exchange(erased)}\nleft in CUSTOMER#${unlinkedId}: ${JSON.stringify(leftUnlinked.map((item) => item.sk))}`).toEqual([]);
    const leftLinked = (await partition(customerId)).map((item) => String(item.sk));
    expect(
      leftLinked.filter((sk) => !sk.startsWith('ORDER#') && !sk.startsWith('LINE#') && !sk.startsWith('IDEM#')),
      `${exchange(erased)}\nleft in CUSTOMER#${customerId}: ${JSON.stringify(leftLinked)}`,
    ).toEqual([]);

    // The shopper adds address and card again (account settings), fills a new cart with the same item, checks out.
    await provision();
    const again = shopper(true);
    expectSaid(await addBananas(again), /^Added Bananas/);
    expectSaid(await again.checkout(), SAYS['en-US'].readBack);
    const placed = await again.confirmYes('CheckoutIntent');
    expectNotSaid(placed, SAYS['en-US'].alreadyPlaced);
    expectSaid(placed, SAYS['en-US'].placed);
    const orders = await orderHeaders(customerId);
    const detail = `${exchange(placed)}\norders: ${JSON.stringify(orders)}\ncharges: ${JSON.stringify(app.payments.allCharges().filter((charge) => charge.customerId === customerId))}`;
    expect(await counts(customerId), detail).toEqual({ orders: 2, charges: 2 });
    const second = orders.find((order) => order.sk !== first!.sk)!;
    expect(second.orderId, detail).not.toBe(first!.orderId);
    expect(second.chargeId, detail).not.toBe(first!.chargeId);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 8. Consent for exactly the product named
// ---------------------------------------------------------------------------------------------------------------

describe.each(PLATFORMS)('8. reminder consent on %s', (platform) => {
  const consentItem = async () => (await partition(DEMO, 'CONSENT#reminders'))[0];

  it('"remind me about my coffee" covers just that product; "stop reminding me about lawn mower" withdraws nothing', async () => {
    await ddb.send(new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: `CUSTOMER#${DEMO}` }, sk: { S: 'CONSENT#reminders' } } }));
    const grant = await shopperOn(platform, 'en-US').intent({ alexa: 'EnableRemindersIntent', google: 'EnableRemindersIntent' }, { product: 'coffee' });
    expectSaid(grant, SAYS['en-US'].remindersOn);
    const named = SAYS['en-US'].remindersOn.exec(grant.speech)![1]!;

    const granted = await consentItem();
    expect(granted, exchange(grant)).toBeDefined();
    expect(granted!.granted, JSON.stringify(granted)).toBe(true);
    expect(granted!.onlyProducts, JSON.stringify(granted)).toHaveLength(1);
    const productId = String(granted!.onlyProducts[0]);
    const product = app.catalog.get(productId)!;
    expect(product.names['en-US'], JSON.stringify(granted)).toBe(named);
    expect(product.aisleId, JSON.stringify(granted)).toBe('coffee');

    const stop = await shopperOn(platform, 'en-US').intent({ alexa: 'StopRemindersIntent', google: 'StopRemindersIntent' }, { product: 'lawn mower' });
    expectSaid(stop, SAYS['en-US'].remindersWhich);
    expect(stop.endSession, exchange(stop)).toBe(false);
    const after = await consentItem();
    expect(after!.granted, JSON.stringify(after)).toBe(true);
    expect(after!.onlyProducts, JSON.stringify(after)).toEqual([productId]);
    expect(after!.history, JSON.stringify(after)).toHaveLength(granted!.history.length);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 9. A question belongs to its conversation
// ---------------------------------------------------------------------------------------------------------------

describe.each(PLATFORMS)('9. cross-conversation yes on %s', (platform) => {
  it('the read-back asked in conversation A is not answered by a yes in conversation B', async () => {
    await setCart([{ productId: BANANAS, quantity: 4 }]);
    const a = shopperOn(platform, 'en-US');
    const b = shopperOn(platform, 'en-US');
    const before = await counts();

    expectSaid(await a.checkout(), SAYS['en-US'].readBack);
    const yesInB = await b.yes();
    expectSaid(yesInB, SAYS['en-US'].nothingPending);
    expect(await counts(), exchange(yesInB)).toEqual(before);
    if (platform === 'alexa') {
      const confirmedInB = await b.confirmYes('CheckoutIntent');
      expectSaid(confirmedInB, SAYS['en-US'].readBack);
      expectNotSaid(confirmedInB, SAYS['en-US'].placed);
      expect(await counts(), exchange(confirmedInB)).toEqual(before);
    }

    // Conversation A's very next turn still answers A's question.
    const yesInA = await a.confirmYes('CheckoutIntent');
    expectSaid(yesInA, SAYS['en-US'].placed);
    expect(await counts(), exchange(yesInA)).toEqual({ orders: before.orders + 1, charges: before.charges + 1 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 9b. An unsure yes: Dialogflow says how sure it was (Alexa says nothing, so there a yes is as sure as the platform)
// ---------------------------------------------------------------------------------------------------------------

describe.each(['en-US', 'de-DE'] as const)('9b. a yes Dialogflow was unsure of, at the read-back (%s)', (locale) => {
  it('places nothing and asks again; the sure yes that follows places one order with one charge', async () => {
    await setCart([{ productId: BANANAS, quantity: 4 }]);
    const c = dialogflow(locale);
    const before = await counts();
    expectSaid(await c.intent('CheckoutIntent', {}, WORDS[locale].checkout), SAYS[locale].readBack);

    // Below HANDOFF_MIN_CONFIDENCE (0.5 by default): when in doubt, ask again, and do nothing.
    const unsure = await c.yes(0.3);
    expectSaid(unsure, locale === 'de-DE' ? /^Ich bin nicht sicher, ob ich dich richtig verstanden habe\./ : /^I'm not sure I heard that right\./);
    expectSaid(unsure, SAYS[locale].readBack);
    expect(await counts(), exchange(unsure)).toEqual(before);

    const sure = await c.yes();
    expectSaid(sure, SAYS[locale].placed);
    expect(await counts(), exchange(sure)).toEqual({ orders: before.orders + 1, charges: before.charges + 1 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 10. Deadlines: a database that does not answer
// ---------------------------------------------------------------------------------------------------------------

describe('10. a database that does not answer (DYNAMODB_TIMEOUT_MS 300)', () => {
  let blackHole: TcpServer;
  const sockets = new Set<Socket>();
  let slowApp: App;
  let slowUrl: string;

  beforeAll(async () => {
    // Accepts connections and never answers: every DynamoDB call runs into its deadline.
    blackHole = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const holeEndpoint = `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}`;
    const config = loadConfig({ TABLE_NAME: tableName, DYNAMODB_ENDPOINT: holeEndpoint, DYNAMODB_TIMEOUT_MS: '300', ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT', ...TRUSTED_GOOGLE_USERS });
    slowApp = createApp(config, { catalog: app.catalog });
    // dynamoose holds one client per process (createApp just replaced it): the slow one is used for one turn only.
    dynamoose.aws.ddb.set(app.store.client);
    const server = await listen(createServer(slowApp), 0);
    extraServers.push(server);
    slowUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    dynamoose.aws.ddb.set(app.store.client);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => blackHole?.close(() => resolve()));
  });

  it('the Dialogflow turn answers within 4 s with an apology and the cart intact', async () => {
    await setCart([{ productId: COFFEE, quantity: 1 }]);
    const kept = await cart();
    const c = dialogflow('en-US', { base: slowUrl });
    dynamoose.aws.ddb.set(slowApp.store.client);
    const started = Date.now();
    let reply: DialogflowReply;
    try {
      reply = await c.intent('AddToCartIntent', { product: 'bananas' }, 'add bananas to my cart');
    } finally {
      dynamoose.aws.ddb.set(app.store.client);
    }
    const elapsed = Date.now() - started;
    expectSaid(reply, SAYS['en-US'].apology);
    expect(elapsed, exchange(reply)).toBeLessThan(4500);
    expect(reply.endSession, exchange(reply)).toBe(false);
    expect(await cart(), exchange(reply)).toEqual(kept);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// One shopper across channels (issue 12, item 5): the same raw requests, for identity instead of consent
// ---------------------------------------------------------------------------------------------------------------

describe('one shopper across channels', () => {
  const DISCLOSURE = {
    'en-US': /^I'm vocart, an automated shopping assistant, not a person\. /,
    'de-DE': /^Ich bin vocart, ein automatischer Einkaufsassistent, kein Mensch\. /,
  } as const;
  const CARRIED = /^I've added the 3 items from your cart before you linked to your account's cart\. /;
  const LINKED = /^Thanks, your vocart account is linked here now\./;
  const CODE_EXPLAINED = /get a six-digit link code, and tell me: my link code is/;
  const unique = () => randomUUID().slice(0, 8);

  /** An account of its own with an access token, greeted before, holding one bunch of bananas. */
  async function account(): Promise<{ customerId: string; token: string }> {
    const customerId = `merchant-${unique()}`;
    const token = `token-${unique()}`;
    await linkAccessToken(app.store.accounts, token, customerId);
    await app.store.customers.saveProfile({ customerId, firstContactAt: new Date().toISOString(), locale: 'en-US' });
    await app.store.customers.saveCart(customerId, [{ productId: BANANAS, quantity: 1 }], 0);
    return { customerId, token };
  }

  /** A cart filled before linking, as the platform user. */
  const guestCart = (identity: string) => setCart([{ productId: BANANAS, quantity: 2 }, { productId: COFFEE, quantity: 1 }], identity);

  /**
   * A Dialogflow integration without the Assistant: Dialogflow Messenger (a web chat) or a phone gateway, which send
   * no Assistant payload, only their source. `userId` is what an authenticated integration passes for its user.
   */
  function textChannel(source: 'DIALOGFLOW_MESSENGER' | 'GOOGLE_TELEPHONY', userId?: string) {
    const conversation = new DialogflowConversation({ baseUrl, locale: 'en-US', ...(userId ? { userId } : {}) });
    const send = async (displayName: string, parameters?: Record<string, unknown>, queryText?: string): Promise<DialogflowReply> => {
      const request = dialogflowRequest({ locale: 'en-US', session: conversation.session, displayName, ...(parameters ? { parameters } : {}), ...(queryText ? { queryText } : {}), contexts: [...conversation.contexts.values()] });
      request.originalDetectIntentRequest = { source, payload: userId ? { user: { userId } } : {} };
      const response = await fetch(`${baseUrl}/google`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-vocart-webhook-secret': TEST_WEBHOOK_SECRET }, body: JSON.stringify(request) });
      const json = (await response.json()) as any;
      conversation.setContexts((json.outputContexts ?? []).filter((context: any) => (context.lifespanCount ?? 0) > 0));
      const speech = String(json.fulfillmentText ?? '');
      // Whether the conversation stays open: the session context is kept (Dialogflow clears it when vocart ends the session).
      const open = (json.outputContexts ?? []).some((context: any) => context.name.endsWith('/contexts/vocart-session') && (context.lifespanCount ?? 0) > 0);
      return { status: response.status, speech, endSession: !open, outputContexts: json.outputContexts ?? [], request, raw: json };
    };
    return { conversation, send };
  }

  it('says it is an automated assistant on a one-shot first request ("ask vocart to add oat milk"), on both platforms, and only then', async () => {
    const alexaUser = `amzn1.ask.account.ONESHOT-${unique()}`;
    const first = await alexa('en-US', { userId: alexaUser, accessToken: null }).intent('AddToCartIntent', { product: 'oat milk' });
    expectSaid(first, DISCLOSURE['en-US']);
    expectNotSaid(await alexa('en-US', { userId: alexaUser, accessToken: null }).intent('AddToCartIntent', { product: 'oat milk' }), /automated/);
    const googleUser = `oneshot-${unique()}`;
    const firstGoogle = await dialogflow('en-US', { userId: googleUser, accessToken: null }).intent('AddToCartIntent', { product: 'oat milk' }, 'add oat milk');
    expectSaid(firstGoogle, DISCLOSURE['en-US']);
    expectNotSaid(await dialogflow('en-US', { userId: googleUser, accessToken: null }).intent('AddToCartIntent', { product: 'oat milk' }, 'add oat milk'), /automated/);
    expectSaid(await alexa('de-DE', { userId: `amzn1.ask.account.ONESHOT-${unique()}`, accessToken: null }).intent('AddToCartIntent', { product: 'hafermilch' }), DISCLOSURE['de-DE']);
    expectSaid(await dialogflow('de-DE', { userId: `oneshot-${unique()}`, accessToken: null }).intent('AddToCartIntent', { product: 'hafermilch' }, 'füge hafermilch hinzu'), DISCLOSURE['de-DE']);
  });

  it('Alexa: the cart filled before linking joins the account cart on the first linked turn, once, said once', async () => {
    const { customerId, token } = await account();
    const userId = `amzn1.ask.account.CARRY-${unique()}`;
    await guestCart(`alexa:${userId}`);
    const linked = await alexa('en-US', { userId, accessToken: token }).intent('ReadCartIntent');
    expectSaid(linked, CARRIED);
    expect((await cart(customerId)).lines).toEqual([{ productId: BANANAS, quantity: 3 }, { productId: COFFEE, quantity: 1 }]);
    expect((await cart(`alexa:${userId}`)).lines).toEqual([]);
    // The same shopper on a second device, or the next turn: nothing merged twice, nothing said twice.
    const again = await alexa('en-US', { userId, accessToken: token }).intent('ReadCartIntent');
    expectNotSaid(again, /before you linked/);
    expect((await cart(customerId)).lines).toEqual([{ productId: BANANAS, quantity: 3 }, { productId: COFFEE, quantity: 1 }]);
  });

  it('Dialogflow with a linked token: the same carry-over, once', async () => {
    const { customerId, token } = await account();
    const userId = `carry-${unique()}`;
    await guestCart(`google:${userId}`);
    expectSaid(await dialogflow('en-US', { userId, accessToken: token }).intent('ReadCartIntent', undefined, "what's in my cart"), CARRIED);
    expectNotSaid(await dialogflow('en-US', { userId, accessToken: token }).intent('ReadCartIntent', undefined, "what's in my cart"), /before you linked/);
    expect((await cart(customerId)).lines).toEqual([{ productId: BANANAS, quantity: 3 }, { productId: COFFEE, quantity: 1 }]);
  });

  it('Dialogflow Messenger: checkout explains the link code instead of a card in an app, the code links the chat with its cart, and a new chat of the same user keeps that cart', async () => {
    const { customerId } = await account();
    const userId = `messenger-${unique()}`;
    const chat = textChannel('DIALOGFLOW_MESSENGER', userId);
    await guestCart(`google:${userId}`);
    const checkout = await chat.send('CheckoutIntent', undefined, 'check out');
    expectSaid(checkout, CODE_EXPLAINED);
    expectNotSaid(checkout, /\bapp\b/i);
    expect(checkout.endSession, exchange(checkout)).toBe(false);
    expect(JSON.stringify(checkout.raw.fulfillmentMessages), exchange(checkout)).not.toMatch(/Link your account/);
    const { code } = await issueLinkCode(app.store.linkCodes, customerId);
    const linked = await chat.send('LinkAccountIntent', { code }, `my link code is ${code.split('').join(' ')}`);
    expectSaid(linked, LINKED);
    expect(linked.speech).toMatch(/I've added the 3 items from your cart before you linked/);
    expect(JSON.stringify(linked.raw)).not.toContain(code);
    expect((await cart(customerId)).lines).toEqual([{ productId: BANANAS, quantity: 3 }, { productId: COFFEE, quantity: 1 }]);
    // A new chat of the same (trusted) user starts with the account's cart, not an empty one.
    const nextChat = textChannel('DIALOGFLOW_MESSENGER', userId);
    expectSaid(await nextChat.send('ReadCartIntent', undefined, "what's in my cart"), /^You have 4 items in your cart/);
    // The code worked once: another chat saying it again links nothing.
    const other = textChannel('DIALOGFLOW_MESSENGER', `messenger-${unique()}`);
    // (A first contact for that chat: the disclosure comes first.)
    expectSaid(await other.send('LinkAccountIntent', { code }, `link code ${code}`), /That code doesn't match a valid link code/);
  });

  it('a new chat of a known Dialogflow user (a trusted user id) finds the cart of the last one, linked or not', async () => {
    const userId = `returning-${unique()}`;
    const first = textChannel('DIALOGFLOW_MESSENGER', userId);
    await first.send('AddToCartIntent', { product: 'bananas' }, 'add bananas');
    expect((await cart(`google:${userId}`)).lines, 'the first chat filled the cart of the user, not of the chat').toEqual([{ productId: BANANAS, quantity: 1 }]);
    expectSaid(await textChannel('DIALOGFLOW_MESSENGER', userId).send('ReadCartIntent', undefined, "what's in my cart"), /^You have 1 item in your cart/);
    // Without a trusted user id Dialogflow names only the conversation: a new chat is a new shopper.
    const anonymous = textChannel('DIALOGFLOW_MESSENGER');
    await anonymous.send('AddToCartIntent', { product: 'bananas' }, 'add bananas');
    expectNotSaid(await textChannel('DIALOGFLOW_MESSENGER').send('ReadCartIntent', undefined, "what's in my cart"), /You have 1 item/);
  });

  it('phone: checkout keeps the call open with the code, and "my code is …" (heard as a PIN) links the caller to the account that can order', async () => {
    const call = textChannel('GOOGLE_TELEPHONY');
    await call.send('AddToCartIntent', { product: 'bananas' }, 'add bananas');
    const checkout = await call.send('CheckoutIntent', undefined, 'check out');
    expectSaid(checkout, CODE_EXPLAINED);
    expect(checkout.endSession, exchange(checkout)).toBe(false);
    const { code } = await issueLinkCode(app.store.linkCodes, DEMO);
    expectSaid(await call.send('VoicePinIntent', { pin: code }, `my code is ${code.split('').join(' ')}`), LINKED);
    expectSaid(await call.send('CheckoutIntent', undefined, 'check out'), SAYS['en-US'].readBack);
  });

  it('Alexa keeps its linking card: an unlinked checkout still points to the Alexa app', async () => {
    const reply = await alexa('en-US', { userId: `amzn1.ask.account.CARD-${unique()}`, accessToken: null }).intent('CheckoutIntent');
    expectSaid(reply, /sent a card to your app/);
    expect(reply.raw.response.card?.type, exchange(reply)).toBe('LinkAccount');
  });
});

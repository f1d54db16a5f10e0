/**
 * virtual-google-assistant drives the generated Dialogflow ES agent against the real express server
 * (POST /google) over the real app and DynamoDB Local, in English and German.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, listen } from '../../lambda/local/server';
import { createApp } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import { parseProductsJson } from '../../skill/core/catalog/catalog-loader';
import { buildVoiceCatalog } from '../../skill/core/catalog/build/catalog-builder';
import { ensureTable } from '../../skill/store';
import { defaultCatalogIndexPath, loadCatalogFile } from '../../skill/store/catalog-file';
import { createGoogleDriver, WebhookCallError } from '../helpers/google-driver';
import { CHOICE_SCRIPTS } from '../helpers/choice-script';
import { uniqueTableName } from '../helpers/store';

const SECRET = 'e2e-shared-secret-0123456789';

function demoCatalog() {
  if (existsSync(defaultCatalogIndexPath())) return loadCatalogFile();
  return buildVoiceCatalog(parseProductsJson(readFileSync(new URL('../../skill/data/demo-catalog.json', import.meta.url), 'utf8')));
}

let http: Server;
let baseUrl: string;

beforeAll(async () => {
  const config = loadConfig({
    TABLE_NAME: uniqueTableName('vocart-google-e2e'),
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    GOOGLE_WEBHOOK_SECRET: SECRET,
    // The driver plays an authenticated integration that names its users in payload.user.userId.
    GOOGLE_TRUST_PAYLOAD_USER_ID: 'true',
    LOG_LEVEL: 'SILENT',
  });
  const app = createApp(config, { catalog: demoCatalog() });
  await ensureTable(app.store.client, config.TABLE_NAME);
  http = await listen(createServer(app), 0);
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

const SCRIPTS = {
  'en-US': {
    welcome: /automated/i,
    search: 'search for oat milk',
    searchAnswer: /oat milk/i,
    // A price as the locale's shop says it: dollars in en-US, euros in de-DE, and never the other.
    price: /^(?!.*€).*\$\d+\.\d{2}/s,
    add: 'add two bananas to my cart',
    addAnswer: /banana/i,
    read: "what's on my list",
    readAnswer: /banana/i,
    help: 'help',
    helpAnswer: /search|find/i,
    stop: 'stop',
  },
  'de-DE': {
    welcome: /automatisch/i,
    search: 'such bananen',
    searchAnswer: /banane/i,
    price: /^(?!.*\$).*\d+,\d{2} €/s,
    add: 'leg zwei bananen in den warenkorb',
    addAnswer: /banane/i,
    read: 'was ist in meinem warenkorb',
    readAnswer: /banane/i,
    help: 'hilfe',
    helpAnswer: /such|find/i,
    stop: 'stopp',
  },
} as const;

describe.each(Object.entries(SCRIPTS))('Dialogflow agent %s', (locale, script) => {
  it('welcomes, searches, adds, reads the list, helps and stops', async () => {
    const driver = createGoogleDriver({ baseUrl, locale: locale as 'en-US' | 'de-DE', userId: `google-e2e-${locale}`, secret: SECRET });

    const welcome = await driver.launch();
    expect(welcome.speech).toMatch(script.welcome);
    expect(welcome.endSession).toBe(false);
    expect(driver.lastRequest.queryResult.languageCode).toBe(locale === 'de-DE' ? 'de' : 'en');

    const search = await driver.say(script.search);
    expect(driver.lastRequest.queryResult.intent.displayName).toBe('SearchProductIntent');
    expect(search.speech).toMatch(script.searchAnswer);
    expect(search.speech).toMatch(script.price);
    expect(search.endSession).toBe(false);
    // The session state rides in the output context into the next request.
    const sessionContext = search.raw.outputContexts.find((context: any) => context.name.endsWith('/contexts/vocart-session'));
    expect(sessionContext.lifespanCount).toBeGreaterThan(0);
    expect(Object.keys(JSON.parse(sessionContext.parameters.state)).length).toBeGreaterThan(0);

    const add = await driver.say(script.add);
    expect(driver.lastRequest.queryResult.intent.displayName).toBe('AddToCartIntent');
    expect(driver.lastRequest.queryResult.parameters.quantity).toBe(2);
    expect(driver.lastRequest.queryResult.outputContexts.map((context: any) => context.name)).toContain(sessionContext.name);
    expect(add.speech).toMatch(script.addAnswer);
    expect(add.raw.fulfillmentText).toBe(add.speech);

    const read = await driver.say(script.read);
    expect(driver.lastRequest.queryResult.intent.displayName).toBe('ReadCartIntent');
    expect(read.speech).toMatch(script.readAnswer);

    const help = await driver.say(script.help);
    expect(help.speech).toMatch(script.helpAnswer);
    expect(help.endSession).toBe(false);

    const stop = await driver.say(script.stop);
    expect(stop.endSession).toBe(true);
    expect(stop.raw.payload.google.expectUserResponse).toBe(false);
    expect(stop.raw.outputContexts).toEqual([expect.objectContaining({ lifespanCount: 0 })]);

    // The cart outlives the session: a new conversation by the same user still has the bananas.
    await driver.launch();
    const again = await driver.say(script.read);
    expect(again.speech).toMatch(script.readAnswer);
  });
});

const EDITS = {
  'en-US': {
    add: ['add milk', 'add two bananas to my cart'],
    remove: 'remove bananas from my cart',
    removed: /removed/i,
    clear: 'clear my cart',
    confirm: /really/i,
    yes: 'yes',
    cleared: /empty/i,
  },
  'de-DE': {
    add: ['leg milch in den warenkorb', 'leg zwei bananen in den warenkorb'],
    remove: 'nimm bananen aus dem warenkorb',
    removed: /entfernt/i,
    clear: 'leere den warenkorb',
    confirm: /wirklich/i,
    yes: 'ja',
    cleared: /leer/i,
  },
} as const;

describe.each(Object.entries(EDITS))('Dialogflow agent %s cart edits', (locale, script) => {
  it('removes an item, and clears the cart only after a yes', async () => {
    const driver = createGoogleDriver({ baseUrl, locale: locale as 'en-US' | 'de-DE', userId: `google-e2e-edits-${locale}`, secret: SECRET });
    await driver.launch();
    for (const utterance of script.add) await driver.say(utterance);
    const removed = await driver.say(script.remove);
    expect(driver.lastRequest.queryResult.intent.displayName).toBe('RemoveFromCartIntent');
    expect(removed.speech).toMatch(script.removed);
    const confirm = await driver.say(script.clear);
    expect(driver.lastRequest.queryResult.intent.displayName).toBe('ClearCartIntent');
    expect(confirm.speech).toMatch(script.confirm);
    const cleared = await driver.say(script.yes);
    expect(driver.lastRequest.queryResult.intent.displayName).toBe('YesIntent');
    expect(cleared.speech).toMatch(script.cleared);
  });
});

describe('Dialogflow webhook edge through the agent', () => {
  it('answers an utterance the agent does not know with the fallback, not with a random intent', async () => {
    const driver = createGoogleDriver({ baseUrl, locale: 'en-US', secret: SECRET });
    await driver.launch();
    const reply = await driver.say('sing me the national anthem backwards');
    expect(driver.lastRequest.queryResult.intent.displayName).toBe('Default Fallback Intent');
    expect(reply.endSession).toBe(false);
    expect(reply.speech.length).toBeGreaterThan(0);
  });

  it('refuses a request without the shared secret', async () => {
    const driver = createGoogleDriver({ baseUrl, locale: 'en-US' });
    const failure = await driver.launch().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WebhookCallError);
    expect((failure as WebhookCallError).status).toBe(401);
  });

  it('serves Dialogflow Messenger with generic messages and a screen', async () => {
    const driver = createGoogleDriver({ baseUrl, locale: 'en-US', secret: SECRET, source: 'DIALOGFLOW_MESSENGER' });
    await driver.launch();
    const search = await driver.say('search for bananas');
    expect(search.raw.fulfillmentMessages[0].text.text[0]).toBe(search.raw.fulfillmentText);
    expect(search.raw.fulfillmentMessages.some((message: any) => message.card || message.payload?.richContent)).toBe(true);
  });
});

describe.each(['en-US', 'de-DE'] as const)('Dialogflow agent: choosing from the results in %s', (locale) => {
  const script = CHOICE_SCRIPTS[locale];

  it.each(script.choices)('"$say" picks by what it means', async (step) => {
    const driver = createGoogleDriver({ baseUrl, locale, userId: `google-e2e-choices-${locale}`, secret: SECRET });
    await driver.launch();
    await driver.say(script.search);
    const reply = await driver.say(step.say);
    expect(driver.lastRequest.queryResult.intent.displayName).toBe('SelectItemIntent');
    expect(reply.speech).toMatch(step.expect);
  });

  it(`"${script.more.say}" reads the next results`, async () => {
    const driver = createGoogleDriver({ baseUrl, locale, userId: `google-e2e-choices-${locale}`, secret: SECRET });
    await driver.launch();
    await driver.say(script.search);
    const reply = await driver.say(script.more.say);
    expect(driver.lastRequest.queryResult.intent.displayName).toBe('MoreIntent');
    expect(reply.speech).toMatch(script.more.expect);
  });
});

/** Issue 12, "Words the shop should know": everyday words, and a list as a recogniser writes it (no commas). */
const EVERYDAY = {
  'en-US': {
    mince: 'add hamburger meat to my cart',
    list: 'add eggs milk and bread to my cart',
    read: "what's on my list",
    minceInCart: /ground beef/i,
    listInCart: [/eggs/i, /milk/i, /bread/i],
    tomatoes: /tomato/i,
  },
  'de-DE': {
    mince: 'leg hackfleisch in den warenkorb',
    list: 'leg eier milch und brot in den warenkorb',
    read: 'was ist in meinem warenkorb',
    minceInCart: /rinderhackfleisch/i,
    listInCart: [/eier/i, /milch/i, /brot/i],
    tomatoes: /tomate/i,
  },
} as const;

describe.each(['en-US', 'de-DE'] as const)('Dialogflow agent: everyday words in %s', (locale) => {
  const script = EVERYDAY[locale];

  it(`"${script.mince}" puts ground beef in the cart, never chopped tomatoes`, async () => {
    const driver = createGoogleDriver({ baseUrl, locale, userId: `google-e2e-mince-${locale}-${Date.now()}`, secret: SECRET });
    await driver.launch();
    await driver.say(script.mince);
    const cart = await driver.say(script.read);
    expect(cart.speech).toMatch(script.minceInCart);
    expect(cart.speech).not.toMatch(script.tomatoes);
  });

  it(`"${script.list}" adds three items`, async () => {
    const driver = createGoogleDriver({ baseUrl, locale, userId: `google-e2e-list-${locale}-${Date.now()}`, secret: SECRET });
    await driver.launch();
    const added = await driver.say(script.list);
    for (const item of script.listInCart) expect(added.speech).toMatch(item);
    const cart = await driver.say(script.read);
    for (const item of script.listInCart) expect(cart.speech).toMatch(item);
  });
});

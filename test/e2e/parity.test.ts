/**
 * One conversation script, two platforms, two locales: search → add → read → remove → add → clear (with a yes).
 * virtual-alexa drives the generated Alexa model and virtual-google-assistant the Dialogflow agent against the
 * same running server. Because the core decides everything, every step must say exactly the same words on both.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../lambda/local/demo-data';
import { createServer, listen } from '../../lambda/local/server';
import { createApp, type App } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import { quoteCart } from '../../skill/core/orders/quote';
import type { Locale } from '../../skill/core/turn';
import { ensureTable } from '../../skill/store';
import { loadCatalogFile } from '../../skill/store/catalog-file';
import { createAlexaDriver } from '../helpers/alexa-driver';
import { createGoogleDriver } from '../helpers/google-driver';
import { uniqueTableName } from '../helpers/store';

interface Step {
  say: string;
  expect: RegExp;
}

const SCRIPTS: Record<Locale, { launch: RegExp; steps: Step[] }> = {
  'en-US': {
    launch: /automated shopping assistant/,
    steps: [
      { say: 'search for bananas', expect: /Bananas, 2 lb, \$1\.29/ },
      { say: 'add two bottles of bananas to my cart', expect: /^Added 2 Bananas \(2 lb each\) to your cart, for \$2\.58\./ },
      { say: "what's on my list", expect: /^You have 2 items in your cart: 2 Bananas \(2 lb each\), \$2\.58\./ },
      { say: 'remove bananas from my cart', expect: /^Removed Bananas from your cart/ },
      { say: "what's on my list", expect: /^Your cart is empty/ },
      { say: 'add bananas to my cart', expect: /^Added Bananas/ },
      // The shopper's plural is not made to agree with "isn't" ("eggs isn't in your cart").
      { say: 'remove eggs from my cart', expect: /^I don't see eggs in your cart\./i },
      { say: 'clear my cart', expect: /^Do you really want to remove the one item in your cart\?/ },
      { say: 'yes', expect: /^Your cart is now empty/ },
    ],
  },
  'de-DE': {
    launch: /automatischer Einkaufsassistent/,
    steps: [
      { say: 'such nach bananen', expect: /Bananen, 910 g, 1,29 €/ },
      { say: 'leg bananen in den warenkorb', expect: /^Ich habe Bananen \(910 g\) für 1,29 € in den Warenkorb gelegt\./ },
      { say: 'was ist auf der einkaufsliste', expect: /^In deinem Warenkorb ist 1 Artikel: Bananen \(910 g\), 1,29 €\. Das macht 1,29 € inklusive MwSt\., ohne Lieferung\./ },
      { say: 'entferne bananen aus dem warenkorb', expect: /^Bananen habe ich aus dem Warenkorb entfernt/ },
      { say: 'was ist auf der einkaufsliste', expect: /^Dein Warenkorb ist leer/ },
      { say: 'leg bananen in den warenkorb', expect: /in den Warenkorb gelegt/ },
      { say: 'leere den warenkorb', expect: /^Möchtest du wirklich den Artikel/ },
      { say: 'ja', expect: /^Dein Warenkorb ist jetzt leer/ },
    ],
  },
};

let http: Server;
let baseUrl: string;
let app: App;
let demo: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  const config = loadConfig({ TABLE_NAME: uniqueTableName('vocart-parity'), DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT' });
  app = createApp(config, { catalog: loadCatalogFile() });
  await ensureTable(app.store.client, config.TABLE_NAME);
  demo = await seedDemo(app);
  http = await listen(createServer(app), 0);
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (http) await new Promise<void>((resolve) => http.close(() => resolve()));
});

describe.each(Object.keys(SCRIPTS) as Locale[])('the same conversation on Alexa and Dialogflow in %s', (locale) => {
  const script = SCRIPTS[locale];
  const alexa = createAlexaDriverLazy(locale);
  const google = createGoogleDriverLazy(locale);

  it('welcomes both as a first contact', async () => {
    const [a, g] = await Promise.all([alexa().launch(), google().launch()]);
    expect(a.speech).toMatch(script.launch);
    expect(g.speech).toBe(a.speech);
  });

  it.each(script.steps.map((step, index) => ({ ...step, index })))('step $index: "$say"', async (step) => {
    const a = await alexa().say(step.say);
    const g = await google().say(step.say);
    expect(a.speech).toMatch(step.expect);
    expect(g.speech).toBe(a.speech);
    expect(g.endSession).toBe(a.endSession);
  });
});

/**
 * A German shop that is a German shop: euros from the search to the card, prices that already hold their VAT, and
 * a read-back that states the VAT inside the total instead of adding US sales tax. The demo customer is linked on
 * both platforms, so both read back the one cart.
 */
describe('the German shop on Alexa and Dialogflow', () => {
  it('reads the checkout back in euros, VAT included in the total, the same on both platforms', async () => {
    const alexa = createAlexaDriver({ baseUrl, locale: 'de-DE', userId: 'amzn1.ask.account.parity-shop', accessToken: demo.accessToken, hasScreen: true });
    const google = createGoogleDriver({ baseUrl, locale: 'de-DE', userId: 'parity-shop', accessToken: demo.accessToken });
    await alexa.launch();
    await google.launch();
    const added = await alexa.say('leg bananen in den warenkorb');
    expect(added.speech).toMatch(/^Ich habe Bananen \(910 g\) für 1,29 € in den Warenkorb gelegt\./);

    const [a, g] = [await alexa.say('zur kasse'), await google.say('zur kasse')];
    // Bananas are food (7 %): 1,29 € + 4,99 € delivery = 6,28 €, of which 6,28 × 7/107 = 0,41 € is VAT.
    expect(a.speech).toContain('Die Summe ist 6,28 €, inklusive 0,41 € MwSt. und 4,99 € Lieferung');
    expect(a.speech).not.toMatch(/\$|Steuer/);
    expect(g.speech).toBe(a.speech);
    const cart = await app.store.customers.load(demo.customerId);
    const quote = quoteCart(cart.cart.lines, app.catalog, app.policy, 'de-DE');
    expect({ total: quote.totalCents, vat: quote.taxCents, currency: quote.currency }).toEqual({ total: 628, vat: 41, currency: 'EUR' });

    // Money first: the yes charges exactly the total read back, in euros, and the order keeps the VAT stated.
    const placed = await google.say('ja');
    expect(placed.speech).not.toMatch(/\$/);
    const [order] = await app.store.customers.recentOrders(demo.customerId, 1);
    expect(order).toMatchObject({ totalCents: 628, taxCents: 41, currency: 'EUR' });
    const charge = app.payments.capturedCharges().find((candidate) => candidate.amountCents === 628);
    expect(charge).toMatchObject({ amountCents: 628, currency: 'EUR' });
  });

  it('shows metric sizes and euros on the Alexa card and screen and in the Dialogflow list', async () => {
    const alexa = createAlexaDriver({ baseUrl, locale: 'de-DE', userId: 'amzn1.ask.account.parity-screen', hasScreen: true });
    const google = createGoogleDriver({ baseUrl, locale: 'de-DE', userId: 'parity-screen' });
    await alexa.launch();
    await google.launch();
    await alexa.say('leg bananen in den warenkorb');
    await google.say('leg bananen in den warenkorb');
    const a = await alexa.say('was ist auf der einkaufsliste');
    const g = await google.say('was ist auf der einkaufsliste');

    const card = JSON.stringify(a.raw.response.card);
    expect(card).toContain('910 g');
    expect(card).toContain('1,29 €');
    // What the APL document shows comes from its data source (the document itself is all template).
    const screen = JSON.stringify((a.raw.response.directives ?? []).map((directive) => (directive as { datasources?: unknown }).datasources));
    expect(screen).toContain('910 g');
    expect(screen).toContain('1,29 €');
    const rich = JSON.stringify(g.raw.fulfillmentMessages ?? []) + JSON.stringify(g.raw.payload ?? {});
    expect(rich).toContain('1,29 €');
    for (const shown of [card, screen, rich]) expect(shown).not.toMatch(/\b(oz|lb)\b|\$/);
  });
});

// Drivers are created on first use, after beforeAll has started the server and set baseUrl.
function createAlexaDriverLazy(locale: Locale) {
  let driver: ReturnType<typeof createAlexaDriver> | undefined;
  return () => (driver ??= createAlexaDriver({ baseUrl, locale, userId: `amzn1.ask.account.parity-${locale}` }));
}

function createGoogleDriverLazy(locale: Locale) {
  let driver: ReturnType<typeof createGoogleDriver> | undefined;
  return () => (driver ??= createGoogleDriver({ baseUrl, locale, userId: `parity-${locale}` }));
}

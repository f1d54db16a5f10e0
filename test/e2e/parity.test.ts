/**
 * One conversation script, two platforms, two locales: search → add → read → remove → add → clear (with a yes).
 * virtual-alexa drives the generated Alexa model and virtual-google-assistant the Dialogflow agent against the
 * same running server. Because the core decides everything, every step must say exactly the same words on both.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, listen } from '../../lambda/local/server';
import { createApp } from '../../skill/app';
import { loadConfig } from '../../skill/config';
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
      // The shopper's plural is not made to agree with "isn't" ("bananas isn't in your cart").
      { say: 'remove bananas from my cart', expect: /^I don't see bananas in your cart\./i },
      { say: 'add bananas to my cart', expect: /^Added Bananas/ },
      { say: 'clear my cart', expect: /^Do you really want to remove the one item in your cart\?/ },
      { say: 'yes', expect: /^Your cart is now empty/ },
    ],
  },
  'de-DE': {
    launch: /automatischer Einkaufsassistent/,
    steps: [
      { say: 'such nach bananen', expect: /Bananen, 910 g, 1,29 \$/ },
      { say: 'leg bananen in den warenkorb', expect: /^Ich habe Bananen \(910 g\) für 1,29 \$ in den Warenkorb gelegt\./ },
      { say: 'was ist auf der einkaufsliste', expect: /^In deinem Warenkorb ist 1 Artikel: Bananen \(910 g\), 1,29 \$\./ },
      { say: 'entferne bananen aus dem warenkorb', expect: /^Bananen habe ich aus dem Warenkorb entfernt/ },
      { say: 'was ist auf der einkaufsliste', expect: /^Dein Warenkorb ist leer/ },
      { say: 'entferne bananen aus dem warenkorb', expect: /^Ich finde bananen nicht in deinem Warenkorb\./i },
      { say: 'leg bananen in den warenkorb', expect: /in den Warenkorb gelegt/ },
      { say: 'leere den warenkorb', expect: /^Möchtest du wirklich den Artikel/ },
      { say: 'ja', expect: /^Dein Warenkorb ist jetzt leer/ },
    ],
  },
};

let http: Server;
let baseUrl: string;

beforeAll(async () => {
  const config = loadConfig({ TABLE_NAME: uniqueTableName('vocart-parity'), DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT' });
  const app = createApp(config, { catalog: loadCatalogFile() });
  await ensureTable(app.store.client, config.TABLE_NAME);
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

// Drivers are created on first use, after beforeAll has started the server and set baseUrl.
function createAlexaDriverLazy(locale: Locale) {
  let driver: ReturnType<typeof createAlexaDriver> | undefined;
  return () => (driver ??= createAlexaDriver({ baseUrl, locale, userId: `amzn1.ask.account.parity-${locale}` }));
}

function createGoogleDriverLazy(locale: Locale) {
  let driver: ReturnType<typeof createGoogleDriver> | undefined;
  return () => (driver ??= createGoogleDriver({ baseUrl, locale, userId: `parity-${locale}` }));
}

/**
 * Repair and small talk, said as a shopper says it, on both platforms and in both locales: "add it" after "Shall I
 * add it?", "make that three", "remove that", "repeat that", "start over", thanks, hesitations and self-corrections,
 * "what's my total", changing a quantity, and a which-one question when a removal is ambiguous. virtual-alexa
 * drives the generated Alexa model and virtual-google-assistant the Dialogflow agent against one running server
 * and DynamoDB Local; every step must say the same words on both, and the cart is read back from the store.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, listen } from '../../lambda/local/server';
import { createApp, type App } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import type { CartLine } from '../../skill/core/ports';
import type { Locale } from '../../skill/core/turn';
import { ensureTable } from '../../skill/store';
import { loadCatalogFile } from '../../skill/store/catalog-file';
import { toCustomer } from '../../skill/platforms/google/request-to-turn';
import { createAlexaDriver, type AlexaDriver } from '../helpers/alexa-driver';
import { createGoogleDriver, type GoogleDriver } from '../helpers/google-driver';
import { uniqueTableName } from '../helpers/store';

interface Step {
  say: string;
  expect: RegExp;
  /** The cart (product id → quantity) after this step, read from the store. */
  cart?: Record<string, number>;
  endSession?: boolean;
}

const OAT = 'p018';
const MEDIUM = 'p001';
const DARK = 'p002';

const SCRIPTS: Record<Locale, Step[]> = {
  'en-US': [
    { say: 'search for oat milk', expect: /Shall I add it/ },
    // Thanks with a question open: the question is asked again and still answered by the next turn.
    { say: 'thank you', expect: /^You're welcome\. I found Oat Milk.*Shall I add it/ },
    { say: 'add it', expect: /^Added Oat Milk/, cart: { [OAT]: 1 } },
    { say: 'make that three', expect: /^Done\. Your cart now has 3 Oat Milk/, cart: { [OAT]: 3 } },
    { say: "what's my total", expect: /^Your cart comes to \$[\d.]+ for 3 items/ },
    { say: 'remove that', expect: /^Removed Oat Milk/, cart: {} },
    { say: 'uh um oat milk', expect: /^I found Oat Milk.*Shall I add it/ },
    { say: 'yes', expect: /^Added Oat Milk/, cart: { [OAT]: 1 } },
    { say: 'milk no wait oat milk', expect: /^I found Oat Milk.*Shall I add it/ },
    { say: 'add that', expect: /^Added Oat Milk/, cart: { [OAT]: 2 } },
    { say: 'change the oat milk to one', expect: /^Done\. Your cart now has Oat Milk/, cart: { [OAT]: 1 } },
    { say: 'add ground coffee medium roast to my cart', expect: /^Added Ground Coffee Medium Roast/ },
    { say: 'add ground coffee dark roast to my cart', expect: /^Added Ground Coffee Dark Roast/, cart: { [OAT]: 1, [MEDIUM]: 1, [DARK]: 1 } },
    // Two coffees: asked, not guessed; nothing leaves the cart until the shopper picks one.
    { say: 'remove the ground coffee', expect: /1\. Ground Coffee Medium Roast; 2\. Ground Coffee Dark Roast\. Which one should I remove\?/, cart: { [OAT]: 1, [MEDIUM]: 1, [DARK]: 1 } },
    { say: 'the second one', expect: /^Removed Ground Coffee Dark Roast/, cart: { [OAT]: 1, [MEDIUM]: 1 } },
    { say: 'repeat that', expect: /^Removed Ground Coffee Dark Roast/ },
    { say: 'start over', expect: /start over.*Your cart stays as it is/, cart: { [OAT]: 1, [MEDIUM]: 1 } },
    { say: 'thanks', expect: /^You're welcome\. Happy shopping/, endSession: true },
  ],
  'de-DE': [
    { say: 'such nach haferdrink', expect: /Soll ich das in den Warenkorb legen/ },
    { say: 'danke', expect: /^Gern geschehen\. Ich habe Haferdrink.*Soll ich das in den Warenkorb legen/ },
    { say: 'füg es hinzu', expect: /Haferdrink.*in den Warenkorb gelegt/, cart: { [OAT]: 1 } },
    { say: 'mach 3 daraus', expect: /^Erledigt, im Warenkorb jetzt: 3/, cart: { [OAT]: 3 } },
    { say: 'was kostet das alles', expect: /^Dein Warenkorb kostet [\d,]+ € für 3 Artikel/ },
    { say: 'lösche das', expect: /^Haferdrink Barista habe ich aus dem Warenkorb entfernt/, cart: {} },
    { say: 'äh ähm haferdrink', expect: /^Ich habe Haferdrink.*Soll ich das in den Warenkorb legen/ },
    { say: 'ja', expect: /Haferdrink.*in den Warenkorb gelegt/, cart: { [OAT]: 1 } },
    { say: 'milch nein haferdrink', expect: /^Ich habe Haferdrink.*Soll ich das in den Warenkorb legen/ },
    { say: 'pack das dazu', expect: /Haferdrink.*in den Warenkorb gelegt/, cart: { [OAT]: 2 } },
    { say: 'ändere den haferdrink auf 1', expect: /^Erledigt, im Warenkorb jetzt: Haferdrink/, cart: { [OAT]: 1 } },
    { say: 'leg röstkaffee gemahlen mittlere röstung in den warenkorb', expect: /Röstkaffee gemahlen mittlere Röstung.*gelegt/ },
    { say: 'leg röstkaffee gemahlen dunkle röstung in den warenkorb', expect: /Röstkaffee gemahlen dunkle Röstung.*gelegt/, cart: { [OAT]: 1, [MEDIUM]: 1, [DARK]: 1 } },
    { say: 'entferne den röstkaffee', expect: /1\. Röstkaffee gemahlen mittlere Röstung; 2\. Röstkaffee gemahlen dunkle Röstung\. Welches soll ich entfernen\?/, cart: { [OAT]: 1, [MEDIUM]: 1, [DARK]: 1 } },
    { say: 'das zweite', expect: /^Röstkaffee gemahlen dunkle Röstung habe ich aus dem Warenkorb entfernt/, cart: { [OAT]: 1, [MEDIUM]: 1 } },
    { say: 'wie bitte', expect: /^Röstkaffee gemahlen dunkle Röstung habe ich aus dem Warenkorb entfernt/ },
    { say: 'von vorne', expect: /von vorne.*Dein Warenkorb bleibt, wie er ist/, cart: { [OAT]: 1, [MEDIUM]: 1 } },
    { say: 'danke', expect: /^Gern geschehen\. Viel Spaß/, endSession: true },
  ],
};

let http: Server;
let baseUrl: string;
let app: App;

beforeAll(async () => {
  const config = loadConfig({ TABLE_NAME: uniqueTableName('vocart-repair'), DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT' });
  app = createApp(config, { catalog: loadCatalogFile() });
  await ensureTable(app.store.client, config.TABLE_NAME);
  http = await listen(createServer(app), 0);
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (http) await new Promise<void>((resolve) => http.close(() => resolve()));
});

function asCart(lines: CartLine[]): Record<string, number> {
  return Object.fromEntries(lines.map((line) => [line.productId, line.quantity]));
}

describe.each(Object.keys(SCRIPTS) as Locale[])('repair and small talk on Alexa and Dialogflow in %s', (locale) => {
  const run = `${locale}-${Date.now()}`;
  const alexaUser = `amzn1.ask.account.repair-${run}`;
  const googleUser = `repair-${run}`;
  let alexa: AlexaDriver;
  let google: GoogleDriver;

  it('starts both conversations', async () => {
    alexa = createAlexaDriver({ baseUrl, locale, userId: alexaUser });
    google = createGoogleDriver({ baseUrl, locale, userId: googleUser });
    const [a, g] = await Promise.all([alexa.launch(), google.launch()]);
    expect(g.speech).toBe(a.speech);
  });

  it.each(SCRIPTS[locale].map((step, index) => ({ ...step, index })))('step $index: "$say"', async (step) => {
    const a = await alexa.say(step.say);
    const g = await google.say(step.say);
    expect(a.speech).toMatch(step.expect);
    expect(g.speech).toBe(a.speech);
    expect(g.endSession).toBe(a.endSession);
    if (step.endSession !== undefined) expect(a.endSession).toBe(step.endSession);
    if (step.cart) {
      expect(asCart((await app.store.customers.load(`alexa:${alexaUser}`)).cart.lines)).toEqual(step.cart);
      // The Dialogflow shopper is who the adapter says the request the driver sent belongs to.
      const googleCustomer = `google:${toCustomer(google.lastRequest).platformUserId}`;
      expect(asCart((await app.store.customers.load(googleCustomer)).cart.lines)).toEqual(step.cart);
    }
  });
});

/**
 * Replenishment end to end: the seeded demo history, the linked demo account, virtual-alexa and
 * virtual-google-assistant speaking to the running server in both locales. No nudge before consent; after
 * "turn on reminders" one nudge at launch, yes fills the cart and reads the order back; "what's running low",
 * "not now", the ledger read out, and withdrawing for one product and for all.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import demoCustomer from '../../skill/data/demo-customer.json';
import { createServer, listen } from '../../lambda/local/server';
import { createApp } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import type { Locale } from '../../skill/core/turn';
import { ensureTable } from '../../skill/store';
import { loadCatalogFile } from '../../skill/store/catalog-file';
import { seedDemoCustomer } from '../../skill/store/seed';
import { createAlexaDriver } from '../helpers/alexa-driver';
import { createGoogleDriver } from '../helpers/google-driver';
import { uniqueTableName } from '../helpers/store';

type Platform = 'alexa' | 'google';

interface Step {
  say: string;
  expect: RegExp;
  /** A new session starts with this step (a launch). */
  launch?: boolean;
  /** The step grants reminder consent: on Alexa it also asks for the Reminders permission. */
  grants?: boolean;
}

const DUE = '(Maison Lumière No\\. 5 Eau de Parfum|Dry Cat Food Indoor|Katzentrockenfutter Indoor)';

function script(locale: Locale, platform: Platform): Step[] {
  const where = platform === 'alexa' ? 'Alexa' : 'Google';
  if (locale === 'en-US') {
    return [
      { launch: true, say: '', expect: /^Welcome back to vocart\. What would you like to shop for\?$/ },
      { say: 'turn on reminders', expect: /^Shall I remind you when something you buy regularly is probably running low, such as .+\?$/ },
      { say: 'yes', expect: /^Okay, I'll remind you when things you buy regularly are probably running low\./, grants: true },
      { launch: true, say: '', expect: new RegExp(`^Welcome back to vocart\\. By the way, your ${DUE} is probably running low\\. Shall I add it to your cart\\?$`) },
      { say: 'yes', expect: new RegExp(`^I've put ${DUE} in your cart\\. Your order from vocart demo shop: .*Shall I place the order\\?$`) },
      { say: 'no', expect: /^Okay, I won't order\. Your cart stays as it is\./ },
      { say: "what's running low", expect: /^You're probably running low on .*Shall I add/ },
      { say: 'not now', expect: /^Okay, not now\./ },
      { say: 'what do you remind me about', expect: new RegExp(`^You turned on reminders with ${where} on \\w+day, \\w+ \\d+\\. I remind you about things you buy regularly`) },
      { say: 'stop reminding me about perfume', expect: /^Okay, I won't remind you about Maison Lumière No\. 5 Eau de Parfum any more\.$/ },
      { say: 'stop all reminders', expect: /^Okay, I've turned off all reminders\./ },
      { say: 'what do you remind me about', expect: /^Reminders are off\./ },
    ];
  }
  return [
    { launch: true, say: '', expect: /^Willkommen zurück bei vocart\. Was möchtest du einkaufen\?$/ },
    { say: 'schalte die erinnerungen ein', expect: /^Soll ich dich erinnern, wenn etwas, das du regelmäßig kaufst, wahrscheinlich bald ausgeht/ },
    { say: 'ja', expect: /^Okay, ich erinnere dich/, grants: true },
    { launch: true, say: '', expect: new RegExp(`^Willkommen zurück bei vocart\\. Übrigens: Bei ${DUE} wird es wahrscheinlich bald knapp\\. Soll ich das in den Warenkorb legen\\?$`) },
    { say: 'ja', expect: new RegExp(`^Ich habe ${DUE} in deinen Warenkorb gelegt\\.`) },
    { say: 'nein', expect: /^Okay, ich bestelle nicht\. Dein Warenkorb bleibt, wie er ist\./ },
    { say: 'was geht mir aus', expect: /wahrscheinlich bald knapp\. Soll ich/ },
    { say: 'nein', expect: /^Okay, jetzt nicht\./ },
    { say: 'woran erinnerst du mich', expect: new RegExp(`^Du hast die Erinnerungen am .* mit ${where} eingeschaltet\\.`) },
    { say: 'erinnere mich nicht mehr an mein parfum', expect: /^Okay, ich erinnere dich nicht mehr an Maison Lumière No\. 5 Eau de Parfum\.$/ },
    { say: 'stoppe alle erinnerungen', expect: /^Okay, ich habe alle Erinnerungen abgeschaltet\./ },
  ];
}

const CASES = (['en-US', 'de-DE'] as Locale[]).flatMap((locale) => (['alexa', 'google'] as Platform[]).map((platform) => ({ locale, platform })));

describe.each(CASES)('replenishment on $platform in $locale', ({ locale, platform }) => {
  let http: Server;
  let baseUrl: string;
  let driver: { launch(): Promise<{ speech: string; raw: unknown }>; say(text: string): Promise<{ speech: string; raw: unknown }> };

  beforeAll(async () => {
    // Each platform and locale gets its own table: the demo account is one customer on every platform.
    const config = loadConfig({ TABLE_NAME: uniqueTableName('vocart-replenish'), DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT' });
    const app = createApp(config, { catalog: loadCatalogFile() });
    await ensureTable(app.store.client, config.TABLE_NAME);
    await seedDemoCustomer(config.TABLE_NAME, { ...demoCustomer, locale }, { now: () => new Date() }, { catalog: app.catalog, priors: app.priors });
    http = await listen(createServer(app), 0);
    baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const options = { baseUrl, locale, userId: `replenish-${platform}-${locale}`, accessToken: demoCustomer.accessToken };
    driver = platform === 'alexa' ? createAlexaDriver(options) : createGoogleDriver(options);
  });

  afterAll(async () => {
    if (http) await new Promise<void>((resolve) => http.close(() => resolve()));
  });

  it('follows the script', async () => {
    for (const step of script(locale, platform)) {
      const reply = step.launch ? await driver.launch() : await driver.say(step.say);
      expect(reply.speech, step.launch ? 'launch' : step.say).toMatch(step.expect);
      if (platform === 'alexa' && step.grants) {
        // Without the Reminders permission Alexa gets the consent card for it.
        expect(JSON.stringify(reply.raw)).toContain('AskForPermissionsConsent');
      }
    }
  });
});

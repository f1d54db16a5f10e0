/**
 * A person from the shop in the loop, on both platforms and in both locales, through the generated models and one
 * running server against DynamoDB Local: asking for a person opens a case in the table, an agent's reply written
 * through the inbox is read at the shopper's next launch as a person's words and the case becomes answered, "tell
 * them …" reopens it, and two misses in a row offer a person whose yes opens a case with the conversation.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, listen } from '../../lambda/local/server';
import { createApp, type App } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import type { HandoffCase } from '../../skill/core/handoff/case';
import type { HandoffInbox } from '../../skill/core/ports';
import type { Locale } from '../../skill/core/turn';
import { ensureTable } from '../../skill/store';
import { loadCatalogFile } from '../../skill/store/catalog-file';
import { createHandoffInbox } from '../../skill/store/handoff-inbox';
import { createAlexaDriver } from '../helpers/alexa-driver';
import { createGoogleDriver } from '../helpers/google-driver';
import { TEST_WEBHOOK_SECRET } from '../helpers/raw-requests';
import { uniqueTableName } from '../helpers/store';

interface Words {
  person: string;
  yes: string;
  tell: string;
  /** What the shopper's reply reaches the case as (the message slot). */
  told: RegExp;
  opened: RegExp;
  shared: RegExp;
  answer: string;
  heard: (answer: string) => string;
  welcomeBack: RegExp;
  passedOn: RegExp;
  notUnderstood: RegExp;
  offer: RegExp;
  offerTaken: RegExp;
}

const WORDS: Record<Locale, Words> = {
  'en-US': {
    // virtual-alexa takes anything with "talk to" or "tell" in it for a launch phrase ("tell vocart …"); real Alexa
    // does not inside a session, so the script says what both can hear as meant.
    person: 'i want to speak with a person',
    yes: 'yes',
    tell: 'let them know that the box was wet',
    told: /the box was wet/,
    opened: /^I'm an automated assistant, so I can't put you through to someone now\. I've passed your request on to a person from the shop, who will answer (later today|by \w+) around [\w: ]+\. .*May I add our conversation to your request/,
    shared: /^Okay, I've added our conversation\./,
    answer: 'We are sending you a new box today.',
    heard: (answer) => `You have an answer from the shop. A person from the shop, Anna, wrote: “${answer}” That was a message from a person at the shop. To answer, say: reply, and then your message.`,
    welcomeBack: /Welcome back to vocart/,
    passedOn: /^Okay, I've passed that on to the shop\. A person will answer/,
    notUnderstood: /^Sorry, I didn't get that/,
    offer: /^Sorry, I still didn't catch that\. Shall I ask a person from the shop to get back to you\?$/,
    offerTaken: /I've passed our conversation on to a person from the shop/,
  },
  'de-DE': {
    person: 'mit einem Menschen sprechen',
    yes: 'ja',
    tell: 'richte dem laden aus dass die kiste nass war',
    told: /die kiste nass war/i,
    opened: /^Ich bin ein automatischer Assistent und kann dich nicht direkt verbinden\. Ich habe deine Anfrage an eine Person aus dem Laden weitergegeben, die dir (heute|bis \w+) gegen [\d:]+ Uhr antwortet\. .*Darf ich unser Gespräch an deine Anfrage anhängen/,
    shared: /^Okay, ich habe unser Gespräch angehängt\./,
    answer: 'Wir schicken dir heute eine neue Kiste.',
    heard: (answer) => `Du hast eine Antwort vom Laden. Eine Person aus dem Laden, Anna, hat geschrieben: „${answer}“ Das war eine Nachricht von einem Menschen aus dem Laden. Um zu antworten, sag: richte aus, und dann deine Nachricht.`,
    welcomeBack: /Willkommen zurück bei vocart/,
    passedOn: /^Okay, ich habe das an den Laden weitergegeben\. Eine Person antwortet dir/,
    notUnderstood: /^Entschuldigung, das habe ich nicht verstanden/,
    offer: /^Entschuldigung, das habe ich wieder nicht verstanden\. Soll ich eine Person aus dem Laden bitten, sich bei dir zu melden\?$/,
    offerTaken: /Ich habe unser Gespräch an eine Person aus dem Laden weitergegeben/,
  },
};

let http: Server;
let baseUrl: string;
let app: App;
let inbox: HandoffInbox;

beforeAll(async () => {
  const config = loadConfig({
    TABLE_NAME: uniqueTableName('vocart-handoff'),
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    ALEXA_VERIFY_SIGNATURE: 'false',
    LOG_LEVEL: 'SILENT',
    // "The next launch" is the same shopper only where the platform names one: a Dialogflow conversation alone is no
    // identity, so the driver's Assistant user id is trusted, as a webhook with its secret may.
    GOOGLE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    GOOGLE_TRUST_PAYLOAD_USER_ID: 'true',
  });
  app = createApp(config, { catalog: loadCatalogFile() });
  await ensureTable(app.store.client, config.TABLE_NAME);
  inbox = createHandoffInbox(app.store.client, config.TABLE_NAME);
  http = await listen(createServer(app), 0);
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (http) await new Promise<void>((resolve) => http.close(() => resolve()));
});

/** The shopper's cases as the inbox lists them, newest first. */
async function casesOf(customerId: string): Promise<HandoffCase[]> {
  return (await inbox.list(['open', 'answered', 'closed'], 200)).filter((handoff) => handoff.customerId === customerId);
}

/** One platform's side of the script: launch, say, a fallback turn, and a new session; the customer it talks as. */
interface Shopper {
  launch(): Promise<string>;
  say(words: string): Promise<string>;
  miss(): Promise<string>;
  newSession(): Promise<string>;
  customerId(): string;
}

function alexaShopper(locale: Locale, run: string): Shopper {
  const userId = `amzn1.ask.account.handoff-${run}`;
  const alexa = createAlexaDriver({ baseUrl, locale, userId });
  return {
    launch: async () => (await alexa.launch()).speech,
    say: async (words) => (await alexa.say(words)).speech,
    miss: async () => (await alexa.intend('AMAZON.FallbackIntent')).speech,
    newSession: async () => {
      await alexa.end();
      return (await alexa.launch()).speech;
    },
    customerId: () => `alexa:${userId}`,
  };
}

function googleShopper(locale: Locale, run: string): Shopper {
  const userId = `handoff-${run}`;
  const google = createGoogleDriver({ baseUrl, locale, userId, secret: TEST_WEBHOOK_SECRET });
  return {
    launch: async () => (await google.launch()).speech,
    say: async (words) => (await google.say(words)).speech,
    miss: async () => (await google.intend('Default Fallback Intent')).speech,
    // A launch is a new Dialogflow session.
    newSession: async () => (await google.launch()).speech,
    // The trusted Assistant user id (see the config above), on every session.
    customerId: () => `google:${userId}`,
  };
}

describe.each((Object.keys(WORDS) as Locale[]).flatMap((locale) => [{ locale, platform: 'alexa' as const }, { locale, platform: 'google' as const }]))(
  'a person from the shop on $platform in $locale',
  ({ locale, platform }) => {
    const words = WORDS[locale];
    let shopper: Shopper;
    let caseId = '';

    it('asking for a person opens a case in the table, without the conversation until the shopper says yes', async () => {
      // Built once the server listens (describe bodies run before beforeAll).
      shopper = (platform === 'alexa' ? alexaShopper : googleShopper)(locale, `${platform}-${locale}-${Date.now()}`);
      await shopper.launch();
      expect(await shopper.say(words.person)).toMatch(words.opened);
      const [opened, ...others] = await casesOf(shopper.customerId());
      expect(others).toEqual([]);
      expect(opened).toMatchObject({ reason: 'asked-for-person', state: 'open', channel: platform, locale, transcriptShared: false, transcript: [] });
      caseId = opened!.caseId;
      expect(await shopper.say(words.yes)).toMatch(words.shared);
      const shared = await inbox.get(caseId);
      expect(shared?.transcriptShared).toBe(true);
      expect(shared?.transcript.map((entry) => entry.intent)).toEqual(['HumanHandoffIntent', 'Yes']);
    });

    it("reads an agent's reply at the next launch as a person's words, and the case becomes answered", async () => {
      expect(await inbox.reply(caseId, words.answer, new Date(), 'Anna')).toBeDefined();
      const heard = await shopper.newSession();
      expect(heard.startsWith(words.heard(words.answer))).toBe(true);
      expect(heard).toMatch(words.welcomeBack);
      expect((await inbox.get(caseId))?.state).toBe('answered');
      // Heard once: the next visit starts as usual.
      expect(await shopper.newSession()).not.toContain(words.answer);
    });

    it('"tell them …" goes to the case and reopens it', async () => {
      expect(await shopper.say(words.tell)).toMatch(words.passedOn);
      const reopened = await inbox.get(caseId);
      expect(reopened?.state).toBe('open');
      expect(reopened?.messages.at(-1)).toMatchObject({ from: 'shopper' });
      expect(reopened?.messages.at(-1)?.text).toMatch(words.told);
    });

    it('two misses in a row offer a person; the yes opens a case with the conversation', async () => {
      await shopper.newSession();
      expect(await shopper.miss()).toMatch(words.notUnderstood);
      expect(await shopper.miss()).toMatch(words.offer);
      expect(await shopper.say(words.yes)).toMatch(words.offerTaken);
      const offered = (await casesOf(shopper.customerId())).find((handoff) => handoff.reason === 'repeated-misses');
      expect(offered).toMatchObject({ state: 'open', transcriptShared: true, channel: platform });
      expect(offered?.transcript.map((entry) => entry.intent)).toEqual(['Fallback', 'Fallback', 'Yes']);
    });
  },
);

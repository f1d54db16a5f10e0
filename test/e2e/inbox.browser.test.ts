/**
 * Issue 13's "done when", in a real browser: a shopper in the console simulator asks for a person, the case appears
 * in the agent inbox (/console/inbox), an agent types a reply and sends it, and the shopper's next launch speaks it,
 * introduced as a person's answer. Debian's Chromium, headless, driven by playwright-core against the local server
 * with the console and the inbox mounted (DynamoDB Local, offline understanding, the real handlers). Everything is
 * found by role and accessible name. Needs /usr/bin/chromium; without it this file fails and says so.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import { ensureTable } from '../../skill/store';
import { createConsole } from '../../lambda/console/console';
import { modelUnderstanding } from '../../lambda/console/understanding';
import { createInboxApi } from '../../lambda/inbox/api';
import { inboxDepsFromApp } from '../../lambda/inbox/compose';
import { seedDemo } from '../../lambda/local/demo-data';
import { createServer, listen } from '../../lambda/local/server';
import { uniqueTableName } from '../helpers/store';
import { placeOrder } from '../unit/inbox/place-order';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];
const TOKEN = 'browser-inbox-token-0123456789abcdefghij';

let app: App;
let demo: Awaited<ReturnType<typeof seedDemo>>;
let http: Server;
let baseUrl: string;
let browser: BrowserContext;
let profileDir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium) to run the inbox's browser test.`);
  const config = loadConfig({ TABLE_NAME: uniqueTableName('vocart-inbox-browser'), DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT', DYNAMODB_TIMEOUT_MS: '4000', CONSOLE_TOKEN: TOKEN });
  app = createApp(config);
  await ensureTable(app.store.client, config.TABLE_NAME);
  demo = await seedDemo(app);
  const inbox = createInboxApi(inboxDepsFromApp(app), { token: async () => TOKEN });
  http = await listen(createServer(app, { console: createConsole({ app, demo, understanding: modelUnderstanding }), inbox }), 0);
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  profileDir = mkdtempSync(join(tmpdir(), 'vocart-chromium-inbox-'));
  browser = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  if (http) await new Promise<void>((resolve) => http.close(() => resolve()));
});

type PlatformLabel = 'Alexa' | 'Dialogflow (Google)';
type LocaleLabel = 'English (en-US)' | 'Deutsch (de-DE)';

async function openConsole(platform: PlatformLabel, locale: LocaleLabel): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/console`);
  await expect.poll(() => page.getByRole('log').getByRole('listitem').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await page.getByRole('combobox', { name: 'Platform' }).selectOption({ label: platform });
  await page.getByRole('combobox', { name: 'Locale' }).selectOption({ label: locale });
  await page.getByRole('checkbox', { name: 'Linked to the demo account' }).setChecked(true);
  await page.getByRole('button', { name: 'Start new conversation' }).click();
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain(`New conversation: ${platform.split(' ')[0]}`);
  return page;
}

/** Types an utterance, presses Enter, and returns the reply's text once it is in the log. */
async function say(page: Page, utterance: string): Promise<string> {
  const log = page.getByRole('log');
  const before = await log.getByRole('listitem').count();
  const box = page.getByRole('textbox', { name: 'Utterance' });
  await box.fill(utterance);
  await box.press('Enter');
  const reply = log.getByRole('listitem').nth(before + 1);
  await reply.waitFor({ timeout: 15_000 });
  return (await reply.textContent()) ?? '';
}

const WORDS = {
  'English (en-US)': {
    ask: 'I want to talk to a person',
    opened: 'a person from the shop',
    share: 'May I add our conversation',
    yes: 'yes',
    shared: "I've added our conversation",
    answer: 'You have an answer from the shop',
    person: 'A person from the shop, Sam, wrote',
    reply: 'Your replacement bananas leave the warehouse today.',
  },
  'Deutsch (de-DE)': {
    ask: 'ich möchte mit einem Menschen sprechen',
    opened: 'an eine Person aus dem Laden weitergegeben',
    share: 'unser Gespräch',
    yes: 'ja',
    shared: 'ich habe unser Gespräch angehängt',
    answer: 'Du hast eine Antwort vom Laden',
    person: 'Eine Person aus dem Laden, Sam, hat geschrieben',
    reply: 'Deine Ersatzbananen verlassen heute das Lager.',
  },
} as const;

describe.each(['Alexa', 'Dialogflow (Google)'] as const)('a handoff on %s', (platform) => {
  it.each(['English (en-US)', 'Deutsch (de-DE)'] as const)('in %s: the shopper asks for a person, an agent answers in the inbox, the next launch speaks it', { timeout: 120_000 }, async (locale) => {
    const words = WORDS[locale];
    const shopper = await openConsole(platform, locale);
    const agent = await browser.newPage();
    try {
      // The shopper asks for a person and agrees to share the conversation.
      const opened = await say(shopper, words.ask);
      expect(opened).toContain(words.opened);
      if (opened.includes(words.share)) expect(await say(shopper, words.yes)).toContain(words.shared);

      // The agent opens the inbox link npm start prints: the token rides in the fragment, then leaves the address bar.
      await agent.goto(`${baseUrl}/console/inbox#token=${TOKEN}`);
      expect(new URL(agent.url()).hash).toBe('');
      const cases = agent.getByRole('list', { name: 'Case list' });
      const newest = cases.getByRole('button').first();
      await expect.poll(() => newest.textContent(), { timeout: 15_000 }).toContain('Asked for a person');
      expect(await newest.textContent()).toContain(`${platform.startsWith('Alexa') ? 'Alexa' : 'Dialogflow (Google)'} · ${locale.slice(-6, -1)}`);
      await newest.click();
      const transcript = agent.getByRole('list', { name: 'Transcript' });
      await expect.poll(() => transcript.textContent(), { timeout: 10_000 }).toContain('Shopper');
      expect(await transcript.textContent()).toContain('Bot');

      await agent.getByRole('textbox', { name: 'Your name' }).fill('Sam');
      await agent.getByRole('textbox', { name: 'Reply to the shopper' }).fill(words.reply);
      await agent.getByRole('button', { name: 'Send reply' }).click();
      await expect.poll(() => agent.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Reply sent');
      expect(await agent.getByRole('list', { name: 'Messages' }).textContent()).toContain(words.reply);

      // The shopper's next visit: a new session's launch speaks the answer first, as a person's.
      const log = shopper.getByRole('log');
      const before = await log.getByRole('listitem').count();
      await shopper.getByRole('button', { name: 'New session' }).click();
      const welcome = log.getByRole('listitem').nth(before + 1);
      await welcome.waitFor({ timeout: 15_000 });
      const spoken = (await welcome.textContent()) ?? '';
      expect(spoken).toContain(words.answer);
      expect(spoken).toContain(words.person);
      expect(spoken).toContain(words.reply);

      // Heard once: the case is answered now, and the next launch does not repeat it.
      await agent.getByRole('button', { name: 'Refresh' }).click();
      await agent.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Answered' });
      await expect.poll(() => cases.getByRole('button').first().textContent(), { timeout: 10_000 }).toContain('answered');
      const again = await log.getByRole('listitem').count();
      await shopper.getByRole('button', { name: 'New session' }).click();
      const next = log.getByRole('listitem').nth(again + 1);
      await next.waitFor({ timeout: 15_000 });
      expect(await next.textContent()).not.toContain(words.reply);
    } finally {
      await shopper.close();
      await agent.close();
    }
  });
});

describe('the inbox page', () => {
  it('asks for the token when it has none, refuses a wrong one, and works once the right one is pasted', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/console/inbox`);
      const form = page.getByRole('form', { name: 'Sign in' });
      await form.waitFor({ timeout: 10_000 });
      await page.getByLabel('Inbox token').fill('wrong-token-0123456789abcdefghij');
      await page.getByRole('button', { name: 'Use token' }).click();
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('The token was not accepted');
      expect(await form.isVisible()).toBe(true);
      await page.getByLabel('Inbox token').fill(TOKEN);
      await page.getByRole('button', { name: 'Use token' }).click();
      await page.getByRole('region', { name: 'Cases' }).waitFor({ timeout: 10_000 });
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/\d+ case\(s\)\./);
      // Kept for this tab only: a reload stays signed in, without the token in the URL.
      await page.reload();
      await page.getByRole('region', { name: 'Cases' }).waitFor({ timeout: 10_000 });
      expect(await form.isVisible()).toBe(false);
      expect(page.url()).not.toContain(TOKEN);
    } finally {
      await page.close();
    }
  });
});

describe('an agent acts on an order from the case view', () => {
  it('cancels the order a problem is about: the order shows cancelled, the charge is refunded, the action is on the case', { timeout: 60_000 }, async () => {
    const product = app.catalog.search('coffee', { locale: 'en-US', limit: 1 })[0]!.product;
    const order = await placeOrder(app, demo, product.id);
    const handoff = await app.store.handoffs.open({
      customerId: demo.customerId,
      channel: 'google',
      locale: 'en-US',
      reason: 'order-problem',
      problem: 'wrong',
      orderId: order.orderId,
      transcript: [],
      transcriptShared: false,
      cart: [],
    });
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/console/inbox#token=${TOKEN}`);
      const item = page.getByRole('list', { name: 'Case list' }).getByRole('button').filter({ hasText: 'Problem with an order (wrong)' }).first();
      await item.waitFor({ timeout: 15_000 });
      await item.click();
      await expect.poll(() => page.getByRole('heading', { level: 2, name: `Case ${handoff.caseId}` }).count(), { timeout: 10_000 }).toBe(1);
      const card = page.getByRole('article', { name: `Order ${order.orderId}` });
      expect(await card.getByRole('table').textContent()).toContain(product.names['en-US']);
      expect(await page.getByRole('list', { name: 'Transcript' }).textContent()).toContain('did not agree to share');

      await card.getByRole('button', { name: `Cancel order ${order.orderId}` }).click();
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain(`Cancel ${order.orderId}: done`);
      await expect.poll(() => page.getByRole('list', { name: 'Agent actions' }).textContent(), { timeout: 10_000 }).toContain(`Cancel ${order.orderId}: done`);
      expect(await page.getByRole('article', { name: `Order ${order.orderId}` }).getByRole('button', { name: `Cancel order ${order.orderId}` }).isDisabled()).toBe(true);
      expect(app.payments.allCharges().find((charge) => charge.idempotencyKey === order.idempotencyKey)?.status).toBe('refunded');

      await page.getByRole('button', { name: 'Close case' }).click();
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain(`Case ${handoff.caseId} closed.`);
      expect((await inboxDepsFromApp(app).inbox.get(handoff.caseId))?.state).toBe('closed');
    } finally {
      await page.close();
    }
  });
});

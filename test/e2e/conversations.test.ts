/**
 * The saved conversations in test/conversations/*.json, replayed through the console's simulator on every platform
 * each script names: typed text → offline understanding → the platform's own request → the real skill on DynamoDB
 * Local. Each replay starts from freshly reset demo data, so a script that places an order leaves nothing behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import { ensureTable } from '../../skill/store';
import { parseScript, playScript, shopperOptions, type ConversationScript } from '../../lambda/console/script';
import { Simulator } from '../../lambda/console/simulator/simulator';
import { modelUnderstanding } from '../../lambda/console/understanding';
import { resetDemoData, seedDemo } from '../../lambda/local/demo-data';
import { uniqueTableName } from '../helpers/store';

const DIRECTORY = fileURLToPath(new URL('../conversations/', import.meta.url));
const scripts: Array<{ file: string; script: ConversationScript }> = readdirSync(DIRECTORY)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, script: parseScript(JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')), file) }));

let app: App;
let simulator: Simulator;

beforeAll(async () => {
  const config = loadConfig({ TABLE_NAME: uniqueTableName('vocart-conversations'), DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT', DYNAMODB_TIMEOUT_MS: '4000' });
  app = createApp(config);
  await ensureTable(app.store.client, config.TABLE_NAME);
  const demo = await seedDemo(app);
  simulator = new Simulator({ app, understanding: modelUnderstanding, demoAccessToken: demo.accessToken });
  // Train both locales' understanding up front: a replay's first turn should not pay for it.
  await Promise.all([...new Set(scripts.map(({ script }) => script.locale))].map((locale) => simulator.understandingFor(locale)));
});

it('finds the saved conversations: shopping in both locales, an unlinked shopper, a reorder', () => {
  expect(scripts.length).toBeGreaterThanOrEqual(4);
  expect(new Set(scripts.map(({ script }) => script.locale))).toEqual(new Set(['en-US', 'de-DE']));
});

describe.each(scripts)('$file', ({ script }) => {
  it.each(script.platforms)(`on %s: ${script.name}`, async (platform) => {
    await resetDemoData(app);
    const conversation = simulator.conversation(shopperOptions(script, platform));
    const played = await playScript(script, conversation);
    if (played.launch) expect(played.launch.status, 'the launch').toBe(200);
    const transcript = played.steps.map(({ step, turn }) => `  "${step.say}" → ${turn.understood?.intent} / ${turn.platformIntent}: ${turn.speech}`).join('\n');
    const failures = played.steps.flatMap(({ step, problems }, index) => problems.map((problem) => `step ${index + 1} ("${step.say}"): ${problem}`));
    expect(failures, `${platform} ${script.locale}\n${transcript}`).toEqual([]);
  });
});

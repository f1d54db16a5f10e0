/**
 * npm run chat [-- --platform alexa|dialogflow --locale en-US|de-DE --linked|--unlinked --screen --returning --verbose]
 *
 * A conversation with vocart in the terminal, over the console's simulator: what you type is understood offline,
 * sent as the platform's own request to the skill in process, and the spoken reply is printed. DynamoDB as for
 * `npm start`: DynamoDB Local is started when DYNAMODB_ENDPOINT is unset; the table and the demo customer are ensured.
 * Type /new for a new session, /quit (or Ctrl-D) to leave.
 */
import '../local/quiet-sdk-notice';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ConfigError } from '../../skill/config';
import type { Locale } from '../../skill/core/turn';
import { Simulator } from '../console/simulator/simulator';
import { LOCALES, PLATFORMS, type Platform, type TurnView } from '../console/simulator/types';
import { modelUnderstanding } from '../console/understanding';
import { JavaMissingError } from '../local/dynamodb-local';
import { DEMO_CUSTOMERS } from '../local/demo-data';
import { startLocalRuntime, type LocalRuntime } from '../local/runtime';

class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const USAGE = 'usage: npm run chat -- [--platform alexa|dialogflow] [--locale en-US|de-DE] [--linked|--unlinked] [--screen] [--returning] [--verbose]';

function options() {
  const { values } = parseArgs({
    options: {
      platform: { type: 'string', default: 'alexa' },
      locale: { type: 'string', default: 'en-US' },
      linked: { type: 'boolean' },
      unlinked: { type: 'boolean' },
      screen: { type: 'boolean', default: false },
      returning: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) throw new UsageError(USAGE);
  const platform = values.platform === 'google' ? 'dialogflow' : values.platform;
  if (!PLATFORMS.includes(platform as Platform)) throw new UsageError(`--platform must be alexa or dialogflow\n${USAGE}`);
  if (!LOCALES.includes(values.locale as Locale)) throw new UsageError(`--locale must be en-US or de-DE\n${USAGE}`);
  if (values.linked && values.unlinked) throw new UsageError(`--linked and --unlinked contradict each other\n${USAGE}`);
  return {
    shopper: { platform: platform as Platform, locale: values.locale as Locale, screen: values.screen, linked: !values.unlinked, returning: values.returning },
    verbose: values.verbose,
  };
}

function print(turn: TurnView, verbose: boolean): void {
  if (verbose) {
    const understood = turn.understood;
    const slots = understood && Object.keys(understood.slots).length ? ` ${JSON.stringify(understood.slots)}` : '';
    const heard = understood ? `${understood.intent}${slots} (score ${understood.score.toFixed(2)}${understood.exact ? ', exact' : ''}) → ` : '';
    console.log(`  [${heard}${turn.platformIntent}${turn.newSession ? ', new session' : ''}; ${turn.timings.totalMs} ms]`);
  }
  if (turn.status !== 200) {
    console.log(`vocart (HTTP ${turn.status})> ${JSON.stringify(turn.response)}`);
    return;
  }
  console.log(`vocart> ${turn.speech}`);
  if (verbose && turn.reprompt) console.log(`  [reprompt: ${turn.reprompt}]`);
  if (turn.apl) console.log(turn.apl.items.map((item, index) => `  ${index + 1}. ${item.title}${item.detail ? ` · ${item.detail}` : ''}`).join('\n'));
  if (turn.suggestions?.length) console.log(`  [suggestions: ${turn.suggestions.join(' | ')}]`);
  if (turn.endSession) console.log('  (the session ended: type to start again, or /new)');
}

let runtime: LocalRuntime | undefined;

async function main(): Promise<void> {
  const { shopper, verbose } = options();
  const env = { ...process.env };
  // The skill's JSON log lines would bury the conversation; LOG_LEVEL=INFO brings them back.
  env.LOG_LEVEL ??= 'SILENT';
  runtime = await startLocalRuntime({ env });
  const simulator = new Simulator({ app: runtime.app, understanding: modelUnderstanding, demoAccessToken: runtime.demo.accessToken, demoAccessTokens: { 'de-DE': DEMO_CUSTOMERS['de-DE'].accessToken } });
  const conversation = simulator.conversation(shopper);
  await simulator.understandingFor(shopper.locale);
  console.log(`vocart chat · ${shopper.platform} · ${shopper.locale} · ${shopper.linked ? 'linked to the demo account' : 'not linked'}${shopper.screen ? ' · screen' : ''}. /new starts a new session, /quit leaves.`);
  print(await conversation.launch(), verbose);

  // The async iterator buffers lines, so piped input (a script of utterances) is read in full, one turn at a time.
  const lines = createInterface({ input: process.stdin, terminal: Boolean(process.stdin.isTTY) });
  const prompt = () => process.stdout.write('you> ');
  prompt();
  try {
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === '/quit' || line === '/exit') break;
      if (line) {
        if (!process.stdin.isTTY) console.log(line);
        print(line === '/new' ? await conversation.launch() : await conversation.say(line), verbose);
      }
      prompt();
    }
  } finally {
    lines.close();
  }
}

main()
  .then(async () => {
    await runtime?.stop();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    await runtime?.stop();
    if (error instanceof UsageError || error instanceof JavaMissingError || error instanceof ConfigError) console.error(error.message);
    else console.error(`chat stopped: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });

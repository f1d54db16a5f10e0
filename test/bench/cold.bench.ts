/**
 * npm run bench:cold [-- --rounds 7] [--index <catalog index file>]
 *
 * Cold starts of the Lambda bundles as `cdk synth` builds them (the options come from infra/bundling/options.ts,
 * the module the CDK construct uses), next to a bare ask-sdk-core skill bundled the same way
 * (bare-alexa-skill.ts). Each cold start is a fresh `node` process that imports one bundle and handles one
 * realistic event against DynamoDB Local, seeded with the demo customer: an Alexa LaunchRequest for vocart-alexa
 * and the bare skill, a Dialogflow search request for vocart-google. The time is taken inside the child, from
 * process start (performance.timeOrigin) to the handler's answer. The bundles run in turn, round after round,
 * so a busy machine slows all of them alike; the table shows medians, of the time to the answer and of the CPU time
 * the process used until then (steadier than the clock when other work shares the machine), and for the clock also
 * the median of each round's own ratio to the bare skill's start in that round ("paired": a slow spell of the
 * machine then weighs on both sides of one ratio instead of on one side of the medians).
 *
 * --index ships another prebuilt index (e.g. the 49,688-product one from `npm run catalog:build -- --catalog …`)
 * instead of the demo one. --compare <dir> also bundles the Lambdas of another checkout (e.g. `git archive <commit>`
 * unpacked there, with a node_modules link), with that checkout's own bundling options, and runs them in the same
 * rounds: before/after figures from one run on a shared machine. The bare skill gets this checkout's options, stubs
 * included. After the table, the largest parts of each bundle (npm package or source folder); the last line is
 * one JSON object with every figure.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Metafile } from 'esbuild';
import demoCustomer from '../../skill/data/demo-customer.json';
import { esbuildOptions } from '../../infra/bundling/options';
import { createApp } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import { ensureTable } from '../../skill/store';
import { defaultCatalogIndexPath } from '../../skill/store/catalog-file';
import { seedDemoCustomer } from '../../skill/store/seed';
import { startDynamoDbLocal } from '../../lambda/local/dynamodb-local';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Inside node_modules so the bundles find the @aws-sdk packages they leave external, as Lambda's runtime provides them.
const outDir = join(root, 'node_modules', '.cache', 'vocart-cold-bench');
const TABLE = 'vocart-cold-bench';

interface Subject {
  name: string;
  entry: string;
  event: () => unknown;
  /** The checkout the entry is bundled from, with its own infra/bundling/options.ts (default: this one). */
  from?: string;
}

const alexaLaunch = () => {
  const envelope = JSON.parse(readFileSync(join(root, 'test/fixtures/alexa/launch-echo-dot.json'), 'utf8')) as { request: { timestamp: string } };
  envelope.request.timestamp = new Date().toISOString();
  return envelope;
};

const dialogflowSearch = () => ({
  version: '2.0',
  rawPath: '/',
  headers: { 'content-type': 'application/json' },
  requestContext: { http: { method: 'POST', path: '/' } },
  body: readFileSync(join(root, 'test/fixtures/google/console-search.en.json'), 'utf8'),
  isBase64Encoded: false,
});

const SUBJECTS: Subject[] = [
  { name: 'vocart-alexa', entry: 'lambda/alexa.ts', event: alexaLaunch },
  { name: 'vocart-google', entry: 'lambda/google.ts', event: dialogflowSearch },
  { name: 'bare-alexa', entry: 'test/bench/bare-alexa-skill.ts', event: alexaLaunch },
];

/**
 * Runs in the child: import, one event, then the time since the process started. Handlers may answer by
 * promise (vocart) or by callback (ask-sdk's lambda()).
 */
const CHILD = `
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [bundle, eventFile] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundle).href);
const importedMs = performance.now();
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 8000 };
const result = await new Promise((resolve, reject) => {
  const returned = handler(event, context, (error, value) => (error ? reject(error) : resolve(value)));
  if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
});
const answeredMs = performance.now();
const cpu = process.cpuUsage();
const cpuMs = (cpu.user + cpu.system) / 1000;
const text = JSON.stringify(result);
process.stdout.write(JSON.stringify({ importedMs, answeredMs, cpuMs, answerBytes: text.length, answer: text.slice(0, 160) }));
process.exit(0);
`;

interface Bundle {
  file: string;
  bytes: number;
  zodBytes: number;
  /** Bytes in the output by package (node_modules) or by source folder, largest first. */
  parts: Array<[string, number]>;
}

/** What an input counts towards: its npm package, or its folder of vocart's sources (skill/core/catalog…). */
function partOf(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (pkg) return pkg[1]!;
  const segments = input.split('/');
  return segments.slice(0, Math.min(3, segments.length - 1)).join('/') || input;
}

async function bundle(subject: Subject): Promise<Bundle> {
  const file = join(outDir, `${subject.name.replace(/[^\w.-]/g, '_')}.mjs`);
  const options = subject.from
    ? ((await import(pathToFileURL(join(subject.from, 'infra/bundling/options.ts')).href)) as { esbuildOptions: typeof esbuildOptions }).esbuildOptions
    : esbuildOptions;
  const result = await build({ ...options(subject.from ?? root, subject.entry, file), metafile: true });
  const output = Object.values(result.metafile.outputs).find((out) => out.entryPoint !== undefined) as Metafile['outputs'][string];
  let zodBytes = 0;
  const parts = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (/node_modules\/zod\//.test(input)) zodBytes += bytesInOutput;
    parts.set(partOf(input), (parts.get(partOf(input)) ?? 0) + bytesInOutput);
  }
  return { file, bytes: output.bytes, zodBytes, parts: [...parts].sort((a, b) => b[1] - a[1]) };
}

interface ColdStart {
  importedMs: number;
  answeredMs: number;
  /** CPU time (user + system) of the process up to the answer: the work itself, without waiting for a busy machine. */
  cpuMs: number;
  answer: string;
}

function coldStart(bundleFile: string, eventFile: string, env: NodeJS.ProcessEnv): Promise<ColdStart> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(outDir, 'child.mjs'), bundleFile, eventFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`${bundleFile} exited with ${code}: ${err.slice(-800)}${out.slice(-400)}`));
      resolvePromise(JSON.parse(last) as ColdStart);
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const kb = (bytes: number) => Math.round(bytes / 1024);
const round1 = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string' }, index: { type: 'string' }, compare: { type: 'string' } }, strict: true });
  const compareRoot = values.compare === undefined ? undefined : resolve(values.compare);
  if (compareRoot) {
    SUBJECTS.push(
      ...SUBJECTS.filter(({ name }) => name.startsWith('vocart-')).map((subject) => ({ ...subject, name: `${subject.name}@compare`, from: compareRoot })),
    );
  }
  const rounds = Number(values.rounds ?? 7);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number, not ${values.rounds}`);
  const indexPath = resolve(values.index ?? defaultCatalogIndexPath());

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'child.mjs'), CHILD);
  const bundles = new Map<string, Bundle>();
  for (const subject of SUBJECTS) bundles.set(subject.name, await bundle(subject));

  const dynamo = await startDynamoDbLocal();
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_OPTIONS: '--enable-source-maps',
      TABLE_NAME: TABLE,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      // The bare skill's plain DynamoDBClient finds DynamoDB Local the standard way.
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      CATALOG_INDEX: indexPath,
      LOG_LEVEL: 'WARN',
      POWERTOOLS_SERVICE_NAME: 'bench',
    };
    const app = createApp(loadConfig(env));
    await ensureTable(app.store.client, TABLE);
    await seedDemoCustomer(TABLE, demoCustomer, { now: () => new Date() }, { catalog: app.catalog, priors: app.priors });

    const times = new Map(SUBJECTS.map((subject) => [subject.name, [] as number[]]));
    const imports = new Map(SUBJECTS.map((subject) => [subject.name, [] as number[]]));
    const cpu = new Map(SUBJECTS.map((subject) => [subject.name, [] as number[]]));
    // One untimed start each: the first process to touch a bundle pays for the disk cache, not for the bundle.
    for (let round = 0; round <= rounds; round += 1) {
      // Rotate who goes first, so no bundle always follows the same one.
      const order = SUBJECTS.map((_, i) => SUBJECTS[(i + round) % SUBJECTS.length]!);
      for (const subject of order) {
        const eventFile = join(outDir, `${subject.name}.event.json`);
        writeFileSync(eventFile, JSON.stringify(subject.event()));
        const start = await coldStart(bundles.get(subject.name)!.file, eventFile, env);
        if (round === 0) {
          if (!/speech|ssml|fulfillmentText|outputSpeech/.test(start.answer)) throw new Error(`${subject.name} did not answer: ${start.answer}`);
          continue;
        }
        times.get(subject.name)!.push(start.answeredMs);
        cpu.get(subject.name)!.push(start.cpuMs);
        imports.get(subject.name)!.push(start.importedMs);
      }
    }

    const figures = Object.fromEntries(
      SUBJECTS.map(({ name }) => {
        const { bytes, zodBytes } = bundles.get(name)!;
        return [name, { kb: kb(bytes), kbWithoutZod: kb(bytes - zodBytes), zodKb: kb(zodBytes), importMs: round1(median(imports.get(name)!)), coldMs: round1(median(times.get(name)!)), cpuMs: round1(median(cpu.get(name)!)) }];
      }),
    ) as Record<string, { kb: number; kbWithoutZod: number; zodKb: number; importMs: number; coldMs: number; cpuMs: number }>;
    const bare = figures['bare-alexa']!;
    const ratio = (name: string) => Math.round((figures[name]!.coldMs / bare.coldMs) * 100) / 100;
    const cpuRatio = (name: string) => Math.round((figures[name]!.cpuMs / bare.cpuMs) * 100) / 100;
    const bareTimes = times.get('bare-alexa')!;
    const pairedRatio = (name: string) => Math.round(median(times.get(name)!.map((ms, i) => ms / bareTimes[i]!)) * 100) / 100;

    console.log(`cold starts: ${rounds} rounds, median ms from process start to the answer; index ${indexPath}`);
    const width = Math.max(15, ...SUBJECTS.map(({ name }) => name.length));
    if (compareRoot) console.log(`@compare: bundles of ${compareRoot}`);
    console.log(`${'bundle'.padEnd(width)} size KB   without zod   zod KB   import ms   cold ms   × bare   paired   CPU ms   × bare`);
    for (const { name } of SUBJECTS) {
      const f = figures[name]!;
      console.log(
        `${name.padEnd(width)} ${String(f.kb).padStart(7)}   ${String(f.kbWithoutZod).padStart(11)}   ${String(f.zodKb).padStart(6)}   ${f.importMs.toFixed(1).padStart(9)}   ${f.coldMs.toFixed(1).padStart(7)}   ${ratio(name).toFixed(2).padStart(6)}   ${pairedRatio(name).toFixed(2).padStart(6)}   ${f.cpuMs.toFixed(1).padStart(6)}   ${cpuRatio(name).toFixed(2).padStart(6)}`,
      );
    }
    for (const { name } of SUBJECTS) {
      const top = bundles.get(name)!.parts.slice(0, 10).map(([part, bytes]) => `${part} ${round1(bytes / 1024)}`);
      console.log(`${name} largest parts (KB): ${top.join(', ')}`);
    }
    console.log(JSON.stringify({ rounds, index: indexPath, bundles: figures, alexaOverBare: ratio('vocart-alexa'), googleOverBare: ratio('vocart-google'), alexaPairedOverBare: pairedRatio('vocart-alexa'), alexaCpuOverBare: cpuRatio('vocart-alexa') }));
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

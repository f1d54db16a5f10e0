/**
 * One Lambda function of vocart with the project's defaults in one place: Node.js 22 on arm64, an esbuild
 * bundle (minified, tree-shaken, source maps), a log group with a retention, and optionally the prebuilt
 * catalog index copied next to the code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Where the handlers find the catalog index inside the deployed bundle (Lambda unpacks code to /var/task). */
export const CATALOG_INDEX_IN_BUNDLE = 'catalog-index.bin';
export const CATALOG_INDEX_PATH_IN_LAMBDA = `/var/task/${CATALOG_INDEX_IN_BUNDLE}`;

/** Where the handlers find the replenishment priors, when the stack ships them (REPLENISHMENT_PRIORS). */
export const PRIORS_IN_BUNDLE = 'replenishment-priors.json';
export const PRIORS_PATH_IN_LAMBDA = `/var/task/${PRIORS_IN_BUNDLE}`;

export const LOG_RETENTION = RetentionDays.ONE_MONTH;

/**
 * The bundle is an ES module (the project is "type": "module", and ESM keeps import.meta and top-level
 * await working). CommonJS dependencies bundled into it (dynamoose, ask-sdk-core, actions-on-google) still
 * call require() for Node built-ins and for the external @aws-sdk packages, which an ES module lacks: the
 * banner gives the module a real require, __filename and __dirname.
 */
const ESM_REQUIRE_BANNER = [
  "import { createRequire as vocartCreateRequire } from 'node:module';",
  "import { fileURLToPath as vocartFileURLToPath } from 'node:url';",
  "import { dirname as vocartDirname } from 'node:path';",
  'const require = vocartCreateRequire(import.meta.url);',
  'const __filename = vocartFileURLToPath(import.meta.url);',
  'const __dirname = vocartDirname(__filename);',
].join(' ');

export class CatalogIndexMissingError extends Error {
  constructor(readonly indexPath: string) {
    super(
      `The catalog index ${indexPath} does not exist, and the functions need it at /var/task/${CATALOG_INDEX_IN_BUNDLE}. ` +
        'Build it first (npm run catalog:build), then synthesize again.',
    );
    this.name = 'CatalogIndexMissingError';
  }
}

export interface SkillFunctionProps {
  /** Absolute path of the handler's TypeScript file; it must export `handler`. */
  entry: string;
  /** Repository root: package-lock.json lives here, and the bundler resolves node_modules from here. */
  projectRoot: string;
  description: string;
  /** POWERTOOLS_SERVICE_NAME: how the function's log lines name their source. */
  serviceName: string;
  timeout: Duration;
  memorySizeMb?: number;
  environment?: Record<string, string>;
  /** Absolute path of a prebuilt catalog index to ship in the bundle; sets CATALOG_INDEX for the handler. */
  catalogIndexPath?: string;
  /** Absolute path of a replenishment priors file (`npm run replenish:priors`) to ship; sets REPLENISHMENT_PRIORS. */
  priorsPath?: string;
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export class SkillFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: SkillFunctionProps) {
    super(scope, id);
    const catalogIndex = props.catalogIndexPath;
    // Checked here rather than left to `cp` so the message says what to run. Skipped when the stack is not
    // being bundled (tests, `cdk synth` of another stack), where the file does not matter.
    if (catalogIndex !== undefined && Stack.of(this).bundlingRequired && !existsSync(catalogIndex)) {
      throw new CatalogIndexMissingError(catalogIndex);
    }
    // Relative to the project root, so the copy also works when CDK falls back to bundling in Docker,
    // where the root is mounted at another path.
    const fromRoot = (file: string) => path.relative(props.projectRoot, file).split(path.sep).join('/');
    const copies: Array<[string, string]> = [
      ...(catalogIndex === undefined ? [] : [[fromRoot(catalogIndex), CATALOG_INDEX_IN_BUNDLE] as [string, string]]),
      ...(props.priorsPath === undefined ? [] : [[fromRoot(props.priorsPath), PRIORS_IN_BUNDLE] as [string, string]]),
    ];

    const logGroup = new LogGroup(this, 'Logs', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: path.join(props.projectRoot, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySizeMb ?? 512,
      timeout: props.timeout,
      logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        LOG_LEVEL: props.logLevel ?? 'INFO',
        // Stack traces point at the TypeScript sources instead of the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        ...(catalogIndex === undefined ? {} : { CATALOG_INDEX: CATALOG_INDEX_PATH_IN_LAMBDA }),
        ...(props.priorsPath === undefined ? {} : { REPLENISHMENT_PRIORS: PRIORS_PATH_IN_LAMBDA }),
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        // Minifying renames classes, and the typed errors take their `name` from the class: keep the names
        // so logs and `error.name` checks still say DependencyError rather than `e`.
        keepNames: true,
        sourceMap: true,
        // Line mappings are enough for stack traces; embedding the sources would roughly double the map.
        sourcesContent: false,
        // Bundling already tree-shakes; stated so nobody turns it off by accident with another flag.
        esbuildArgs: { '--tree-shaking': 'true' },
        // The Node.js 22 runtime ships AWS SDK v3 (client-dynamodb, util-dynamodb: what dynamoose uses) and the
        // @smithy packages under it; bundling our own @smithy next to the runtime's @aws-sdk risks a mismatch.
        externalModules: ['@aws-sdk/*', '@smithy/*'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) =>
            copies.map(([source, target]) => `cp ${shellQuote(`${inputDir}/${source}`)} ${shellQuote(`${outputDir}/${target}`)}`),
        },
      },
    });
  }
}

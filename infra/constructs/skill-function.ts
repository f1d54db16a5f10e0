/**
 * One Lambda function of vocart with the project's defaults in one place: Node.js 22 on arm64, an esbuild
 * bundle (options in infra/bundling/options.ts), a log group with a retention, and optionally the prebuilt
 * catalog index copied next to the code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLING, cdkEsbuildArgs, ESM_REQUIRE_BANNER, EXTERNAL_MODULES } from '../bundling/options';

/** Where the handlers find the catalog index inside the deployed bundle (Lambda unpacks code to /var/task). */
export const CATALOG_INDEX_IN_BUNDLE = 'catalog-index.bin';
export const CATALOG_INDEX_PATH_IN_LAMBDA = `/var/task/${CATALOG_INDEX_IN_BUNDLE}`;

/** Where the handlers find the replenishment priors, when the stack ships them (REPLENISHMENT_PRIORS). */
export const PRIORS_IN_BUNDLE = 'replenishment-priors.json';
export const PRIORS_PATH_IN_LAMBDA = `/var/task/${PRIORS_IN_BUNDLE}`;

export const LOG_RETENTION = RetentionDays.ONE_MONTH;

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
        // One set of options for every function and for the cold-start benchmark: infra/bundling/options.ts.
        format: OutputFormat.ESM,
        target: BUNDLING.target,
        banner: ESM_REQUIRE_BANNER,
        minify: BUNDLING.minify,
        keepNames: BUNDLING.keepNames,
        sourceMap: BUNDLING.sourceMap,
        sourcesContent: BUNDLING.sourcesContent,
        esbuildArgs: cdkEsbuildArgs(),
        externalModules: EXTERNAL_MODULES,
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

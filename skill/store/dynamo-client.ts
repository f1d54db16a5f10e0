/**
 * The one DynamoDB client of a process, with deadlines well inside Alexa's 8 s and Dialogflow's 5 s, so a slow
 * database turns into a spoken apology instead of a platform timeout. The AWS SDK's own client: the Lambda runtime
 * ships it, so it costs the bundle nothing (infra/bundling/options.ts). It is the SDK's aggregated `DynamoDB` (a
 * DynamoDBClient with a method per command, from the same module, so loading it costs nothing more): the repositories
 * only `send` commands, and the dynamoose model the tools use (table.ts) can share the very same client.
 */
import { DynamoDB, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoSettings {
  region: string;
  endpoint?: string;
  timeoutMs: number;
}

let latest: DynamoDB | undefined;

export function createDynamoClient(settings: DynamoSettings): DynamoDB {
  const local = settings.endpoint !== undefined;
  latest = new DynamoDB({
    region: settings.region,
    maxAttempts: 2,
    // throwOnRequestTimeout: without it the SDK only warns and keeps waiting past the deadline.
    requestHandler: { requestTimeout: settings.timeoutMs, connectionTimeout: Math.min(settings.timeoutMs, 1000), throwOnRequestTimeout: true },
    ...(local
      ? {
          endpoint: settings.endpoint,
          // DynamoDB Local accepts any key; real AWS uses the default credential chain.
          credentials: {
            accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
            secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
          },
        }
      : {}),
  });
  return latest;
}

export class NoDynamoClientError extends Error {
  constructor() {
    super('no DynamoDB client was created in this process yet (createStore or createDynamoClient comes first)');
    this.name = 'NoDynamoClientError';
  }
}

/** A repository's client: the one given, or for the older table-name-only form, the one this process made last. */
export function clientOrLatest(client: DynamoDBClient | undefined): DynamoDBClient {
  const chosen = client ?? latest;
  if (!chosen) throw new NoDynamoClientError();
  return chosen;
}

/**
 * The client this process created last. The repositories get their client passed in; this is for the tools that
 * still go through the dynamoose model (table.ts: seeding, the CLI), which keeps one client per process and so
 * talks to the database the app talks to.
 */
export function latestDynamoClient(): DynamoDB | undefined {
  return latest;
}

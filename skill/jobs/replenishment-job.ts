/**
 * The daily run's composition root: config → DynamoDB client → due index, and, when the skill's messaging
 * credentials are configured, LWA + skill messaging. Nothing here touches the network until run() is called.
 */
import type { Config } from '../config';
import type { Clock, Log } from '../core/ports';
import { createLog } from '../logging';
import { LwaTokenSource, SkillMessagingClient } from '../platforms/alexa/skill-messaging';
import { createDynamoClient } from '../store/dynamo-client';
import { DynamoDueIndex } from '../store/due-index';
import { runDailyReplenishment, type MessageSender, type RunReport } from './daily-replenishment';

export type JobConfig = Pick<
  Config,
  | 'TABLE_NAME'
  | 'AWS_REGION'
  | 'DYNAMODB_ENDPOINT'
  | 'DYNAMODB_TIMEOUT_MS'
  | 'LOG_LEVEL'
  | 'ALEXA_CLIENT_ID'
  | 'ALEXA_CLIENT_SECRET'
  | 'AMAZON_API_ENDPOINT'
  | 'LWA_TOKEN_URL'
>;

export interface JobOverrides {
  clock?: Clock;
  log?: Log;
  pageSize?: number;
  concurrency?: number;
}

export interface DailyReplenishmentJob {
  run(at?: Date): Promise<RunReport>;
}

export function createMessageSender(config: JobConfig): MessageSender | undefined {
  if (!config.ALEXA_CLIENT_ID || !config.ALEXA_CLIENT_SECRET) return undefined;
  const tokens = new LwaTokenSource({ tokenUrl: config.LWA_TOKEN_URL, clientId: config.ALEXA_CLIENT_ID, clientSecret: config.ALEXA_CLIENT_SECRET });
  return new SkillMessagingClient({ apiEndpoint: config.AMAZON_API_ENDPOINT, tokens });
}

export function createDailyReplenishmentJob(config: JobConfig, overrides: JobOverrides = {}): DailyReplenishmentJob {
  const clock = overrides.clock ?? { now: () => new Date() };
  const log = overrides.log ?? createLog(config);
  const client = createDynamoClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT, timeoutMs: config.DYNAMODB_TIMEOUT_MS });
  const due = new DynamoDueIndex(client, config.TABLE_NAME, overrides.pageSize ? { pageSize: overrides.pageSize } : {});
  // One sender per container: its LWA token is reused across warm invocations until it expires.
  const sender = createMessageSender(config);
  return {
    run: (at) =>
      runDailyReplenishment({ due, log, clock, ...(sender ? { sender } : {}), ...(overrides.concurrency ? { concurrency: overrides.concurrency } : {}) }, at),
  };
}

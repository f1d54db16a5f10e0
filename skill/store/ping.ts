/**
 * Readiness of the database for health checks: one GetItem of a key no item uses (read permission is all it needs,
 * unlike DescribeTable), with a short deadline. The answer is kept for a moment and a check in progress is shared,
 * so a flood of health probes costs the table at most one read every couple of seconds.
 */
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface PingOptions {
  /** A health probe must answer fast; a database slower than this counts as unreachable. */
  timeoutMs?: number;
  /** How long an answer is reused. */
  cacheMs?: number;
  now?: () => number;
}

export type Ping = () => Promise<boolean>;

const PROBE_KEY = { pk: { S: 'HEALTH#ping' }, sk: { S: 'PING' } };

export function createTablePing(client: Pick<DynamoDBClient, 'send'>, tableName: string, options: PingOptions = {}): Ping {
  const timeoutMs = options.timeoutMs ?? 1000;
  const cacheMs = options.cacheMs ?? 2000;
  const now = options.now ?? Date.now;
  let last: { ready: boolean; at: number } | undefined;
  let running: Promise<boolean> | undefined;

  async function probe(): Promise<boolean> {
    try {
      await client.send(new GetItemCommand({ TableName: tableName, Key: PROBE_KEY, ProjectionExpression: 'pk' }), {
        abortSignal: AbortSignal.timeout(timeoutMs),
      });
      return true;
    } catch {
      // Why it failed (no table, no network, throttled, too slow) is for the database's own metrics; readiness is yes or no.
      return false;
    }
  }

  return () => {
    if (last && now() - last.at < cacheMs) return Promise.resolve(last.ready);
    running ??= probe()
      .then((ready) => {
        last = { ready, at: now() };
        return ready;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
}

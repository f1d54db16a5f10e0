/** Counts the DynamoDB commands a client sends (one per round trip the code asks for; SDK retries not counted). */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export function countRequests(client: DynamoDBClient) {
  const seen: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      seen.push(String((context as { commandName?: string }).commandName ?? 'unknown'));
      return next(args);
    },
    { step: 'initialize', name: `vocartRequestCounter${Math.random()}` },
  );
  return {
    /** Commands sent since the last reset, by name. */
    get commands(): readonly string[] {
      return seen;
    },
    get count(): number {
      return seen.length;
    },
    reset(): void {
      seen.length = 0;
    },
  };
}

/**
 * A transaction cancelled only because another request wrote one of its items at that moment (a conflict, not a
 * failed condition) wrote nothing, so it may simply be sent again. Every repository that sends transactions on
 * contended items (an order's commit, a handoff case and the answers waiting for the shopper) retries the same way;
 * how often and how long to wait is theirs.
 */
import { TransactWriteItemsCommand, type DynamoDBClient, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { isTransactionConflictOnly } from './errors';

export interface ConflictRetry {
  attempts: number;
  /** How long to wait after the given failed attempt (1-based). */
  backoffMs(attempt: number): number;
}

/**
 * Sends what `itemsFor(attempt)` gives for each try (a caller may send less on a later try) until one lands, a
 * failure other than a conflict occurs, or the attempts are spent. Returns the attempt that landed.
 */
export async function sendRetryingConflicts(client: DynamoDBClient, itemsFor: (attempt: number) => TransactWriteItem[], retry: ConflictRetry): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteItemsCommand({ TransactItems: itemsFor(attempt) }));
      return attempt;
    } catch (error) {
      if (attempt >= retry.attempts || !isTransactionConflictOnly(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, retry.backoffMs(attempt)));
    }
  }
}

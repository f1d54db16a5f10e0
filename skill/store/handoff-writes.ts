/**
 * The writes both sides of a handoff share: a transaction sent again when it only lost a race (two agents answering
 * at once, an answer landing while the shopper hears another), and the update of a case's state, which moves its
 * entry in the inbox's index with it.
 */
import type { DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { HandoffState } from '../core/handoff/case';
import { sendRetryingConflicts, type ConflictRetry } from './conflict-retry';
import { handoffStatePk } from './keys';

const CONFLICT_BACKOFF_MS = 25;
/** Jitter: two writers that collided (two agents answering at once) should not collide again on the same beat. */
const HANDOFF_RETRY: ConflictRetry = { attempts: 4, backoffMs: (attempt) => CONFLICT_BACKOFF_MS * attempt * (0.5 + Math.random()) };

/** Sends the transaction; one cancelled only by a conflicting write wrote nothing and is sent again, a few times. */
export async function transactWrite(client: DynamoDBClient, items: TransactWriteItem[]): Promise<void> {
  await sendRetryingConflicts(client, () => items, HANDOFF_RETRY);
}

/**
 * SET clauses (without the keyword) moving a case to `state`: the state, its index partition (the sort key, the
 * creation time, stays), the change time and the TTL restarted from it. Names and values the clauses use are added.
 */
export function stateChange(state: HandoffState, at: Date, expiresAt: number, names: Record<string, string>, values: Record<string, unknown>): string {
  Object.assign(names, { '#state': 'state', '#gsi1pk': 'gsi1pk', '#updatedAt': 'updatedAt', '#expiresAt': 'expiresAt' });
  Object.assign(values, { ':state': state, ':statePk': handoffStatePk(state), ':updatedAt': at.toISOString(), ':expiresAt': expiresAt });
  return '#state = :state, #gsi1pk = :statePk, #updatedAt = :updatedAt, #expiresAt = :expiresAt';
}

/**
 * The update that adds a message to a case, by a person or by the shopper: appended to the messages, and the case
 * open again (back in the inbox's open view, a closing undone), on the condition that the case is there. `extraSets`
 * are further SET clauses of the caller's. Names and values the expression uses are added.
 */
export function messageReopens(
  message: { from: 'agent' | 'shopper'; text: string; at: string; agentName?: string },
  at: Date,
  expiresAt: number,
  names: Record<string, string>,
  values: Record<string, unknown>,
  extraSets: string[] = [],
): { UpdateExpression: string; ConditionExpression: string } {
  Object.assign(names, { '#messages': 'messages', '#closedAt': 'closedAt', '#type': 'type' });
  Object.assign(values, { ':message': [message], ':empty': [], ':handoff': 'handoff' });
  const sets = ['#messages = list_append(if_not_exists(#messages, :empty), :message)', ...extraSets, stateChange('open', at, expiresAt, names, values)];
  return { UpdateExpression: `SET ${sets.join(', ')} REMOVE #closedAt`, ConditionExpression: 'attribute_exists(pk) AND #type = :handoff' };
}

/** SET clause (without the keyword) for a change that keeps the state: the change time and the TTL restarted. */
export function touched(at: Date, expiresAt: number, names: Record<string, string>, values: Record<string, unknown>): string {
  Object.assign(names, { '#updatedAt': 'updatedAt', '#expiresAt': 'expiresAt' });
  Object.assign(values, { ':updatedAt': at.toISOString(), ':expiresAt': expiresAt });
  return '#updatedAt = :updatedAt, #expiresAt = :expiresAt';
}

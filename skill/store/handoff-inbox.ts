/**
 * Handoff cases as the shop's people work them: the agent inbox and the help-desk relay. Agent-side code: nothing on
 * the skill's path imports this module (createStore does not), so the skill's bundles stay without it.
 *
 * The inbox finds cases through the table's GSI, where each case is filed under its state (gsi1pk HANDOFFS#<state>,
 * gsi1sk <createdAt>#<caseId>) and each help-desk link under its external id (HANDOFFEXT#<externalId>). Index reads
 * are eventually consistent: they serve to list and to find a case's partition; what a method returns or changes is
 * read or written on the case item itself.
 */
import { GetItemCommand, QueryCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { HANDOFF_REASONS, HANDOFF_STATES, type AgentAction, type HandoffCase, type HandoffFigures, type HandoffReason, type HandoffState } from '../core/handoff/case';
import { BadRequestError } from '../core/errors';
import type { Clock, HandoffInbox } from '../core/ports';
import { isConditionFailure, isTransactionConditionFailure, storeError } from './errors';
import { caseCreatedAt, caseExpiresAt, CASE_RETENTION_DAYS, isCaseId, isExpired, isHandoffReason, toHandoffCase } from './handoff-items';
import { messageReopens, stateChange, touched, transactWrite } from './handoff-writes';
import type { PlainItem } from './item-reads';
import { handoffExternalPk, handoffStatePk, handoffStateSk, SK } from './keys';
import { DUE_INDEX } from './table-layout';

/** Cases a list returns when the caller names no bound, and the most it ever returns. */
export const DEFAULT_INBOX_LIMIT = 50;
export const MAX_INBOX_LIMIT = 200;

const DAY_MS = 24 * 3600 * 1000;
/**
 * A help-desk link outlives the case's own retention twice over: each change to a case restarts the case's TTL but
 * not the link's, and a link that expired first would cut the help desk's answers off from a living case. A link
 * left after its case holds ids only and answers nothing (findExternal reads the case).
 */
const LINK_RETENTION_MS = 2 * CASE_RETENTION_DAYS * DAY_MS;
const MARSHALL = { removeUndefinedValues: true } as const;
/** A case younger than this that the index does not show yet is looked for again, after these pauses. */
const FRESH_CASE_MS = 60_000;
const INDEX_LAG_RETRIES_MS = [100, 250, 500];
/** An external id becomes part of an index key: bounded well inside DynamoDB's key size, and never empty. */
const MAX_EXTERNAL_ID_LENGTH = 256;
const isExternalId = (value: string) => typeof value === 'string' && value.length > 0 && value.length <= MAX_EXTERNAL_ID_LENGTH;

const systemClock: Clock = { now: () => new Date() };

/** The inbox over the store's client and table (the clock dates only what no caller dates: a help-desk link). */
export function createHandoffInbox(client: DynamoDBClient, tableName: string, clock: Clock = systemClock): HandoffInbox {
  return new DynamoHandoffInbox(client, tableName, clock);
}

export class DynamoHandoffInbox implements HandoffInbox {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly clock: Clock = systemClock,
  ) {}

  /** One Query per state (in parallel; more pages only past 1 MB), merged newest first. */
  async list(states: HandoffState[], limit = DEFAULT_INBOX_LIMIT): Promise<HandoffCase[]> {
    const bound = Math.max(1, Math.min(MAX_INBOX_LIMIT, Math.floor(limit) || DEFAULT_INBOX_LIMIT));
    const wanted = [...new Set(states)].filter((state) => HANDOFF_STATES.includes(state));
    try {
      const perState = await Promise.all(wanted.map((state) => this.newest(state, bound)));
      return perState
        .flat()
        .sort((a, b) => (a.createdAt === b.createdAt ? b.caseId.localeCompare(a.caseId) : b.createdAt.localeCompare(a.createdAt)))
        .slice(0, bound);
    } catch (error) {
      throw storeError('list handoff cases', error);
    }
  }

  /**
   * A Query of one partition of the inbox's views in the table's one GSI (gsi1pk = `partition`: a state's cases, or
   * a help-desk id's link), with a sort-key condition, an order, a bound and the attributes to read when given.
   */
  private indexQuery(
    partition: string,
    options: { sortKey?: { op: '=' | '>='; value: string }; newestFirst?: boolean; limit?: number; project?: string[]; startKey?: Record<string, AttributeValue> },
  ): QueryCommand {
    const names: Record<string, string> = { '#gpk': 'gsi1pk', ...(options.sortKey ? { '#gsk': 'gsi1sk' } : {}) };
    const projected = (options.project ?? []).map((attribute) => {
      names[`#${attribute}`] = attribute;
      return `#${attribute}`;
    });
    return new QueryCommand({
      TableName: this.tableName,
      IndexName: DUE_INDEX,
      KeyConditionExpression: options.sortKey ? `#gpk = :gpk AND #gsk ${options.sortKey.op} :gsk` : '#gpk = :gpk',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: marshall({ ':gpk': partition, ...(options.sortKey ? { ':gsk': options.sortKey.value } : {}) }),
      ...(projected.length > 0 ? { ProjectionExpression: projected.join(', ') } : {}),
      ...(options.newestFirst ? { ScanIndexForward: false } : {}),
      ...(options.limit !== undefined ? { Limit: options.limit } : {}),
      ...(options.startKey ? { ExclusiveStartKey: options.startKey } : {}),
    });
  }

  private async newest(state: HandoffState, limit: number): Promise<HandoffCase[]> {
    const cases: HandoffCase[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.client.send(
        this.indexQuery(handoffStatePk(state), { newestFirst: true, limit: limit - cases.length, ...(startKey ? { startKey } : {}) }),
      );
      // A malformed case is left out of the list rather than failing the inbox for every other case; an expired one
      // is gone for the inbox before DynamoDB gets round to deleting it.
      const now = this.clock.now();
      for (const raw of page.Items ?? []) {
        const item = unmarshall(raw) as PlainItem;
        const handoff = isExpired(item, now) ? undefined : toHandoffCase(item);
        if (handoff) cases.push(handoff);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && cases.length < limit);
    return cases;
  }

  /**
   * The partition (customer) of a case, from the index: the id carries its creation time, so its index sort key is
   * known and one exact-key Query per state partition finds it (three in parallel: the state is not known, and while
   * the index catches up with a state change the case may briefly sit in two). Undefined for an id that is not ours.
   *
   * The index is updated a moment after the case item (usually well under a second). A case opened that recently
   * (its id says when) and not found yet is looked for again a few times: the relay links a case to its help desk
   * straight from the stream record of its creation.
   */
  private async locate(caseId: string): Promise<string | undefined> {
    const createdAt = caseCreatedAt(caseId);
    if (!createdAt) return undefined;
    for (let attempt = 0; ; attempt++) {
      const pk = await this.findInIndex(caseId, createdAt);
      if (pk) return pk;
      const fresh = this.clock.now().getTime() - Date.parse(createdAt) < FRESH_CASE_MS;
      if (!fresh || attempt >= INDEX_LAG_RETRIES_MS.length) return undefined;
      await new Promise((resolve) => setTimeout(resolve, INDEX_LAG_RETRIES_MS[attempt]));
    }
  }

  private async findInIndex(caseId: string, createdAt: string): Promise<string | undefined> {
    const found = await Promise.all(
      HANDOFF_STATES.map((state) =>
        this.client.send(this.indexQuery(handoffStatePk(state), { sortKey: { op: '=', value: handoffStateSk(createdAt, caseId) }, project: ['pk'] })),
      ),
    );
    for (const result of found) {
      const pk = result.Items?.[0]?.pk?.S;
      if (pk) return pk;
    }
    return undefined;
  }

  /** A consistent GetItem of the case item: what the agent sees is what was last written. */
  private async read(pk: string, caseId: string): Promise<HandoffCase | undefined> {
    const result = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: marshall({ pk, sk: SK.handoff(caseId) }), ConsistentRead: true }));
    const item = result.Item ? (unmarshall(result.Item) as PlainItem) : undefined;
    return item && !isExpired(item, this.clock.now()) ? toHandoffCase(item) : undefined;
  }

  /** locate (3 Queries in parallel), then one GetItem. Undefined for an unknown, malformed or removed case. */
  async get(caseId: string): Promise<HandoffCase | undefined> {
    try {
      const pk = await this.locate(caseId);
      return pk ? await this.read(pk, caseId) : undefined;
    } catch (error) {
      throw storeError('read handoff case', error);
    }
  }

  /**
   * locate, one TransactWriteItems (the message on the case, which is open again until the shopper hears it; the
   * answer queued in the shopper's answers item), then the GetItem the caller is answered with. Two agents replying at
   * once: both appends land (a transaction that lost the race is sent again).
   */
  async reply(caseId: string, text: string, at: Date, agentName?: string): Promise<HandoffCase | undefined> {
    try {
      const pk = await this.locate(caseId);
      if (!pk) return undefined;
      const iso = at.toISOString();
      const expiresAt = caseExpiresAt(at);
      const message = { from: 'agent' as const, text, at: iso, ...(agentName ? { agentName } : {}) };
      const names: Record<string, string> = { '#firstReplyAt': 'firstReplyAt' };
      const values: Record<string, unknown> = { ':at': iso };
      const update = messageReopens(message, at, expiresAt, names, values, ['#firstReplyAt = if_not_exists(#firstReplyAt, :at)']);
      await transactWrite(this.client, [
        {
          Update: {
            TableName: this.tableName,
            Key: marshall({ pk, sk: SK.handoff(caseId) }),
            ...update,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: marshall(values, MARSHALL),
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: marshall({ pk, sk: SK.handoffAnswers }),
            // The revision lets markDelivered notice an answer that arrived after it read the list.
            UpdateExpression: 'SET #answers = list_append(if_not_exists(#answers, :empty), :answer), #type = :type, #expiresAt = :expiresAt ADD #rev :one',
            ExpressionAttributeNames: { '#answers': 'answers', '#type': 'type', '#expiresAt': 'expiresAt', '#rev': 'rev' },
            ExpressionAttributeValues: marshall(
              { ':answer': [{ caseId, text, at: iso, ...(agentName ? { agentName } : {}) }], ':empty': [], ':type': 'handoff-answers', ':expiresAt': expiresAt, ':one': 1 },
              MARSHALL,
            ),
          },
        },
      ]);
      return await this.read(pk, caseId);
    } catch (error) {
      // The case went (erased, expired) between finding and writing it.
      if (isTransactionConditionFailure(error)) return undefined;
      throw storeError('reply to handoff case', error);
    }
  }

  /** locate, then one UpdateItem returning the case. */
  async close(caseId: string, at: Date): Promise<HandoffCase | undefined> {
    const names: Record<string, string> = { '#closedAt': 'closedAt' };
    const values: Record<string, unknown> = { ':closedAt': at.toISOString() };
    const sets = `#closedAt = :closedAt, ${stateChange('closed', at, caseExpiresAt(at), names, values)}`;
    return this.update(caseId, 'close handoff case', sets, names, values);
  }

  /** locate, then one UpdateItem returning the case. */
  async recordAction(caseId: string, action: AgentAction): Promise<HandoffCase | undefined> {
    const at = new Date(action.at);
    if (Number.isNaN(at.getTime())) throw new BadRequestError('an agent action needs a valid ISO time (at)');
    const recorded = {
      kind: action.kind,
      orderId: action.orderId,
      at: action.at,
      outcome: action.outcome,
      ...(action.agentName ? { agentName: action.agentName } : {}),
      ...(action.detail ? { detail: action.detail } : {}),
    };
    const names: Record<string, string> = { '#actions': 'actions' };
    const values: Record<string, unknown> = { ':action': [recorded], ':empty': [] };
    const sets = `#actions = list_append(if_not_exists(#actions, :empty), :action), ${touched(at, caseExpiresAt(at), names, values)}`;
    return this.update(caseId, 'record agent action', sets, names, values);
  }

  private async update(caseId: string, operation: string, sets: string, names: Record<string, string>, values: Record<string, unknown>): Promise<HandoffCase | undefined> {
    try {
      const pk = await this.locate(caseId);
      if (!pk) return undefined;
      const result = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk, sk: SK.handoff(caseId) }),
          UpdateExpression: `SET ${sets}`,
          ConditionExpression: 'attribute_exists(pk) AND #type = :handoff',
          ExpressionAttributeNames: { ...names, '#type': 'type' },
          ExpressionAttributeValues: marshall({ ...values, ':handoff': 'handoff' }, MARSHALL),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toHandoffCase(result.Attributes ? (unmarshall(result.Attributes) as PlainItem) : undefined);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw storeError(operation, error);
    }
  }

  /**
   * locate, then one TransactWriteItems: the id on the case and a small link item beside it in the customer's
   * partition (so erasure takes it, and its index entry with it), filed in the index under the external id. A case
   * that no longer exists is not linked. A case has one link: linking it again replaces the earlier one.
   */
  async setExternalId(caseId: string, externalId: string): Promise<void> {
    if (!isExternalId(externalId)) throw new BadRequestError(`an external id is 1 to ${MAX_EXTERNAL_ID_LENGTH} characters`);
    try {
      const pk = await this.locate(caseId);
      if (!pk) return;
      const linkedAt = this.clock.now().getTime();
      await transactWrite(this.client, [
        {
          Update: {
            TableName: this.tableName,
            Key: marshall({ pk, sk: SK.handoff(caseId) }),
            UpdateExpression: 'SET #externalId = :externalId',
            ConditionExpression: 'attribute_exists(pk) AND #type = :handoff',
            ExpressionAttributeNames: { '#externalId': 'externalId', '#type': 'type' },
            ExpressionAttributeValues: marshall({ ':externalId': externalId, ':handoff': 'handoff' }),
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: marshall({
              pk,
              sk: SK.handoffLink(caseId),
              type: 'handoff-link',
              caseId,
              externalId,
              gsi1pk: handoffExternalPk(externalId),
              gsi1sk: caseId,
              expiresAt: Math.floor((linkedAt + LINK_RETENTION_MS) / 1000),
            }),
          },
        },
      ]);
    } catch (error) {
      if (isTransactionConditionFailure(error)) return;
      throw storeError('link handoff case', error);
    }
  }

  /** One Query of the external id's index partition, then one GetItem of the case it names (the newest, if several). */
  async findExternal(externalId: string): Promise<HandoffCase | undefined> {
    if (!isExternalId(externalId)) return undefined;
    try {
      const result = await this.client.send(
        this.indexQuery(handoffExternalPk(externalId), { newestFirst: true, limit: 5 }),
      );
      for (const raw of result.Items ?? []) {
        const link = unmarshall(raw) as PlainItem;
        if (link.type !== 'handoff-link' || !isCaseId(link.caseId)) continue;
        const handoff = await this.read(link.pk, link.caseId);
        // The case may have been linked anew since the index was written: only its current link counts.
        if (handoff?.externalId === externalId) return handoff;
      }
      return undefined;
    } catch (error) {
      throw storeError('find handoff case by external id', error);
    }
  }

  /**
   * Counts over the cases opened since `since`: one Query per state partition (in parallel, paged), reading only the
   * reason, the times and the state. No personal data is read.
   */
  async figures(since: Date): Promise<HandoffFigures> {
    const sinceIso = since.toISOString();
    const casesByReason = Object.fromEntries(HANDOFF_REASONS.map((reason) => [reason, 0])) as Record<HandoffReason, number>;
    const byState: Record<HandoffState, number> = { open: 0, answered: 0, closed: 0 };
    const minutes: number[] = [];
    try {
      const rows = (await Promise.all(HANDOFF_STATES.map((state) => this.figureRows(state, sinceIso)))).flat();
      for (const row of rows) {
        if (!isHandoffReason(row.reason) || !HANDOFF_STATES.includes(row.state as HandoffState) || typeof row.createdAt !== 'string') continue;
        casesByReason[row.reason] += 1;
        byState[row.state as HandoffState] += 1;
        if (typeof row.firstReplyAt === 'string') {
          const waited = (Date.parse(row.firstReplyAt) - Date.parse(row.createdAt)) / 60_000;
          if (Number.isFinite(waited) && waited >= 0) minutes.push(waited);
        }
      }
    } catch (error) {
      throw storeError('count handoff figures', error);
    }
    return { since: sinceIso, casesByReason, ...byState, firstReplyMinutes: summarise(minutes) };
  }

  private async figureRows(state: HandoffState, sinceIso: string): Promise<Array<Record<string, unknown>>> {
    const rows: Array<Record<string, unknown>> = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.client.send(
        this.indexQuery(handoffStatePk(state), {
          sortKey: { op: '>=', value: sinceIso },
          // Only what the figures count: no message, no transcript, no customer.
          project: ['reason', 'state', 'createdAt', 'firstReplyAt', 'expiresAt'],
          ...(startKey ? { startKey } : {}),
        }),
      );
      const now = this.clock.now();
      rows.push(...(page.Items ?? []).map((raw) => unmarshall(raw) as PlainItem).filter((row) => !isExpired(row, now)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return rows;
  }
}

/** Median and 90th percentile (nearest rank) in minutes, to one decimal; absent when nobody has answered yet. */
function summarise(minutes: number[]): HandoffFigures['firstReplyMinutes'] {
  if (minutes.length === 0) return { count: 0 };
  const sorted = [...minutes].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1]!;
  const round = (value: number) => Math.round(value * 10) / 10;
  return { count: sorted.length, median: round(median), p90: round(p90) };
}

/**
 * Handoff cases as the conversation uses them (the skill's side; the agent's is handoff-inbox.ts). Every write is one
 * request except where noted: this runs inside a turn.
 *
 * Items (keys.ts): the case `HANDOFF#<caseId>` and the answers item `HANDOFF#ANSWERS` in the customer's partition,
 * the transcript buffer `TRANSCRIPT#<dialogKey>` beside them; the case is also filed in the GSI under its state.
 */
import { GetItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ConcurrentUpdateError } from '../core/errors';
import type { CaseMessage, HandoffCase, NewHandoffCase, TranscriptEntry } from '../core/handoff/case';
import type { Clock, HandoffCases } from '../core/ports';
import { isConditionFailure, isTransactionConditionFailure, isTransactionConflictOnly, storeError } from './errors';
import { caseExpiresAt, caseItem, epochSeconds, isCaseId, newCaseId, toAnswers, toHandoffCase, toTranscriptEntry, TRANSCRIPT_LIMIT } from './handoff-items';
import { messageReopens, stateChange, touched, transactWrite } from './handoff-writes';
import { getItems, type PlainItem } from './item-reads';
import { customerPk, SK } from './keys';

const MARSHALL = { removeUndefinedValues: true } as const;
/** A transaction holds at most 100 items; a shopper hears a handful of answers at once. */
const MAX_DELIVERED_CASES = 50;
const DELIVERY_ATTEMPTS = 3;

export class DynamoHandoffCases implements HandoffCases {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  /** One TransactWriteItems: the case (never over an existing one) and the answers item naming it the latest. */
  async open(input: NewHandoffCase): Promise<HandoffCase> {
    const at = this.clock.now();
    const iso = at.toISOString();
    const caseId = newCaseId(at);
    const handoff: HandoffCase = {
      caseId,
      customerId: input.customerId,
      channel: input.channel,
      locale: input.locale,
      reason: input.reason,
      state: 'open',
      createdAt: iso,
      updatedAt: iso,
      // The store keeps a transcript only with the shopper's yes, whatever the caller passed.
      transcript: input.transcriptShared ? input.transcript.map(toTranscriptEntry) : [],
      transcriptShared: input.transcriptShared,
      cart: input.cart.map(({ productId, quantity }) => ({ productId, quantity })),
      ...(input.orderId !== undefined ? { orderId: input.orderId } : {}),
      ...(input.problem !== undefined ? { problem: input.problem } : {}),
      messages: [],
      actions: [],
    };
    const pk = customerPk(input.customerId);
    try {
      await transactWrite(this.client, [
        { Put: { TableName: this.tableName, Item: marshall(caseItem(handoff), MARSHALL), ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: this.tableName,
            Key: marshall({ pk, sk: SK.handoffAnswers }),
            UpdateExpression: 'SET #type = :type, #latest = :caseId, #expiresAt = :expiresAt',
            ExpressionAttributeNames: { '#type': 'type', '#latest': 'latestCaseId', '#expiresAt': 'expiresAt' },
            ExpressionAttributeValues: marshall({ ':type': 'handoff-answers', ':caseId': caseId, ':expiresAt': caseExpiresAt(at) }),
          },
        },
      ]);
    } catch (error) {
      throw storeError('open handoff case', error);
    }
    return handoff;
  }

  /** One UpdateItem, only on an existing case (ConcurrentUpdateError when it is gone). */
  async shareTranscript(customerId: string, caseId: string, transcript: TranscriptEntry[]): Promise<void> {
    const at = this.clock.now();
    const names: Record<string, string> = { '#transcript': 'transcript', '#shared': 'transcriptShared', '#type': 'type' };
    const values: Record<string, unknown> = { ':transcript': transcript.map(toTranscriptEntry), ':true': true, ':handoff': 'handoff' };
    const sets = `#transcript = :transcript, #shared = :true, ${touched(at, caseExpiresAt(at), names, values)}`;
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk: customerPk(customerId), sk: SK.handoff(caseId) }),
          UpdateExpression: `SET ${sets}`,
          ConditionExpression: 'attribute_exists(pk) AND #type = :handoff',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: marshall(values, MARSHALL),
        }),
      );
    } catch (error) {
      throw storeError('share handoff transcript', error);
    }
  }

  /**
   * The buffer is a ring of exactly TRANSCRIPT_LIMIT slots (padded with nulls while young): a turn appends at the end
   * and drops the first in one UpdateItem, both evaluated against the item as it was, so it never grows and costs one
   * request. Only a conversation's first recorded turn (no buffer yet, or one of another size) costs a second: the
   * ring's condition fails and a fresh padded buffer is put.
   */
  async recordTurn(customerId: string, dialogKey: string, entry: TranscriptEntry, expiresAt: Date): Promise<void> {
    const key = { pk: customerPk(customerId), sk: SK.transcript(dialogKey) };
    const expires = epochSeconds(expiresAt);
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall(key),
          UpdateExpression: `SET #entries[${TRANSCRIPT_LIMIT}] = :entry, #expiresAt = :expiresAt REMOVE #entries[0]`,
          ConditionExpression: 'size(#entries) = :limit',
          ExpressionAttributeNames: { '#entries': 'entries', '#expiresAt': 'expiresAt' },
          ExpressionAttributeValues: marshall({ ':entry': toTranscriptEntry(entry), ':expiresAt': expires, ':limit': TRANSCRIPT_LIMIT }),
        }),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw storeError('record turn', error);
    }
    const entries = [...Array<null>(TRANSCRIPT_LIMIT - 1).fill(null), toTranscriptEntry(entry)];
    try {
      await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: marshall({ ...key, type: 'transcript', entries, expiresAt: expires }, MARSHALL) }));
    } catch (error) {
      throw storeError('start transcript', error);
    }
  }

  /**
   * One consistent BatchGetItem (the answers item and the cases) and one TransactWriteItems: the heard answers leave
   * the answers item, the cases' agent messages up to `at` are marked delivered, and a case still open with such a
   * message becomes answered. An answer dated after `at` arrived after the shopper's load: it waits for the next visit
   * (and keeps its case open). Every write is conditioned on what was read (the answers' revision, each case's
   * updatedAt): an answer or a shopper's reply landing in between makes it read and try again.
   */
  async markDelivered(customerId: string, caseIds: string[], at: Date): Promise<void> {
    const ids = [...new Set(caseIds)].filter(isCaseId).slice(0, MAX_DELIVERED_CASES);
    if (ids.length === 0) return;
    const pk = customerPk(customerId);
    for (let attempt = 1; ; attempt++) {
      try {
        const items = await getItems(this.client, this.tableName, [{ pk, sk: SK.handoffAnswers }, ...ids.map((id) => ({ pk, sk: SK.handoff(id) }))], { consistent: true });
        const writes = this.deliveryWrites(pk, items, ids, at);
        if (writes.length > 0) await transactWrite(this.client, writes);
        return;
      } catch (error) {
        const raced = isTransactionConditionFailure(error) || isTransactionConflictOnly(error);
        if (raced && attempt < DELIVERY_ATTEMPTS) continue;
        if (raced) throw new ConcurrentUpdateError('mark answers delivered: the cases kept changing', { cause: error });
        throw storeError('mark answers delivered', error);
      }
    }
  }

  private deliveryWrites(pk: string, items: PlainItem[], ids: string[], at: Date): TransactWriteItem[] {
    const atIso = at.toISOString();
    const writes: TransactWriteItem[] = [];
    const answersItem = items.find((item) => item.sk === SK.handoffAnswers);
    const { answers } = toAnswers(answersItem);
    const heard = (answer: { caseId: string; at: string }) => ids.includes(answer.caseId) && answer.at <= atIso;
    if (answersItem && answers.some(heard)) {
      const revision = typeof answersItem.rev === 'number' ? answersItem.rev : undefined;
      writes.push({
        Update: {
          TableName: this.tableName,
          Key: marshall({ pk, sk: SK.handoffAnswers }),
          UpdateExpression: 'SET #answers = :remaining ADD #rev :one',
          ConditionExpression: revision === undefined ? 'attribute_not_exists(#rev)' : '#rev = :rev',
          ExpressionAttributeNames: { '#answers': 'answers', '#rev': 'rev' },
          ExpressionAttributeValues: marshall({ ':remaining': answers.filter((answer) => !heard(answer)), ':one': 1, ...(revision === undefined ? {} : { ':rev': revision }) }, MARSHALL),
        },
      });
    }
    for (const id of ids) {
      const item = items.find((candidate) => candidate.sk === SK.handoff(id));
      const handoff = toHandoffCase(item);
      if (!item || !handoff) continue;
      // Indexes into the list as stored (the case read leaves malformed messages out, which would shift them).
      const stored = Array.isArray(item.messages) ? (item.messages as unknown[]) : [];
      const waiting = stored.flatMap((message, index) => {
        const m = message as Partial<CaseMessage> | null;
        return typeof m === 'object' && m !== null && m.from === 'agent' && typeof m.at === 'string' && m.deliveredAt === undefined ? [{ index, at: m.at }] : [];
      });
      const undelivered = waiting.filter((message) => message.at <= atIso).map((message) => message.index);
      if (undelivered.length === 0) continue;
      const names: Record<string, string> = { '#messages': 'messages', '#deliveredAt': 'deliveredAt' };
      const values: Record<string, unknown> = { ':at': atIso };
      const sets = undelivered.map((index) => `#messages[${index}].#deliveredAt = :at`);
      // The answer was heard: an open case is answered now, unless a later answer still waits (it stays open until that
      // one is heard too); an answered or closed case keeps its state.
      const laterWaiting = waiting.some((message) => message.at > atIso);
      const answered = handoff.state === 'open' && !laterWaiting;
      sets.push(answered ? stateChange('answered', at, caseExpiresAt(at), names, values) : touched(at, caseExpiresAt(at), names, values));
      values[':read'] = handoff.updatedAt;
      writes.push({
        Update: {
          TableName: this.tableName,
          Key: marshall({ pk, sk: SK.handoff(id) }),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: '#updatedAt = :read',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: marshall(values, MARSHALL),
        },
      });
    }
    return writes;
  }

  /**
   * "Tell them …": one consistent GetItem of the answers item for the latest case, then one UpdateItem appending the
   * message and reopening the case (back in the inbox's open view). Undefined when there is no case to reply to.
   */
  async shopperReply(customerId: string, text: string, at: Date): Promise<HandoffCase | undefined> {
    const pk = customerPk(customerId);
    let latestCaseId: string | undefined;
    try {
      const result = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: marshall({ pk, sk: SK.handoffAnswers }), ConsistentRead: true }));
      latestCaseId = toAnswers(result.Item ? (unmarshall(result.Item) as PlainItem) : undefined).latestCaseId;
    } catch (error) {
      throw storeError('find the latest handoff case', error);
    }
    if (!latestCaseId) return undefined;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const update = messageReopens({ from: 'shopper', text, at: at.toISOString() }, at, caseExpiresAt(at), names, values);
    try {
      const result = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk, sk: SK.handoff(latestCaseId) }),
          ...update,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: marshall(values, MARSHALL),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toHandoffCase(result.Attributes ? (unmarshall(result.Attributes) as PlainItem) : undefined);
    } catch (error) {
      // The case expired or was removed since: nothing to reply to.
      if (isConditionFailure(error)) return undefined;
      throw storeError('record shopper reply', error);
    }
  }
}

/**
 * The customer partition. A turn's load is one BatchGetItem of the few items every turn may need (profile, cart,
 * purchase summary, reminder consent, the conversation's pending question and transcript buffer, a person's answers
 * on a session's first turn), whatever the size of the history;
 * orders and predictions are read by the turns that use them, newest first and bounded.
 */
import { BatchWriteItemCommand, DeleteItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Address, Cart, CartLine, CustomerProfile, CustomerLoadOptions, CustomerRepository, CustomerSnapshot, Order, PaymentMethodRef, ReplenishmentSnapshot } from '../core/ports';
import { customerPk, SK } from './keys';
import { storeError } from './errors';
import { toOrder } from './order-repository';
import { toPredictionBasis } from './prediction-basis';
import { REMINDER_PURPOSE, toConsent, toPredictionItem } from './replenishment-repository';
import type { CustomerRhythm } from '../core/replenishment/state';
import { isWholeQuantity } from '../core/cart/cart';
import type { Clock } from '../core/ports';
import { getItems, queryPage, type PlainItem } from './item-reads';
import { toSummary } from './summary';
import { toAnswers, toTranscript } from './handoff-items';

/** Orders a turn reads when it asks for history without a bound: status, cancel and reorder need the recent ones. */
export const DEFAULT_ORDER_LIMIT = 20;
/** One page of a Query; the order and line reads ask for what they need and page only past this. */
const LINE_PAGE = 200;

export class DynamoCustomerRepository implements CustomerRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async load(customerId: string, options: CustomerLoadOptions = {}): Promise<CustomerSnapshot> {
    const pk = customerPk(customerId);
    // The RHYTHM item (the prediction basis) only on turns that may place an order: the others stay as lean.
    const sks = [
      SK.profile,
      SK.cart,
      SK.summary,
      SK.consent(REMINDER_PURPOSE),
      ...(options.dialogKey ? [SK.dialog(options.dialogKey)] : []),
      ...(options.forOrder ? [SK.rhythm] : []),
      ...(options.channelLink ? [SK.channelLink] : []),
      // The transcript buffer with the question (a handoff may follow any turn); a person's answers on a session's
      // first turn, where they are spoken before anything else.
      ...(options.dialogKey ? [SK.transcript(options.dialogKey)] : []),
      ...(options.answers ? [SK.handoffAnswers] : []),
    ];
    let items: PlainItem[];
    try {
      // Strongly consistent: the cart version and the pending question must be the ones the last turn wrote.
      items = await getItems(this.client, this.tableName, sks.map((sk) => ({ pk, sk })), { consistent: true });
    } catch (error) {
      throw storeError('load customer', error);
    }
    const snapshot: CustomerSnapshot = { customerId, cart: { lines: [], version: 0 } };
    if (options.forOrder) snapshot.predictionBasis = toPredictionBasis(items.find((item) => item.sk === SK.rhythm));
    for (const item of items) {
      if (item.sk === SK.profile) snapshot.profile = toProfile(customerId, item);
      else if (item.sk === SK.cart) snapshot.cart = toCart(item);
      else if (item.sk === SK.consent(REMINDER_PURPOSE)) snapshot.reminderConsent = toConsent(item);
      else if (item.sk === SK.summary) {
        const summary = toSummary(item);
        if (Object.keys(summary.purchaseCounts).length > 0) snapshot.purchaseCounts = summary.purchaseCounts;
        if (summary.orderCount > 0) snapshot.orderCount = summary.orderCount;
      } else if (options.dialogKey && item.sk === SK.dialog(options.dialogKey)) snapshot.question = item.question;
      else if (options.channelLink && item.sk === SK.channelLink && typeof item.customerId === 'string') snapshot.linkedTo = item.customerId;
      else if (options.dialogKey && item.sk === SK.transcript(options.dialogKey)) {
        const transcript = toTranscript(item, this.clock.now());
        if (transcript.length > 0) snapshot.transcript = transcript;
      } else if (options.answers && item.sk === SK.handoffAnswers) {
        const { answers } = toAnswers(item);
        if (answers.length > 0) snapshot.pendingAnswers = answers;
      }
    }
    return snapshot;
  }

  async recentOrders(customerId: string, limit = DEFAULT_ORDER_LIMIT): Promise<Order[]> {
    const pk = customerPk(customerId);
    try {
      // Sort keys start with the ISO time of placing: reading backwards gives the newest first.
      const { items: headers } = await queryPage(this.client, this.tableName, { pk, beginsWith: SK.orderPrefix, newestFirst: true, limit });
      if (headers.length === 0) return [];
      // The lines of these orders sit in one key range, from the oldest of them on; later orders' lines cannot be
      // there, since these are the newest (times start with a digit, so "~" bounds the range). Orders placed in the same millisecond as the oldest are filtered out.
      const wanted = new Set(headers.map((header) => header.sk.slice(SK.orderPrefix.length)));
      const oldest = headers[headers.length - 1]!.sk.slice(SK.orderPrefix.length);
      const linesByOrder = new Map<string, PlainItem[]>();
      let startKey: Awaited<ReturnType<typeof queryPage>>['lastKey'];
      do {
        const page = await queryPage(this.client, this.tableName, { pk, between: [`${SK.orderLinePrefix}${oldest}`, `${SK.orderLinePrefix}~`], limit: LINE_PAGE, ...(startKey ? { startKey } : {}) });
        for (const line of page.items) {
          const orderKey = line.sk.slice(SK.orderLinePrefix.length, line.sk.lastIndexOf('#'));
          if (wanted.has(orderKey)) linesByOrder.set(orderKey, [...(linesByOrder.get(orderKey) ?? []), line]);
        }
        startKey = page.lastKey;
      } while (startKey);
      return headers.map((header) => toOrder(customerId, header, linesByOrder.get(header.sk.slice(SK.orderPrefix.length)) ?? []));
    } catch (error) {
      throw storeError('load orders', error);
    }
  }

  async replenishment(customerId: string, productIds?: string[]): Promise<ReplenishmentSnapshot | undefined> {
    const pk = customerPk(customerId);
    let items: PlainItem[] = [];
    try {
      if (productIds) {
        // After an order only its products' states change: their keys and the rhythm, one BatchGetItem.
        const keys = [SK.rhythm, ...new Set(productIds)].map((sk, index) => ({ pk, sk: index === 0 ? sk : SK.prediction(sk) }));
        items = await getItems(this.client, this.tableName, keys);
      } else {
        // PRED#… and RHYTHM are neighbours in sort-key order (only PROFILE lies between): one range, paged.
        let startKey: Awaited<ReturnType<typeof queryPage>>['lastKey'];
        do {
          const page = await queryPage(this.client, this.tableName, { pk, between: [SK.predictionPrefix, SK.rhythm], ...(startKey ? { startKey } : {}) });
          items.push(...page.items);
          startKey = page.lastKey;
        } while (startKey);
      }
    } catch (error) {
      throw storeError('load replenishment', error);
    }
    const snapshot: ReplenishmentSnapshot = { items: [] };
    for (const item of items) {
      if (item.sk === SK.rhythm) snapshot.rhythm = item.rhythm as CustomerRhythm;
      else if (item.sk.startsWith(SK.predictionPrefix)) snapshot.items.push(toPredictionItem(item));
    }
    return snapshot.rhythm || snapshot.items.length > 0 ? snapshot : undefined;
  }

  private async queryAll(customerId: string): Promise<PlainItem[]> {
    const items: PlainItem[] = [];
    let startKey: Awaited<ReturnType<typeof queryPage>>['lastKey'];
    do {
      const page = await queryPage(this.client, this.tableName, { pk: customerPk(customerId), ...(startKey ? { startKey } : {}) });
      items.push(...page.items);
      startKey = page.lastKey;
    } while (startKey);
    return items;
  }

  async saveCart(customerId: string, lines: CartLine[], expectedVersion: number): Promise<Cart> {
    const cart: Cart = { lines: lines.map(({ productId, quantity }) => ({ productId, quantity })), version: expectedVersion + 1, updatedAt: this.clock.now().toISOString() };
    // Optimistic locking: two devices changing one cart cannot silently overwrite each other.
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(#version) OR #version = :version' }
        : { ConditionExpression: '#version = :version' };
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall({ pk: customerPk(customerId), sk: SK.cart, type: 'cart', lines: cart.lines, version: cart.version, updatedAt: cart.updatedAt }, { removeUndefinedValues: true }),
          ...condition,
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: marshall({ ':version': expectedVersion }),
        }),
      );
    } catch (error) {
      throw storeError('save cart', error);
    }
    return cart;
  }

  async saveQuestion(customerId: string, dialogKey: string, question: object | undefined, expiresAt: Date): Promise<void> {
    const key = { pk: customerPk(customerId), sk: SK.dialog(dialogKey) };
    try {
      if (question === undefined) await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: marshall(key) }));
      else {
        const item = { ...key, type: 'dialog', question, expiresAt: Math.floor(expiresAt.getTime() / 1000) };
        await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true }) }));
      }
    } catch (error) {
      throw storeError(question === undefined ? 'clear question' : 'save question', error);
    }
  }

  async erase(customerId: string, options: { keepOrders: boolean }): Promise<number> {
    try {
      const items = await this.queryAll(customerId);
      // Order claims (IDEM#) go too: accounting keeps orders and lines, and a kept claim would answer a new cart
      // that restarts at the same version and lines with "already placed".
      const doomed = items.filter((item) => !(options.keepOrders && (item.sk.startsWith(SK.orderPrefix) || item.sk.startsWith(SK.orderLinePrefix))));
      // BatchWriteItem takes 25 keys at a time; unprocessed keys are retried until none are left.
      for (let start = 0; start < doomed.length; start += 25) {
        let requests = doomed.slice(start, start + 25).map((item) => ({ DeleteRequest: { Key: marshall({ pk: item.pk, sk: item.sk }) } }));
        for (let attempt = 0; requests.length > 0 && attempt < 5; attempt++) {
          const result = await this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: requests } }));
          requests = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
        }
        if (requests.length > 0) throw new Error(`${requests.length} items could not be deleted`);
      }
      return doomed.length;
    } catch (error) {
      throw storeError('erase customer', error);
    }
  }

  async saveProfile(profile: CustomerProfile): Promise<void> {
    // Update, not put: the profile item also holds what the core never sees (the PIN hash, its failure count).
    const { customerId, voicePinSet: _derived, ...rest } = profile;
    const fields = { type: 'profile', ...withoutUndefined(rest) } as Record<string, unknown>;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = Object.entries(fields).map(([name, value], index) => {
      names[`#f${index}`] = name;
      values[`:f${index}`] = value;
      return `#f${index} = :f${index}`;
    });
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk: customerPk(customerId), sk: SK.profile }),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: marshall(values, { removeUndefinedValues: true }),
        }),
      );
    } catch (error) {
      throw storeError('save profile', error);
    }
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toProfile(customerId: string, item: PlainItem): CustomerProfile {
  return {
    customerId,
    ...(typeof item.firstContactAt === 'string' ? { firstContactAt: item.firstContactAt } : {}),
    ...(item.locale === 'en-US' || item.locale === 'de-DE' ? { locale: item.locale } : {}),
    ...(typeof item.displayName === 'string' ? { displayName: item.displayName } : {}),
    ...(isAddress(item.address) ? { address: item.address } : {}),
    ...(isPaymentMethod(item.paymentMethod) ? { paymentMethod: item.paymentMethod } : {}),
    ...(typeof item.voicePinHash === 'string' ? { voicePinSet: true } : {}),
    ...(item.voiceOrderingLocked === true ? { voiceOrderingLocked: true } : {}),
    ...(Array.isArray(item.identities) ? { identities: (item.identities as unknown[]).filter((id): id is string => typeof id === 'string') } : {}),
  };
}

function isAddress(value: unknown): value is Address {
  const v = value as Partial<Address> | undefined;
  return typeof v?.street === 'string' && typeof v.city === 'string' && typeof v.postalCode === 'string' && typeof v.country === 'string';
}

function isPaymentMethod(value: unknown): value is PaymentMethodRef {
  const v = value as Partial<PaymentMethodRef> | undefined;
  return typeof v?.id === 'string' && typeof v.brand === 'string' && typeof v.last4 === 'string';
}

function toCart(item: PlainItem): Cart {
  const lines = Array.isArray(item.lines) ? (item.lines as CartLine[]).filter((line) => typeof line.productId === 'string' && isWholeQuantity(line.quantity)) : [];
  return { lines, version: typeof item.version === 'number' ? item.version : 0, ...(typeof item.updatedAt === 'string' ? { updatedAt: item.updatedAt } : {}) };
}

/** The customer partition: profile, cart and what the turn needs from the order history, in one Query. */
import dynamoose from 'dynamoose';
import type { Address, Cart, CartLine, CustomerProfile, CustomerRepository, CustomerSnapshot, PaymentMethodRef, ReplenishmentSnapshot } from '../core/ports';
import { customerPk, SK } from './keys';
import { storeError } from './errors';
import { vocartModel, type VocartItem } from './table';
import { toOrder } from './order-repository';
import { REMINDER_PURPOSE, toConsent, toPredictionItem } from './replenishment-repository';
import type { CustomerRhythm } from '../core/replenishment/state';
import { isWholeQuantity } from '../core/cart/cart';
import type { Clock } from '../core/ports';

export class DynamoCustomerRepository implements CustomerRepository {
  private readonly model;

  constructor(
    tableName: string,
    private readonly clock: Clock,
  ) {
    this.model = vocartModel(tableName);
  }

  async load(customerId: string, options: { dialogKey?: string } = {}): Promise<CustomerSnapshot> {
    let items: VocartItem[];
    try {
      items = await this.queryAll(customerId);
    } catch (error) {
      throw storeError('load customer', error);
    }
    const snapshot: CustomerSnapshot = { customerId, cart: { lines: [], version: 0 } };
    const purchaseCounts: Record<string, number> = {};
    const headers: VocartItem[] = [];
    const replenishment: ReplenishmentSnapshot = { items: [] };
    const linesByOrder = new Map<string, VocartItem[]>();
    for (const item of items) {
      if (item.sk === SK.profile) snapshot.profile = toProfile(customerId, item);
      else if (item.sk === SK.cart) snapshot.cart = toCart(item);
      else if (item.sk.startsWith(SK.orderPrefix)) headers.push(item);
      else if (item.sk === SK.rhythm) replenishment.rhythm = item.rhythm as CustomerRhythm;
      else if (item.sk.startsWith(SK.predictionPrefix)) replenishment.items.push(toPredictionItem(item));
      else if (item.sk === SK.consent(REMINDER_PURPOSE)) snapshot.reminderConsent = toConsent(item);
      else if (options.dialogKey && item.sk === SK.dialog(options.dialogKey)) snapshot.question = item.question;
      else if (item.sk.startsWith(SK.orderLinePrefix)) {
        const orderKey = item.sk.slice(SK.orderLinePrefix.length, item.sk.lastIndexOf('#'));
        linesByOrder.set(orderKey, [...(linesByOrder.get(orderKey) ?? []), item]);
      }
    }
    // Newest first: sort keys start with the ISO time of placing.
    const orders = headers
      .sort((a, b) => b.sk.localeCompare(a.sk))
      .map((header) => toOrder(customerId, header, linesByOrder.get(header.sk.slice(SK.orderPrefix.length)) ?? []));
    for (const order of orders) {
      if (order.status === 'cancelled') continue;
      for (const line of order.lines) purchaseCounts[line.productId] = (purchaseCounts[line.productId] ?? 0) + 1;
    }
    if (orders.length > 0) snapshot.orders = orders;
    if (replenishment.rhythm || replenishment.items.length > 0) snapshot.replenishment = replenishment;
    if (Object.keys(purchaseCounts).length > 0) snapshot.purchaseCounts = purchaseCounts;
    return snapshot;
  }

  private async queryAll(customerId: string): Promise<VocartItem[]> {
    const items: VocartItem[] = [];
    let query = this.model.query('pk').eq(customerPk(customerId));
    for (;;) {
      const page = await query.exec();
      items.push(...page.map((item) => item.toJSON() as VocartItem));
      if (!page.lastKey) return items;
      query = this.model.query('pk').eq(customerPk(customerId)).startAt(page.lastKey);
    }
  }

  async saveCart(customerId: string, lines: CartLine[], expectedVersion: number): Promise<Cart> {
    const cart: Cart = { lines: lines.map(({ productId, quantity }) => ({ productId, quantity })), version: expectedVersion + 1, updatedAt: this.clock.now().toISOString() };
    // Optimistic locking: two devices changing one cart cannot silently overwrite each other.
    const condition =
      expectedVersion === 0
        ? new dynamoose.Condition().attribute('version').not().exists().or().attribute('version').eq(0)
        : new dynamoose.Condition().attribute('version').eq(expectedVersion);
    try {
      await this.model.create(
        { pk: customerPk(customerId), sk: SK.cart, type: 'cart', lines: cart.lines, version: cart.version, updatedAt: cart.updatedAt },
        { overwrite: true, condition },
      );
    } catch (error) {
      throw storeError('save cart', error);
    }
    return cart;
  }

  async saveQuestion(customerId: string, dialogKey: string, question: object | undefined, expiresAt: Date): Promise<void> {
    const key = { pk: customerPk(customerId), sk: SK.dialog(dialogKey) };
    try {
      if (question === undefined) await this.model.delete(key);
      else await this.model.create({ ...key, type: 'dialog', question, expiresAt: Math.floor(expiresAt.getTime() / 1000) }, { overwrite: true });
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
        let keys = doomed.slice(start, start + 25).map((item) => ({ pk: item.pk, sk: item.sk }));
        for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
          const result = await this.model.batchDelete(keys);
          keys = (result.unprocessedItems ?? []) as typeof keys;
        }
        if (keys.length > 0) throw new Error(`${keys.length} items could not be deleted`);
      }
      return doomed.length;
    } catch (error) {
      throw storeError('erase customer', error);
    }
  }

  async saveProfile(profile: CustomerProfile): Promise<void> {
    // Update, not put: the profile item also holds what the core never sees (the PIN hash, its failure count).
    const { customerId, voicePinSet: _derived, ...rest } = profile;
    try {
      await this.model.update({ pk: customerPk(customerId), sk: SK.profile }, { type: 'profile', ...withoutUndefined(rest) });
    } catch (error) {
      throw storeError('save profile', error);
    }
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toProfile(customerId: string, item: VocartItem): CustomerProfile {
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

function toCart(item: VocartItem): Cart {
  const lines = Array.isArray(item.lines) ? (item.lines as CartLine[]).filter((line) => typeof line.productId === 'string' && isWholeQuantity(line.quantity)) : [];
  return { lines, version: typeof item.version === 'number' ? item.version : 0, ...(typeof item.updatedAt === 'string' ? { updatedAt: item.updatedAt } : {}) };
}

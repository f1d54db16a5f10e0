/**
 * The payload the daily run sends through the Skill Messaging API and the skill reads back from
 * Messaging.MessageReceived. Deliberately minimal: product ids, a locale and the due day. No names, no addresses:
 * the skill looks the words up in its own catalog and messages when the message arrives.
 *
 * Amazon requires string keys and string values (at most 6 KB in all), so the id list travels as a JSON string.
 */
import * as z from 'zod/mini';
import { LOCALES, type Locale } from '../../core/turn';

export const REPLENISHMENT_MESSAGE_TYPE = 'vocart.replenishment.due';

/** Products per message: the skill creates one reminder each, and a shopper wants a few, not a list. */
export const MAX_PRODUCTS_PER_MESSAGE = 3;

export interface ReplenishmentMessage {
  /** The shopper's locale when the store knows it; otherwise the skill takes the request's. */
  locale?: Locale;
  /** ISO day (yyyy-mm-dd) the products are due: the reminders ring on that day. */
  dueDay: string;
  productIds: string[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const productId = z.string().check(z.minLength(1), z.maxLength(200));
const productIdList = z.array(productId).check(z.minLength(1), z.maxLength(MAX_PRODUCTS_PER_MESSAGE));

const wireSchema = z.object({
  type: z.literal(REPLENISHMENT_MESSAGE_TYPE),
  locale: z.optional(z.enum(LOCALES)),
  dueDay: z.string().check(z.regex(ISO_DAY)),
  productIds: z.string().check(z.maxLength(4096)),
});

export class InvalidReplenishmentMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidReplenishmentMessageError';
  }
}

/** The Skill Messaging `data` object: string keys, string values. */
export function encodeReplenishmentMessage(message: ReplenishmentMessage): Record<string, string> {
  if (!ISO_DAY.test(message.dueDay)) throw new InvalidReplenishmentMessageError(`dueDay is not an ISO day: ${message.dueDay}`);
  if (message.productIds.length === 0) throw new InvalidReplenishmentMessageError('a replenishment message needs at least one product');
  return {
    type: REPLENISHMENT_MESSAGE_TYPE,
    ...(message.locale ? { locale: message.locale } : {}),
    dueDay: message.dueDay,
    productIds: JSON.stringify(message.productIds.slice(0, MAX_PRODUCTS_PER_MESSAGE)),
  };
}

/** Reads `request.message` of a Messaging.MessageReceived request; throws InvalidReplenishmentMessageError. */
export function decodeReplenishmentMessage(data: unknown): ReplenishmentMessage {
  const wire = wireSchema.safeParse(data);
  if (!wire.success) throw new InvalidReplenishmentMessageError('not a vocart replenishment message', { cause: wire.error });
  let ids: unknown;
  try {
    ids = JSON.parse(wire.data.productIds);
  } catch (error) {
    throw new InvalidReplenishmentMessageError('productIds is not a JSON list', { cause: error });
  }
  const list = productIdList.safeParse(ids);
  if (!list.success) throw new InvalidReplenishmentMessageError('productIds holds no valid product ids', { cause: list.error });
  return { ...(wire.data.locale ? { locale: wire.data.locale } : {}), dueDay: wire.data.dueDay, productIds: list.data };
}

export function isReplenishmentMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === REPLENISHMENT_MESSAGE_TYPE;
}

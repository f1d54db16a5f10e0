/**
 * The single-table key layout. Every item of a customer lives in the partition CUSTOMER#<id>, so one Query
 * loads what a turn needs; the dueDay GSI is partitioned by the day a replenishment falls due.
 */
export const customerPk = (customerId: string) => `CUSTOMER#${customerId}`;

const HANDOFF_PREFIX = 'HANDOFF#';

export const SK = {
  profile: 'PROFILE',
  cart: 'CART',
  /** Per-shopper purchase counts kept beside the orders, so a turn never reads the history to rank. */
  summary: 'SUMMARY',
  order: (placedAtIso: string, orderId: string) => `ORDER#${placedAtIso}#${orderId}`,
  orderPrefix: 'ORDER#',
  /** One item per order line, beside the order header: the per-line purchase history replenishment reads. */
  orderLine: (placedAtIso: string, orderId: string, index: number) => `LINE#${placedAtIso}#${orderId}#${String(index).padStart(3, '0')}`,
  orderLinePrefix: 'LINE#',
  idempotency: (key: string) => `IDEM#${key}`,
  prediction: (productId: string) => `PRED#${productId}`,
  predictionPrefix: 'PRED#',
  rhythm: 'RHYTHM',
  consent: (purpose: string) => `CONSENT#${purpose}`,
  consentPrefix: 'CONSENT#',
  /** The question pending in one platform conversation (server-side, never trusted from the client). */
  dialog: (dialogKey: string) => `DIALOG#${dialogKey}`,
  dialogPrefix: 'DIALOG#',
  /** In a platform identity's partition: the account a one-time code linked it to (erased with that partition). */
  channelLink: 'CHANNEL#LINK',
  /** In an account's partition: the hash of its one live link code (a newer code or erasure voids the older). */
  channelCode: 'CHANNEL#CODE',
  /** In a platform identity's partition: its wrong link-code tries in the current window. */
  channelCodeTries: 'CHANNEL#CODETRIES',
  /**
   * A handoff case, in the shopper's partition so erasure takes it. Case ids are lowercase base36/base32, so no case
   * key can equal the answers item's below.
   */
  handoff: (caseId: string) => `${HANDOFF_PREFIX}${caseId}`,
  /** One per customer: a person's answers waiting for the shopper's next visit, and the case "tell them …" goes to. */
  /** What a case's sort key begins with; the answers item below begins with it too and is no case. */
  handoffPrefix: HANDOFF_PREFIX,
  handoffAnswers: `${HANDOFF_PREFIX}ANSWERS`,
  /** The case's link to its conversation at an external help desk, indexed by that id (handoffExternalPk). */
  handoffLink: (caseId: string) => `HANDOFFLINK#${caseId}`,
  /** The recent turns of one platform conversation, kept briefly (TTL) while a handoff case may follow. */
  transcript: (dialogKey: string) => `TRANSCRIPT#${dialogKey}`,
} as const;

export const tokenPk = (tokenHash: string) => `TOKEN#${tokenHash}`;
export const TOKEN_SK = 'LINK';

/** A one-time link code, by the hash of the code: what redeeming it finds. */
export const linkCodePk = (codeHash: string) => `LINKCODE#${codeHash}`;
export const LINK_CODE_SK = 'CODE';
/** Wrong link codes across all callers, per window: a cap that new conversations cannot reset. */
export const LINK_CODE_TRIES_PK = 'LINKCODE#TRIES';

export const duePk = (day: string) => `DUE#${day}`;
export const dueSk = (customerId: string, productId: string) => `${customerPk(customerId)}#${productId}`;

/**
 * The agent inbox's views, in the table's one GSI (gsi1pk/gsi1sk, beside the due days): each case is indexed under
 * its state, newest first by creation time; each help-desk link under the external id. Both are projections of items
 * in a customer's partition, so they vanish with the customer.
 */
export const handoffStatePk = (state: string) => `HANDOFFS#${state}`;
export const handoffStateSk = (createdAtIso: string, caseId: string) => `${createdAtIso}#${caseId}`;
export const handoffExternalPk = (externalId: string) => `HANDOFFEXT#${externalId}`;

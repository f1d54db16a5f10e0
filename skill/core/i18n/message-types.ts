/**
 * The shape of what the skill says: one object of this type per locale (i18n/<locale>/messages.ts), so the type
 * checker lists whatever a locale is missing.
 */
import type { AnswerTime } from '../handoff/answer-time';
import type { OrderProblem } from '../handoff/order-problems';

/** A cart line as it is read back: packs, and the pieces they hold when the product is sold by count. */
export interface PackLineWords {
  packs: number;
  name: string;
  /** Pack size in the shopper's locale, for products not sold by count ("1 gallon", "3,8 Liter"). */
  size?: string;
  /** Pieces in one pack, for products sold by count ("12 count" → 12). */
  unitsPerPack?: number;
  /** Pieces the shopper asked for, said back when the packs hold a different number. */
  unitsAsked?: number;
  /** The line's price, all packs together. */
  total?: string;
}

export interface Messages {
  welcomeFirst: string;
  /** Said before the answer when the very first contact is a request, not a launch ("Alexa, ask vocart to add milk"). */
  disclosure: string;
  welcomeBack: string;
  /** The greeting alone, when a question of its own follows (the launch nudge). */
  welcomeBackBrief: string;
  welcomeReprompt: string;
  help: string;
  helpReprompt: string;
  goodbye: string;
  cancelledPending: string;
  fallback: string;
  fallbackOfferHelp: string;
  whatProduct: string;
  notFound(query: string): string;
  /** Said before the plain products offered when the narrower request found nothing. */
  notFoundOnly(query: string): string;
  found(count: number, list: string): string;
  foundOne(item: string): string;
  whichOne: string;
  noMoreResults: string;
  noResultsToChoose: string;
  noSuchChoice(position: number): string;
  added(quantity: number, item: string, cartCount: number): string;
  /** A spoken list added; `missing` names the parts of it the shop does not have. */
  /** `many`: more than one pack went in, so a German verb is plural ("… sind im Warenkorb"), one pack "ist". */
  addedSeveral(items: string, missing: string | undefined, cartCount: number, many: boolean): string;
  addedReprompt: string;
  removed(name: string): string;
  notInCart(query: string): string;
  cartEmpty: string;
  cartContents(count: number, list: string, total: string): string;
  cartLine(quantity: number, name: string): string;
  /** "Added one pack of 12 Large Brown Eggs (you asked for 6) to your cart, for $4.29." / "Ich habe eine Packung … gelegt." */
  addedPacks(line: PackLineWords, cartCount: number): string;
  /** A cart or checkout line with its total: "2 packs of 12 Large Brown Eggs (24 in all), $8.58". */
  cartLineWithPacks(line: PackLineWords): string;
  clearConfirm(count: number): string;
  cleared: string;
  keptCart: string;
  // Repair and small talk
  /** The cart's total alone ("what's my total"), not a read-back of every line. */
  cartTotal(count: number, total: string): string;
  /** A line's new quantity, said as the line now reads ("3 cartons of oat milk, $8.97"). */
  quantityChanged(line: string): string;
  /** Several lines match what the shopper named: `list` reads them numbered; `removing` or changing a quantity. */
  whichLine(list: string, removing: boolean): string;
  whichLineReprompt: string;
  /** "Remove that" or "make that three" with nothing just talked about: which line is meant. */
  whichItem: string;
  /** "Thanks" with a question still open: said before the question is asked again. */
  welcome: string;
  /** "Thanks" with nothing open: a friendly close. */
  welcomeGoodbye: string;
  /** "Start over": what was forgotten, and that the cart is kept unless the shopper asks to empty it. */
  startedOver: string;
  nothingToConfirm: string;
  quantityTooLarge(max: number): string;
  cartFull(max: number): string;
  badQuantity: string;
  trouble: string;
  /** The turn ran out of time: nothing new is claimed about the cart or an order. */
  tooSlow: string;
  anythingElse: string;
  productSummary(name: string, size: string | undefined, price: string | undefined): string;
  cartTitle: string;
  resultsTitle(query: string): string;
  // Checkout and orders
  linkAccount: string;
  /** Checkout without a linked account where the surface has no app and no linking card: link with a one-time code. */
  linkAccountWithCode: string;
  /** "Link my account" without the code: how to get one and how to say it. */
  linkCodeAsk: string;
  /** The code linked this conversation's user to the account. */
  linkCodeLinked: string;
  /** The code is wrong or no longer valid; `triesLeft` before linking by code pauses. */
  linkCodeWrong(triesLeft: number): string;
  linkCodeLocked: string;
  linkCodeAlreadyLinked: string;
  /** Said once, when the cart filled before linking was added to the account's cart; `skipped` lines did not fit. */
  cartCarriedOver(p: { items: number; skipped: number }): string;
  voiceOrderingLocked: string;
  missingAddressOrPayment: string;
  checkoutEmpty: string;
  /**
   * `tax` is the sales tax added to the total (en-US) or the VAT the total already contains (de-DE): each locale's
   * sentence says which, as its shop (core/orders/shop-settings.ts) computes it.
   */
  checkoutReadback(p: { seller: string; items: string; total: string; tax: string; delivery: string; address: string; payment: string }): string;
  checkoutQuestion: string;
  /** The stored card as read back: `digits` is the card's last four, already marked to be read digit by digit. */
  cardEnding(brand: string, digits: string): string;
  unavailableSkipped(count: number): string;
  pinNeeded(limit: string): string;
  pinWrong(triesLeft: number): string;
  pinNotSet: string;
  pinNoPending: string;
  /** `toApp`: the details went to an app the shopper has (false on a web chat or a phone line: nothing is claimed). */
  orderPlaced(orderId: string, deliveryDay: string, toApp: boolean): string;
  orderAlreadyPlaced(orderId: string, deliveryDay: string): string;
  orderInProgress: string;
  orderDeclined: string;
  orderFailed: string;
  /** Placement failed after the gateway may have taken money (timeout, gateway error, failed commit): it is refunded. */
  orderFailedMaybeCharged: string;
  /** Not enough time was left in the turn to charge and commit: nothing was attempted. */
  orderTooLate: string;
  /** The cart changed after a charge went through: no order, the charge is refunded. */
  cartChangedRefunded: string;
  cartChanged: string;
  orderKept: string;
  orderCardTitle(orderId: string): string;
  noOrders: string;
  orderStatus(p: { orderId: string; placedDay: string; deliveryDay: string; delivered: boolean; openCount: number }): string;
  orderCancelled(orderId: string): string;
  nothingToCancel: string;
  cancelConfirm(orderId: string, total: string): string;
  orderNotCancelled: string;
  notCancellable(orderId: string): string;
  alreadyDelivered(orderId: string, day: string): string;
  usualNotFound(query: string): string;
  noLastOrder: string;
  reorderAdded(items: string): string;
  day(date: Date): string;
  freeDelivery: string;
  eraseConfirm: string;
  /** What was deleted and, exactly, what is kept (order records of a linked account, for accounting). */
  erased(p: { ordersKept: number; identities: number }): string;
  eraseKept: string;
  // Replenishment and reminders
  runningLow(items: string): string;
  nudge(item: string): string;
  nothingLow: string;
  snoozed: string;
  remindersOn(product: string | undefined): string;
  remindersPermission: string;
  remindersPermissionGranted: string;
  remindersPermissionDeclined: string;
  remindersOffProduct(product: string): string;
  remindersOffAll: string;
  remindersNotBought(query: string): string;
  /** "Remind me" without a product: which products the consent would cover, asked as a question. */
  remindersAskAll(products: string): string;
  /** "Stop reminding me about X" for a product that is not reminded about: which one, or all? */
  remindersWhich(query: string): string;
  /** `only`: the consent covers just the products named, not everything bought regularly. */
  remindersList(p: { since: string; platform: string; products: string; excluded: string; only: boolean }): string;
  remindersNone: string;
  reminderText(product: string): string;
  // Handoff to a person (asynchronous: the bot is no person and cannot put anyone through)
  /** When a person from the shop will probably have answered: "later today around 3 pm", "bis morgen gegen 10 Uhr". */
  answerTime(time: AnswerTime): string;
  /**
   * A case is open: vocart is automated, a person answers `when`, the answer is heard at the next visit on any
   * channel; `reminder`: a reminder is set for then; `orderId`: the order it is about; `withConversation`: the
   * conversation went with it (the shopper's yes to an offer).
   */
  /** `reachable` false: nothing brings the answer to this shopper later (an unlinked chat that names no one). */
  handoffOpened(p: { when: string; reminder: boolean; orderId?: string; withConversation: boolean; reachable: boolean }): string;
  /** Said first when the shopper names a problem with an order (undefined: a problem not named). */
  orderProblem(problem: OrderProblem | undefined): string;
  /** Asks whether the conversation may go with the case: without a yes it stays out. */
  handoffShareQuestion: string;
  handoffShared: string;
  handoffNotShared: string;
  /** The second miss of the fallback: not understood again, and a person offered. */
  fallbackOfferHandoff: string;
  /** Said after what was not found or not understood, on the second miss in a row. */
  handoffOfferAfterMiss: string;
  /** The second unsure turn in a row: what was said is not acted on, a person is offered. */
  handoffOfferUnsure: string;
  /** After a payment failure: a person is offered. */
  handoffOfferPayment: string;
  /** No to the offer: nothing is opened, and how to go on. */
  handoffOfferDeclined: string;
  /** No way to reach a person is set up: said honestly, and where to turn instead. */
  handoffUnavailable: string;
  /** "Tell them" without a message. */
  handoffReplyAsk: string;
  handoffReplySent(p: { when: string; reminder: boolean; reachable: boolean }): string;
  /** Asked for a person again in the conversation that already opened a case: no second case, the same promise. */
  handoffAlreadyOpen(p: { when: string }): string;
  /** "Tell them …" with no case to reply to. */
  handoffReplyNoCase: string;
  /** The reminder at the expected time (Alexa, with the permission). */
  handoffReminderText: string;
  /**
   * A person's answers, read before anything else at the next visit: introduced as a person's and closed as such
   * (the bot never speaks as a person). `text` is already made speakable; `agentName` may be absent.
   */
  shopAnswers(answers: Array<{ text: string; agentName?: string }>): string;
  /** A yes or no the platform was unsure it heard: before the question is asked again. */
  notSureReask: string;
}

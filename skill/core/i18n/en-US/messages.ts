/**
 * Everything the skill says in American English.
 */
import type { Messages, PackLineWords } from '../message-types';
import { spokenDay } from '../format';
import { askedDiffers, spell } from '../spoken-parts';

/*
 * Sentences said in more than one message have one home here, so a rewording reaches every message that says it.
 */
const itemCount = (count: number) => `${count} ${count === 1 ? 'item' : 'items'}`;
const nowInCart = (count: number) => ` You now have ${itemCount(count)}. Anything else?`;
const STILL_MISSED = "Sorry, I still didn't catch that.";
const COULD_NOT_ORDER = "Sorry, something went wrong and I couldn't place your order.";
const NOTHING_CHARGED = 'Nothing was charged and your cart is unchanged.';
const TRY_AGAIN = 'Please try again in a moment.';
const CART_CHANGED = 'Your cart changed while we were talking, so I did not order';
const HEAR_NEW_TOTAL = 'Say check out to hear the new total.';
const WRONG_LINK_CODE = "That code doesn't match a valid link code.";
const REMINDER_TOO = " I'll also set a reminder for then.";
const PERSON_GETS_BACK = 'Shall I ask a person from the shop to get back to you?';
/** How to answer a person: "reply …" is a sample on both platforms (an Alexa sample never opens with "tell"). */
const HOW_TO_REPLY = 'say: reply, and then your message.';
const HEAR_IT_NEXT_TIME = "You'll hear the answer the next time you open vocart, here or on any device where you use it.";
const CANNOT_BRING_IT =
  "But this chat doesn't tell me who you are, so I can't bring you the answer later. To get it, link your shop account: say my link code is, and the six digits from your account page, then ask for a person again.";

export const enUS: Messages = {
  welcomeFirst:
    "Welcome to vocart. I'm an automated shopping assistant, not a person. You can search for products, add them to your shopping list, or ask what's in your cart. What would you like?",
  welcomeBack: 'Welcome back to vocart. What would you like to shop for?',
  disclosure: "I'm vocart, an automated shopping assistant, not a person.",
  welcomeBackBrief: 'Welcome back to vocart.',
  welcomeReprompt: 'You can say, for example, find coffee, or add milk to my cart.',
  help: "I'm vocart, an automated shopping assistant. You can say: find shampoo, add two bottles of milk to my list, what's in my cart, remove the coffee, or clear my cart. What would you like to do?",
  helpReprompt: 'Try saying: find coffee.',
  goodbye: 'Goodbye, and happy shopping.',
  cancelledPending: "Okay, I won't do that. What else can I do for you?",
  fallback: "Sorry, I didn't get that. You can search for a product or ask what's in your cart.",
  fallbackOfferHelp:
    `${STILL_MISSED} Here's what I can do: find a product, add it to your cart, read your cart, or remove something. Say help to hear more.`,
  whatProduct: 'Which product?',
  notFound: (query) => `Sorry, I couldn't find ${query}. Try another name or a brand.`,
  notFoundOnly: (query) => `I don't have ${query}.`,
  found: (count, list) => `I found ${count}: ${list}. Which one would you like?`,
  foundOne: (item) => `I found ${item}. Shall I add it to your cart?`,
  whichOne: 'Say the first one, the second one, or more to hear other options.',
  noMoreResults: "That's all I found. Say the first one, or search for something else.",
  noResultsToChoose: 'Search for a product first, then tell me which one you want.',
  noSuchChoice: (position) => `There's no number ${position} in the list. Which one would you like?`,
  added: (quantity, item, cartCount) =>
    `Added ${quantity > 1 ? `${quantity} of ` : ''}${item} to your cart.${nowInCart(cartCount)}`,
  addedSeveral: (items, missing, cartCount) =>
    `Added ${items} to your cart.${missing ? ` I couldn't find ${missing}.` : ''}${nowInCart(cartCount)}`,
  addedReprompt: "You can add something else or ask what's in your cart.",
  removed: (name) => `Removed ${name} from your cart. Anything else?`,
  // No verb agreeing with the shopper's words: "bananas isn't" was wrong for every plural.
  notInCart: (query) => `I don't see ${query} in your cart.`,
  cartEmpty: 'Your cart is empty. What would you like to add?',
  cartContents: (count, list, total) => `You have ${itemCount(count)} in your cart: ${list}. That's ${total} before tax and delivery.`,
  cartLine: (quantity, name) => (quantity > 1 ? `${quantity} ${name}` : name),
  addedPacks: (line, cartCount) =>
    `Added ${englishPacks(line)} to your cart${line.total ? `, for ${line.total}` : ''}.${nowInCart(cartCount)}`,
  cartLineWithPacks: (line) => [englishPacks(line), line.total].filter(Boolean).join(', '),
  clearConfirm: (count) => (count === 1 ? 'Do you really want to remove the one item in your cart?' : `Do you really want to remove all ${count} items from your cart?`),
  cleared: 'Your cart is now empty.',
  keptCart: 'Okay, your cart stays as it is.',
  cartTotal: (count, total) => `Your cart comes to ${total} for ${itemCount(count)}, before tax and delivery.`,
  quantityChanged: (line) => `Done. Your cart now has ${line}. Anything else?`,
  whichLine: (list, removing) => `You have more than one of those: ${list}. Which one should I ${removing ? 'remove' : 'change'}?`,
  whichLineReprompt: 'Say the first one or the second one, or say cancel.',
  whichItem: 'Which item in your cart do you mean?',
  welcome: "You're welcome.",
  welcomeGoodbye: "You're welcome. Happy shopping, and talk to you soon.",
  startedOver:
    "Okay, let's start over. I've forgotten the last search and any open question. Your cart stays as it is; say empty my cart if you want that cleared too. What would you like?",
  nothingToConfirm: "There's nothing waiting for a yes or no. What would you like to do?",
  quantityTooLarge: (max) => `I can add at most ${max} of one product. How many would you like?`,
  cartFull: (max) => `Your cart already holds ${max} different products. Please remove something first.`,
  badQuantity: "That's not a quantity I can add. How many would you like?",
  trouble: `Sorry, I'm having trouble reaching the shop right now. Your cart is safe. ${TRY_AGAIN}`,
  tooSlow: "Sorry, that's taking too long on my side. Please ask me again in a moment.",
  anythingElse: 'Anything else?',
  productSummary: (name, size, price) => [name, size, price].filter(Boolean).join(', '),
  cartTitle: 'Your cart',
  resultsTitle: (query) => `Results for ${query}`,
  linkAccount: "To order, I need your vocart account. I've sent a card to your app: link your account there, then ask me again.",
  linkAccountWithCode:
    "To order, I need your vocart account. To link your account here, open your account page on the vocart shop website, get a six-digit link code, and tell me: my link code is, then the six digits.",
  linkCodeAsk: 'Please tell me the six-digit link code from your account page on the vocart shop website, for example: my link code is 4 8 1 5 2 3.',
  linkCodeLinked: "Thanks, your vocart account is linked here now. You can check out whenever you're ready.",
  linkCodeWrong: (triesLeft) =>
    triesLeft > 0
      ? `${WRONG_LINK_CODE} Codes work once and only for a few minutes. You can try ${triesLeft === 1 ? 'once more' : `${triesLeft} more times`}.`
      : WRONG_LINK_CODE,
  linkCodeLocked: 'Too many wrong link codes. Please wait a while, get a new code on your account page, and try again.',
  linkCodeAlreadyLinked: 'Your vocart account is already linked here.',
  cartCarriedOver: (p) =>
    `I've added the ${p.items === 1 ? 'item' : `${p.items} items`} from your cart before you linked to your account's cart${p.skipped > 0 ? `, except ${p.skipped === 1 ? 'one product that did' : `${p.skipped} products that did`} not fit` : ''}.`,
  voiceOrderingLocked: 'Voice ordering is locked on your account after three wrong PINs. To unlock it, open your vocart account settings and reset your voice PIN.',
  missingAddressOrPayment: 'Your account needs a delivery address and a payment method before I can order. Please add them in your vocart account settings.',
  checkoutEmpty: 'Your cart is empty, so there is nothing to order yet. What would you like to add?',
  checkoutReadback: (p) =>
    `Your order from ${p.seller}: ${p.items}. The total is ${p.total}, including ${p.tax} tax and ${p.delivery} delivery, to ${p.address}, paid with ${p.payment}.`,
  checkoutQuestion: 'Shall I place the order?',
  cardEnding: (brand, digits) => `${brand} ending in ${digits}`,
  unavailableSkipped: (count) => `${count === 1 ? 'One product in your cart is' : `${count} products in your cart are`} no longer available and won't be ordered.`,
  pinNeeded: (limit) => `For orders over ${limit}, please say your four-digit voice PIN.`,
  pinWrong: (triesLeft) => `That PIN isn't right. You have ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left. Please say your voice PIN.`,
  pinNotSet: 'This order needs a voice PIN, and none is set on your account. Please set one in your vocart account settings. Your cart is unchanged.',
  pinNoPending: "There's no order waiting for a PIN. Say check out when you're ready.",
  orderPlaced: (orderId, deliveryDay, toApp) => `Done. Your order ${spell(orderId)} is placed and should arrive by ${deliveryDay}.${toApp ? " I've sent the details to your app." : ''}`,
  orderAlreadyPlaced: (orderId, deliveryDay) => `That order is already placed: ${spell(orderId)}, arriving by ${deliveryDay}. I didn't order it twice.`,
  orderInProgress: "Your order is being placed right now. Ask me where's my order in a moment to hear its status.",
  orderDeclined: "Sorry, your payment method was declined, so I didn't place the order. Your cart is unchanged. Please check the payment method in your vocart account.",
  orderFailed: `${COULD_NOT_ORDER} ${NOTHING_CHARGED} ${TRY_AGAIN}`,
  orderFailedMaybeCharged: `${COULD_NOT_ORDER} If anything was charged, it will be refunded. Your cart is unchanged. ${TRY_AGAIN}`,
  orderTooLate: `Sorry, I ran out of time before I could place your order. ${NOTHING_CHARGED} Say check out to try again.`,
  cartChangedRefunded: `${CART_CHANGED}, and anything charged for it will be refunded. ${HEAR_NEW_TOTAL}`,
  cartChanged: `${CART_CHANGED}. ${HEAR_NEW_TOTAL}`,
  orderKept: "Okay, I won't order. Your cart stays as it is.",
  orderCardTitle: (orderId) => `Order ${orderId}`,
  noOrders: "You don't have any orders yet.",
  orderStatus: (p) =>
    `${p.openCount > 1 ? `You have ${p.openCount} open orders. The latest, ` : 'Your order '}${spell(p.orderId)}, placed ${p.placedDay}, ${p.delivered ? `was delivered on ${p.deliveryDay}` : `is on its way and should arrive by ${p.deliveryDay}`}.`,
  orderCancelled: (orderId) => `Your order ${spell(orderId)} is cancelled, and the payment will be refunded.`,
  nothingToCancel: "You don't have an order that can still be cancelled.",
  cancelConfirm: (orderId, total) => `Do you want to cancel order ${spell(orderId)} for ${total}?`,
  orderNotCancelled: 'Okay, your order stays as it is.',
  notCancellable: (orderId) => `Order ${spell(orderId)} has already been dispatched and can't be cancelled any more.`,
  alreadyDelivered: (orderId, day) => `Your last order, ${spell(orderId)}, was delivered on ${day}, so there's nothing left to cancel.`,
  usualNotFound: (query) => `You haven't ordered ${query} before, so I don't know your usual. Say find ${query} to choose one.`,
  noLastOrder: "You haven't ordered anything yet, so there's no last order to repeat.",
  reorderAdded: (items) => `I've put ${items} in your cart.`,
  day: (date) => date.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  freeDelivery: 'free',
  eraseConfirm: 'This deletes your cart, your reminders and everything vocart remembers about you. Do you want me to delete your data?',
  erased: ({ ordersKept, identities }) =>
    `Done. I've deleted your cart, your profile, your reminders and your predictions${identities > 0 ? ', also what I stored before you linked your account' : ''}.${
      ordersKept > 0 ? ` The shop keeps the records of your ${ordersKept === 1 ? 'one order' : `${ordersKept} orders`}, because it must for accounting; nothing else is kept.` : ' Nothing is kept.'
    } Goodbye.`,
  eraseKept: "Okay, I haven't deleted anything.",
  runningLow: (items) => `You're probably running low on ${items}. Shall I add ${items.includes(' and ') ? 'them' : 'it'} to your cart?`,
  nudge: (item) => `By the way, your ${item} is probably running low. Shall I add it to your cart?`,
  nothingLow: "Nothing you buy regularly seems to be running low right now. What would you like to shop for?",
  snoozed: "Okay, not now. I'll ask again in a few days. What else can I do for you?",
  remindersOn: (product) =>
    `Okay, I'll remind you when ${product ? `your ${product} is` : 'things you buy regularly are'} probably running low. Say stop all reminders at any time to turn this off.`,
  remindersPermission: 'To remind you when vocart is closed, Alexa needs your permission.',
  remindersPermissionGranted: "Thanks. I'll remind you on the morning something is probably running low.",
  remindersPermissionDeclined: "Okay, no reminders outside the skill. I'll still tell you here when something is running low, and you can allow reminders any time in the Alexa app.",
  remindersOffProduct: (product) => `Okay, I won't remind you about ${product} any more.`,
  remindersOffAll: "Okay, I've turned off all reminders. Say remind me about coffee, for example, to turn them on again.",
  remindersNotBought: (query) => `You haven't bought ${query} before, so I wasn't going to remind you about it.`,
  remindersAskAll: (products) => `Shall I remind you when something you buy regularly is probably running low${products ? `, such as ${products}` : ''}?`,
  remindersWhich: (query) => `I don't remind you about ${query}. Which product should I stop reminding you about? Or say stop all reminders.`,
  remindersList: (p) =>
    `You turned on reminders with ${p.platform} on ${p.since}. ${p.only ? `I remind you only about ${p.products}.` : `I remind you about things you buy regularly${p.products ? `, such as ${p.products}` : ''}${p.excluded ? `, but not about ${p.excluded}` : ''}.`}`,
  remindersNone: "Reminders are off. Say remind me about coffee, for example, and I'll tell you when it's probably running low.",
  reminderText: (product) => `Your ${product} is probably running low. Say: Alexa, ask vocart shop what's running low.`,
  answerTime: (time) => {
    const clock = englishClock(time.hour, time.minute);
    switch (time.relation) {
      case 'today':
        return `later today around ${clock}`;
      case 'tomorrow':
        return `by tomorrow around ${clock}`;
      case 'weekday':
        return `by ${spokenDay(time.date, 'en-US', 'weekday')} around ${clock}`;
      case 'date':
        return `by ${spokenDay(time.date, 'en-US', 'date')} around ${clock}`;
    }
  },
  handoffOpened: (p) =>
    `I'm an automated assistant, so I can't put you through to someone now. ${
      p.withConversation ? "I've passed our conversation" : p.orderId ? `I've passed your order ${spell(p.orderId)}` : "I've passed your request"
    } on to a person from the shop, who will answer ${p.when}. ${p.reachable ? HEAR_IT_NEXT_TIME : CANNOT_BRING_IT}${p.reminder ? REMINDER_TOO : ''}`,
  orderProblem: (problem) => {
    switch (problem) {
      case 'damaged':
        return "I'm sorry your order arrived damaged.";
      case 'missing':
        return "I'm sorry something is missing from your order.";
      case 'wrong':
        return "I'm sorry you got the wrong items.";
      case 'late':
        return "I'm sorry your order is late.";
      default:
        return "I'm sorry there's a problem with your order.";
    }
  },
  handoffShareQuestion: 'May I add our conversation to your request, so they can see what we talked about?',
  handoffShared: "Okay, I've added our conversation. Anything else?",
  handoffNotShared: "Okay, I won't add it. The shop sees only your request. Anything else?",
  fallbackOfferHandoff: `${STILL_MISSED} ${PERSON_GETS_BACK}`,
  handoffOfferAfterMiss: 'Shall I ask a person from the shop to help you with this?',
  handoffOfferUnsure: `I'm not sure I'm understanding you correctly. ${PERSON_GETS_BACK}`,
  handoffOfferPayment: 'Shall I ask a person from the shop to look into it with you?',
  handoffOfferDeclined: 'Okay. Say help to hear what I can do, or try saying it another way.',
  handoffUnavailable: "I'm an automated assistant, and I can't reach a person from the shop right now. Please contact the shop through its website.",
  handoffReplyAsk: `What should I tell them? To answer, ${HOW_TO_REPLY}`,
  handoffReplySent: (p) =>
    `Okay, I've passed that on to the shop. A person will answer ${p.when}${p.reachable ? ", and you'll hear it the next time you open vocart" : ''}.${p.reminder ? REMINDER_TOO : ''} Anything else?`,
  handoffAlreadyOpen: (p) => `Your request is already with the shop, and a person will answer ${p.when}. To add something, ${HOW_TO_REPLY}`,
  handoffReplyNoCase: "There's no request to the shop I could pass that on to. To reach a person, say: talk to a person.",
  handoffReminderText: 'The shop has probably answered you. Say: Alexa, open vocart shop, to hear the answer.',
  shopAnswers: (answers) =>
    [
      `You have ${answers.length === 1 ? 'an answer' : `${answers.length} answers`} from the shop.`,
      ...answers.map((answer) => `A person from the shop${answer.agentName ? `, ${answer.agentName},` : ''} wrote: “${answer.text}”`),
      `That was ${answers.length === 1 ? 'a message from a person' : 'messages from people'} at the shop. To answer, ${HOW_TO_REPLY}`,
    ].join(' '),
  notSureReask: "I'm not sure I heard that right.",
};

/** "3 pm", "10:30 am", "noon": how a time of day is said. */
function englishClock(hour: number, minute: number): string {
  if (hour === 12 && minute === 0) return 'noon';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}${minute > 0 ? `:${String(minute).padStart(2, '0')}` : ''} ${hour < 12 ? 'am' : 'pm'}`;
}

/** "one pack of 12 Large Brown Eggs (you asked for 6)", "3 packs of 12 … (36 in all)", "2 Whole Milk (1 gallon each)". */
function englishPacks(line: PackLineWords): string {
  const { packs, name, size, unitsPerPack } = line;
  if (unitsPerPack === undefined) {
    const counted = packs === 1 ? name : `${packs} ${name}`;
    return size ? `${counted} (${size}${packs === 1 ? '' : ' each'})` : counted;
  }
  const notes = [packs > 1 ? `${packs * unitsPerPack} in all` : '', askedDiffers(line) ? `you asked for ${line.unitsAsked}` : ''].filter(Boolean);
  return `${packs === 1 ? 'one pack' : `${packs} packs`} of ${unitsPerPack} ${name}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

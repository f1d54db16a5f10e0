/**
 * Every sentence the skill says, per locale. Handlers choose what to say; this file says how, so a new locale is
 * one more object of the same shape (the type checker lists what is missing).
 */
import type { Locale } from '../turn';

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
  addedSeveral(items: string, missing: string | undefined, cartCount: number): string;
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
  voiceOrderingLocked: string;
  missingAddressOrPayment: string;
  checkoutEmpty: string;
  checkoutReadback(p: { seller: string; items: string; total: string; tax: string; delivery: string; address: string; payment: string }): string;
  checkoutQuestion: string;
  unavailableSkipped(count: number): string;
  pinNeeded(limit: string): string;
  pinWrong(triesLeft: number): string;
  pinNotSet: string;
  pinNoPending: string;
  orderPlaced(orderId: string, deliveryDay: string): string;
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
}

const enUS: Messages = {
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
    "Sorry, I still didn't catch that. Here's what I can do: find a product, add it to your cart, read your cart, or remove something. Say help to hear more.",
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
    `Added ${quantity > 1 ? `${quantity} of ` : ''}${item} to your cart. You now have ${cartCount} ${cartCount === 1 ? 'item' : 'items'}. Anything else?`,
  addedSeveral: (items, missing, cartCount) =>
    `Added ${items} to your cart.${missing ? ` I couldn't find ${missing}.` : ''} You now have ${cartCount} ${cartCount === 1 ? 'item' : 'items'}. Anything else?`,
  addedReprompt: "You can add something else or ask what's in your cart.",
  removed: (name) => `Removed ${name} from your cart. Anything else?`,
  notInCart: (query) => `${query} isn't in your cart.`,
  cartEmpty: 'Your cart is empty. What would you like to add?',
  cartContents: (count, list, total) => `You have ${count} ${count === 1 ? 'item' : 'items'} in your cart: ${list}. That's ${total} before tax and delivery.`,
  cartLine: (quantity, name) => (quantity > 1 ? `${quantity} ${name}` : name),
  addedPacks: (line, cartCount) =>
    `Added ${englishPacks(line)} to your cart${line.total ? `, for ${line.total}` : ''}. You now have ${cartCount} ${cartCount === 1 ? 'item' : 'items'}. Anything else?`,
  cartLineWithPacks: (line) => [englishPacks(line), line.total].filter(Boolean).join(', '),
  clearConfirm: (count) => `Do you really want to remove all ${count} ${count === 1 ? 'item' : 'items'} from your cart?`,
  cleared: 'Your cart is now empty.',
  keptCart: 'Okay, your cart stays as it is.',
  nothingToConfirm: "There's nothing waiting for a yes or no. What would you like to do?",
  quantityTooLarge: (max) => `I can add at most ${max} of one product. How many would you like?`,
  cartFull: (max) => `Your cart already holds ${max} different products. Please remove something first.`,
  badQuantity: "That's not a quantity I can add. How many would you like?",
  trouble: "Sorry, I'm having trouble reaching the shop right now. Your cart is safe. Please try again in a moment.",
  tooSlow: "Sorry, that's taking too long on my side. Please ask me again in a moment.",
  anythingElse: 'Anything else?',
  productSummary: (name, size, price) => [name, size, price].filter(Boolean).join(', '),
  cartTitle: 'Your cart',
  resultsTitle: (query) => `Results for ${query}`,
  linkAccount: "To order, I need your vocart account. I've sent a card to your app: link your account there, then ask me again.",
  voiceOrderingLocked: 'Voice ordering is locked on your account after three wrong PINs. To unlock it, open your vocart account settings and reset your voice PIN.',
  missingAddressOrPayment: 'Your account needs a delivery address and a payment method before I can order. Please add them in your vocart account settings.',
  checkoutEmpty: 'Your cart is empty, so there is nothing to order yet. What would you like to add?',
  checkoutReadback: (p) =>
    `Your order from ${p.seller}: ${p.items}. The total is ${p.total}, including ${p.tax} tax and ${p.delivery} delivery, to ${p.address}, paid with ${p.payment}.`,
  checkoutQuestion: 'Shall I place the order?',
  unavailableSkipped: (count) => `${count === 1 ? 'One product in your cart is' : `${count} products in your cart are`} no longer available and won't be ordered.`,
  pinNeeded: (limit) => `For orders over ${limit}, please say your four-digit voice PIN.`,
  pinWrong: (triesLeft) => `That PIN isn't right. You have ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left. Please say your voice PIN.`,
  pinNotSet: 'This order needs a voice PIN, and none is set on your account. Please set one in your vocart account settings. Your cart is unchanged.',
  pinNoPending: "There's no order waiting for a PIN. Say check out when you're ready.",
  orderPlaced: (orderId, deliveryDay) => `Done. Your order ${spell(orderId)} is placed and should arrive by ${deliveryDay}. I've sent the details to your app.`,
  orderAlreadyPlaced: (orderId, deliveryDay) => `That order is already placed: ${spell(orderId)}, arriving by ${deliveryDay}. I didn't order it twice.`,
  orderInProgress: "Your order is being placed right now. Ask me where's my order in a moment to hear its status.",
  orderDeclined: "Sorry, your payment method was declined, so I didn't place the order. Your cart is unchanged. Please check the payment method in your vocart account.",
  orderFailed: "Sorry, something went wrong and I couldn't place your order. Nothing was charged and your cart is unchanged. Please try again in a moment.",
  orderFailedMaybeCharged: "Sorry, something went wrong and I couldn't place your order. If anything was charged, it will be refunded. Your cart is unchanged. Please try again in a moment.",
  orderTooLate: "Sorry, I ran out of time before I could place your order. Nothing was charged and your cart is unchanged. Say check out to try again.",
  cartChangedRefunded: 'Your cart changed while we were talking, so I did not order, and anything charged for it will be refunded. Say check out to hear the new total.',
  cartChanged: 'Your cart changed while we were talking, so I did not order. Say check out to hear the new total.',
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
  eraseConfirm: 'This deletes your cart, your reminders and everything this skill remembers about you. Do you want me to delete your data?',
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
  remindersList: (p) => p.only ? `You turned reminders on ${p.since} on ${p.platform}. I remind you only about ${p.products}.` : `You turned reminders on ${p.since} on ${p.platform}. I remind you about things you buy regularly${p.products ? `, such as ${p.products}` : ''}${p.excluded ? `, but not about ${p.excluded}` : ''}.`,
  remindersNone: "Reminders are off. Say remind me about coffee, for example, and I'll tell you when it's probably running low.",
  reminderText: (product) => `Your ${product} is probably running low. Say: Alexa, ask vocart shop what's running low.`,
};

const deDE: Messages = {
  welcomeFirst:
    'Willkommen bei vocart. Ich bin ein automatischer Einkaufsassistent, kein Mensch. Du kannst Produkte suchen, sie auf deine Einkaufsliste setzen oder fragen, was im Warenkorb ist. Was möchtest du?',
  welcomeBack: 'Willkommen zurück bei vocart. Was möchtest du einkaufen?',
  disclosure: 'Ich bin vocart, ein automatischer Einkaufsassistent, kein Mensch.',
  welcomeBackBrief: 'Willkommen zurück bei vocart.',
  welcomeReprompt: 'Du kannst zum Beispiel sagen: suche Kaffee, oder: setz Milch auf meine Liste.',
  help: 'Ich bin vocart, ein automatischer Einkaufsassistent. Sag zum Beispiel: suche Shampoo, setz zwei Flaschen Milch auf meine Liste, was ist in meinem Warenkorb, entferne den Kaffee, oder leere meinen Warenkorb. Was möchtest du tun?',
  helpReprompt: 'Sag zum Beispiel: suche Kaffee.',
  goodbye: 'Tschüss und viel Spaß beim Einkaufen.',
  cancelledPending: 'Okay, das mache ich nicht. Was kann ich sonst für dich tun?',
  fallback: 'Entschuldigung, das habe ich nicht verstanden. Du kannst ein Produkt suchen oder fragen, was im Warenkorb ist.',
  fallbackOfferHelp:
    'Entschuldigung, das habe ich wieder nicht verstanden. Ich kann Produkte finden, in den Warenkorb legen, den Warenkorb vorlesen oder etwas entfernen. Sag Hilfe, um mehr zu hören.',
  whatProduct: 'Welches Produkt?',
  notFound: (query) => `Leider habe ich ${query} nicht gefunden. Versuch es mit einem anderen Namen oder einer Marke.`,
  notFoundOnly: (query) => `${query} habe ich leider nicht.`,
  found: (count, list) => `Ich habe ${count} gefunden: ${list}. Welches möchtest du?`,
  foundOne: (item) => `Ich habe ${item} gefunden. Soll ich es in den Warenkorb legen?`,
  whichOne: 'Sag das erste, das zweite, oder weitere, um andere Angebote zu hören.',
  noMoreResults: 'Mehr habe ich nicht gefunden. Sag das erste, oder suche nach etwas anderem.',
  noResultsToChoose: 'Suche zuerst nach einem Produkt und sag mir dann, welches du möchtest.',
  noSuchChoice: (position) => `Eine Nummer ${position} gibt es in der Liste nicht. Welches möchtest du?`,
  added: (quantity, item, cartCount) =>
    `${quantity > 1 ? `${quantity} mal ` : ''}${item} ist im Warenkorb. Du hast jetzt ${cartCount} ${cartCount === 1 ? 'Artikel' : 'Artikel'}. Noch etwas?`,
  addedSeveral: (items, missing, cartCount) =>
    `${capitalize(items)} sind im Warenkorb.${missing ? ` ${missing} habe ich nicht gefunden.` : ''} Du hast jetzt ${cartCount} Artikel. Noch etwas?`,
  addedReprompt: 'Du kannst noch etwas hinzufügen oder fragen, was im Warenkorb ist.',
  removed: (name) => `${name} habe ich aus dem Warenkorb entfernt. Noch etwas?`,
  notInCart: (query) => `${query} ist nicht in deinem Warenkorb.`,
  cartEmpty: 'Dein Warenkorb ist leer. Was möchtest du hinzufügen?',
  cartContents: (count, list, total) => `In deinem Warenkorb ${count === 1 ? 'ist 1 Artikel' : `sind ${count} Artikel`}: ${list}. Das macht ${total} ohne Steuer und Lieferung.`,
  cartLine: (quantity, name) => (quantity > 1 ? `${quantity} mal ${name}` : name),
  addedPacks: (line, cartCount) =>
    `Ich habe ${germanPacks(line)}${line.total ? ` für ${line.total}` : ''} in den Warenkorb gelegt. Du hast jetzt ${cartCount} Artikel. Noch etwas?`,
  cartLineWithPacks: (line) => [germanPacks(line), line.total].filter(Boolean).join(', '),
  clearConfirm: (count) => `Möchtest du wirklich ${count === 1 ? 'den Artikel' : `alle ${count} Artikel`} aus dem Warenkorb entfernen?`,
  cleared: 'Dein Warenkorb ist jetzt leer.',
  keptCart: 'Okay, dein Warenkorb bleibt, wie er ist.',
  nothingToConfirm: 'Gerade wartet nichts auf ein Ja oder Nein. Was möchtest du tun?',
  quantityTooLarge: (max) => `Ich kann höchstens ${max} Stück von einem Produkt hinzufügen. Wie viele möchtest du?`,
  cartFull: (max) => `Dein Warenkorb hat schon ${max} verschiedene Produkte. Bitte entferne zuerst etwas.`,
  badQuantity: 'Diese Menge kann ich nicht hinzufügen. Wie viele möchtest du?',
  trouble: 'Entschuldigung, ich erreiche den Laden gerade nicht. Dein Warenkorb ist sicher. Bitte versuch es gleich noch einmal.',
  tooSlow: 'Entschuldigung, das dauert bei mir gerade zu lange. Bitte frag mich gleich noch einmal.',
  anythingElse: 'Noch etwas?',
  productSummary: (name, size, price) => [name, size, price].filter(Boolean).join(', '),
  cartTitle: 'Dein Warenkorb',
  resultsTitle: (query) => `Ergebnisse für ${query}`,
  linkAccount: 'Zum Bestellen brauche ich dein vocart-Konto. Ich habe dir eine Karte in die App geschickt: verknüpfe dort dein Konto und frag mich dann noch einmal.',
  voiceOrderingLocked: 'Die Sprachbestellung ist nach drei falschen PINs gesperrt. Zum Entsperren öffne die Einstellungen deines vocart-Kontos und setze deine Sprach-PIN neu.',
  missingAddressOrPayment: 'Für eine Bestellung braucht dein Konto eine Lieferadresse und eine Zahlungsart. Bitte ergänze sie in deinem vocart-Konto.',
  checkoutEmpty: 'Dein Warenkorb ist leer, es gibt noch nichts zu bestellen. Was möchtest du hinzufügen?',
  checkoutReadback: (p) =>
    `Deine Bestellung bei ${p.seller}: ${p.items}. Die Summe ist ${p.total}, inklusive ${p.tax} Steuer und ${p.delivery} Lieferung, an ${p.address}, bezahlt mit ${p.payment}.`,
  checkoutQuestion: 'Soll ich die Bestellung aufgeben?',
  unavailableSkipped: (count) => `${count === 1 ? 'Ein Produkt in deinem Warenkorb ist' : `${count} Produkte in deinem Warenkorb sind`} nicht mehr erhältlich und werden nicht bestellt.`,
  pinNeeded: (limit) => `Für Bestellungen über ${limit} sag bitte deine vierstellige Sprach-PIN.`,
  pinWrong: (triesLeft) => `Die PIN stimmt nicht. Du hast noch ${triesLeft} ${triesLeft === 1 ? 'Versuch' : 'Versuche'}. Bitte sag deine Sprach-PIN.`,
  pinNotSet: 'Diese Bestellung braucht eine Sprach-PIN, und in deinem Konto ist keine eingerichtet. Bitte richte sie in deinem vocart-Konto ein. Dein Warenkorb bleibt unverändert.',
  pinNoPending: 'Gerade wartet keine Bestellung auf eine PIN. Sag zur Kasse, wenn du so weit bist.',
  orderPlaced: (orderId, deliveryDay) => `Erledigt. Deine Bestellung ${spell(orderId)} ist aufgegeben und kommt voraussichtlich bis ${deliveryDay}. Die Details habe ich dir in die App geschickt.`,
  orderAlreadyPlaced: (orderId, deliveryDay) => `Diese Bestellung ist schon aufgegeben: ${spell(orderId)}, Lieferung bis ${deliveryDay}. Ich habe sie nicht doppelt bestellt.`,
  orderInProgress: 'Deine Bestellung wird gerade aufgegeben. Frag mich gleich, wo meine Bestellung ist, um den Stand zu hören.',
  orderDeclined: 'Entschuldigung, deine Zahlungsart wurde abgelehnt, deshalb habe ich nicht bestellt. Dein Warenkorb ist unverändert. Bitte prüfe die Zahlungsart in deinem vocart-Konto.',
  orderFailed: 'Entschuldigung, etwas ist schiefgegangen und ich konnte nicht bestellen. Es wurde nichts abgebucht und dein Warenkorb ist unverändert. Bitte versuch es gleich noch einmal.',
  orderFailedMaybeCharged: 'Entschuldigung, etwas ist schiefgegangen und ich konnte nicht bestellen. Falls etwas abgebucht wurde, wird es erstattet. Dein Warenkorb ist unverändert. Bitte versuch es gleich noch einmal.',
  orderTooLate: 'Entschuldigung, die Zeit hat nicht gereicht, um deine Bestellung aufzugeben. Es wurde nichts abgebucht und dein Warenkorb ist unverändert. Sag zur Kasse, um es noch einmal zu versuchen.',
  cartChangedRefunded: 'Dein Warenkorb hat sich während des Gesprächs geändert, deshalb habe ich nicht bestellt; falls etwas abgebucht wurde, wird es erstattet. Sag zur Kasse, um die neue Summe zu hören.',
  cartChanged: 'Dein Warenkorb hat sich während des Gesprächs geändert, deshalb habe ich nicht bestellt. Sag zur Kasse, um die neue Summe zu hören.',
  orderKept: 'Okay, ich bestelle nicht. Dein Warenkorb bleibt, wie er ist.',
  orderCardTitle: (orderId) => `Bestellung ${orderId}`,
  noOrders: 'Du hast noch keine Bestellungen.',
  orderStatus: (p) =>
    `${p.openCount > 1 ? `Du hast ${p.openCount} offene Bestellungen. Die neueste, ` : 'Deine Bestellung '}${spell(p.orderId)} vom ${p.placedDay}, ${p.delivered ? `wurde am ${p.deliveryDay} geliefert` : `ist unterwegs und kommt voraussichtlich bis ${p.deliveryDay}`}.`,
  orderCancelled: (orderId) => `Deine Bestellung ${spell(orderId)} ist storniert, die Zahlung wird erstattet.`,
  nothingToCancel: 'Du hast keine Bestellung, die sich noch stornieren lässt.',
  cancelConfirm: (orderId, total) => `Möchtest du die Bestellung ${spell(orderId)} über ${total} stornieren?`,
  orderNotCancelled: 'Okay, deine Bestellung bleibt bestehen.',
  notCancellable: (orderId) => `Die Bestellung ${spell(orderId)} ist schon versandt und lässt sich nicht mehr stornieren.`,
  alreadyDelivered: (orderId, day) => `Deine letzte Bestellung ${spell(orderId)} wurde am ${day} geliefert, da gibt es nichts mehr zu stornieren.`,
  usualNotFound: (query) => `Du hast ${query} noch nie bestellt, deshalb kenne ich dein Übliches nicht. Sag suche ${query}, um eins auszuwählen.`,
  noLastOrder: 'Du hast noch nichts bestellt, es gibt also keine letzte Bestellung zum Wiederholen.',
  reorderAdded: (items) => `Ich habe ${items} in deinen Warenkorb gelegt.`,
  day: (date) => date.toLocaleDateString('de-DE', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  freeDelivery: 'kostenloser',
  eraseConfirm: 'Damit lösche ich deinen Warenkorb, deine Erinnerungen und alles, was dieser Skill über dich gespeichert hat. Soll ich deine Daten löschen?',
  erased: ({ ordersKept, identities }) =>
    `Erledigt. Ich habe deinen Warenkorb, dein Profil, deine Erinnerungen und deine Vorhersagen gelöscht${identities > 0 ? ', auch das, was ich vor der Kontoverknüpfung gespeichert hatte' : ''}.${
      ordersKept > 0 ? ` Der Laden bewahrt ${ordersKept === 1 ? 'den Beleg deiner Bestellung' : `die Belege deiner ${ordersKept} Bestellungen`} auf, weil er das für die Buchhaltung muss; sonst bleibt nichts.` : ' Es bleibt nichts gespeichert.'
    } Tschüss.`,
  eraseKept: 'Okay, ich habe nichts gelöscht.',
  runningLow: (items) => `${items} ${items.includes(' und ') ? 'gehen' : 'geht'} dir wahrscheinlich bald aus. Soll ich ${items.includes(' und ') ? 'sie' : 'es'} in den Warenkorb legen?`,
  nudge: (item) => `Übrigens: ${item} geht dir wahrscheinlich bald aus. Soll ich es in den Warenkorb legen?`,
  nothingLow: 'Von dem, was du regelmäßig kaufst, geht gerade nichts zur Neige. Was möchtest du einkaufen?',
  snoozed: 'Okay, jetzt nicht. Ich frage in ein paar Tagen wieder. Was kann ich sonst für dich tun?',
  remindersOn: (product) =>
    `Okay, ich erinnere dich, wenn ${product ? `${product}` : 'etwas, das du regelmäßig kaufst,'} wahrscheinlich bald ausgeht. Sag jederzeit: keine Erinnerungen mehr, um das abzuschalten.`,
  remindersPermission: 'Damit ich dich auch bei geschlossenem Skill erinnern kann, braucht Alexa deine Erlaubnis.',
  remindersPermissionGranted: 'Danke. Ich erinnere dich am Morgen des Tages, an dem etwas wahrscheinlich ausgeht.',
  remindersPermissionDeclined: 'Okay, keine Erinnerungen außerhalb des Skills. Hier im Skill sage ich dir trotzdem, wenn etwas zur Neige geht, und erlauben kannst du Erinnerungen jederzeit in der Alexa-App.',
  remindersOffProduct: (product) => `Okay, ich erinnere dich nicht mehr an ${product}.`,
  remindersOffAll: 'Okay, ich habe alle Erinnerungen abgeschaltet. Sag zum Beispiel: erinnere mich an Kaffee, um sie wieder einzuschalten.',
  remindersNotBought: (query) => `Du hast ${query} noch nie gekauft, daran hätte ich dich also nicht erinnert.`,
  remindersAskAll: (products) => `Soll ich dich erinnern, wenn etwas, das du regelmäßig kaufst, wahrscheinlich bald ausgeht${products ? `, zum Beispiel ${products}` : ''}?`,
  remindersWhich: (query) => `An ${query} erinnere ich dich nicht. An welches Produkt soll ich dich nicht mehr erinnern? Oder sag: keine Erinnerungen mehr.`,
  remindersList: (p) => p.only ? `Du hast Erinnerungen am ${p.since} über ${p.platform} eingeschaltet. Ich erinnere dich nur an ${p.products}.` : `Du hast Erinnerungen am ${p.since} über ${p.platform} eingeschaltet. Ich erinnere dich an Dinge, die du regelmäßig kaufst${p.products ? `, zum Beispiel ${p.products}` : ''}${p.excluded ? `, aber nicht an ${p.excluded}` : ''}.`,
  remindersNone: 'Erinnerungen sind aus. Sag zum Beispiel: erinnere mich an Kaffee, dann sage ich dir, wenn er wahrscheinlich bald ausgeht.',
  reminderText: (product) => `${product} geht dir wahrscheinlich bald aus. Sag: Alexa, frag vocart laden, was zur Neige geht.`,
};

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

/** "eine Packung Braune Eier Größe L mit 12 Stück (du wolltest 6)", "2 Packungen … mit je 12 Stück (insgesamt 24)", "2 mal Vollmilch (je 3,8 Liter)". */
function germanPacks(line: PackLineWords): string {
  const { packs, name, size, unitsPerPack } = line;
  if (unitsPerPack === undefined) {
    const counted = packs === 1 ? name : `${packs} mal ${name}`;
    return size ? `${counted} (${packs === 1 ? '' : 'je '}${size})` : counted;
  }
  const notes = [packs > 1 ? `insgesamt ${packs * unitsPerPack}` : '', askedDiffers(line) ? `du wolltest ${line.unitsAsked}` : ''].filter(Boolean);
  const counted = packs === 1 ? `eine Packung ${name} mit ${unitsPerPack} Stück` : `${packs} Packungen ${name} mit je ${unitsPerPack} Stück`;
  return `${counted}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** The pieces asked for are worth saying back only when the packs hold a different number. */
function askedDiffers(line: PackLineWords): boolean {
  return line.unitsAsked !== undefined && line.unitsAsked !== line.packs * (line.unitsPerPack ?? 1);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Order numbers are read character by character ("V 7 K 3…"), not as a word. */
function spell(code: string): string {
  return code.split('').join(' ');
}

const byLocale: Record<Locale, Messages> = { 'en-US': enUS, 'de-DE': deDE };

export function messagesFor(locale: Locale): Messages {
  return byLocale[locale];
}

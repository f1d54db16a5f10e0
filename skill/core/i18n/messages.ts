/**
 * Every sentence the skill says, per locale. Handlers choose what to say; this file says how, so a new locale is
 * one more object of the same shape (the type checker lists what is missing).
 */
import type { Locale } from '../turn';

export interface Messages {
  welcomeFirst: string;
  welcomeBack: string;
  welcomeReprompt: string;
  help: string;
  helpReprompt: string;
  goodbye: string;
  cancelledPending: string;
  fallback: string;
  fallbackOfferHelp: string;
  whatProduct: string;
  notFound(query: string): string;
  found(count: number, list: string): string;
  foundOne(item: string): string;
  whichOne: string;
  noMoreResults: string;
  noResultsToChoose: string;
  noSuchChoice(position: number): string;
  added(quantity: number, item: string, cartCount: number): string;
  addedReprompt: string;
  removed(name: string): string;
  notInCart(query: string): string;
  cartEmpty: string;
  cartContents(count: number, list: string, total: string): string;
  cartLine(quantity: number, name: string): string;
  clearConfirm(count: number): string;
  cleared: string;
  keptCart: string;
  nothingToConfirm: string;
  quantityTooLarge(max: number): string;
  cartFull(max: number): string;
  badQuantity: string;
  trouble: string;
  anythingElse: string;
  productSummary(name: string, size: string | undefined, price: string | undefined): string;
  cartTitle: string;
  resultsTitle(query: string): string;
}

const enUS: Messages = {
  welcomeFirst:
    "Welcome to vocart. I'm an automated shopping assistant, not a person. You can search for products, add them to your shopping list, or ask what's in your cart. What would you like?",
  welcomeBack: 'Welcome back to vocart. What would you like to shop for?',
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
  found: (count, list) => `I found ${count}: ${list}. Which one would you like?`,
  foundOne: (item) => `I found ${item}. Shall I add it to your cart?`,
  whichOne: 'Say the first one, the second one, or more to hear other options.',
  noMoreResults: "That's all I found. Say the first one, or search for something else.",
  noResultsToChoose: 'Search for a product first, then tell me which one you want.',
  noSuchChoice: (position) => `There's no number ${position} in the list. Which one would you like?`,
  added: (quantity, item, cartCount) =>
    `Added ${quantity > 1 ? `${quantity} of ` : ''}${item} to your cart. You now have ${cartCount} ${cartCount === 1 ? 'item' : 'items'}. Anything else?`,
  addedReprompt: "You can add something else or ask what's in your cart.",
  removed: (name) => `Removed ${name} from your cart. Anything else?`,
  notInCart: (query) => `${query} isn't in your cart.`,
  cartEmpty: 'Your cart is empty. What would you like to add?',
  cartContents: (count, list, total) => `You have ${count} ${count === 1 ? 'item' : 'items'} in your cart: ${list}. That's ${total} before tax and delivery.`,
  cartLine: (quantity, name) => (quantity > 1 ? `${quantity} ${name}` : name),
  clearConfirm: (count) => `Do you really want to remove all ${count} ${count === 1 ? 'item' : 'items'} from your cart?`,
  cleared: 'Your cart is now empty.',
  keptCart: 'Okay, your cart stays as it is.',
  nothingToConfirm: "There's nothing waiting for a yes or no. What would you like to do?",
  quantityTooLarge: (max) => `I can add at most ${max} of one product. How many would you like?`,
  cartFull: (max) => `Your cart already holds ${max} different products. Please remove something first.`,
  badQuantity: "That's not a quantity I can add. How many would you like?",
  trouble: "Sorry, I'm having trouble reaching the shop right now. Your cart is safe. Please try again in a moment.",
  anythingElse: 'Anything else?',
  productSummary: (name, size, price) => [name, size, price].filter(Boolean).join(', '),
  cartTitle: 'Your cart',
  resultsTitle: (query) => `Results for ${query}`,
};

const deDE: Messages = {
  welcomeFirst:
    'Willkommen bei vocart. Ich bin ein automatischer Einkaufsassistent, kein Mensch. Du kannst Produkte suchen, sie auf deine Einkaufsliste setzen oder fragen, was im Warenkorb ist. Was möchtest du?',
  welcomeBack: 'Willkommen zurück bei vocart. Was möchtest du einkaufen?',
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
  found: (count, list) => `Ich habe ${count} gefunden: ${list}. Welches möchtest du?`,
  foundOne: (item) => `Ich habe ${item} gefunden. Soll ich es in den Warenkorb legen?`,
  whichOne: 'Sag das erste, das zweite, oder weitere, um andere Angebote zu hören.',
  noMoreResults: 'Mehr habe ich nicht gefunden. Sag das erste, oder suche nach etwas anderem.',
  noResultsToChoose: 'Suche zuerst nach einem Produkt und sag mir dann, welches du möchtest.',
  noSuchChoice: (position) => `Eine Nummer ${position} gibt es in der Liste nicht. Welches möchtest du?`,
  added: (quantity, item, cartCount) =>
    `${quantity > 1 ? `${quantity} mal ` : ''}${item} ist im Warenkorb. Du hast jetzt ${cartCount} ${cartCount === 1 ? 'Artikel' : 'Artikel'}. Noch etwas?`,
  addedReprompt: 'Du kannst noch etwas hinzufügen oder fragen, was im Warenkorb ist.',
  removed: (name) => `${name} habe ich aus dem Warenkorb entfernt. Noch etwas?`,
  notInCart: (query) => `${query} ist nicht in deinem Warenkorb.`,
  cartEmpty: 'Dein Warenkorb ist leer. Was möchtest du hinzufügen?',
  cartContents: (count, list, total) => `In deinem Warenkorb ${count === 1 ? 'ist 1 Artikel' : `sind ${count} Artikel`}: ${list}. Das macht ${total} ohne Steuer und Lieferung.`,
  cartLine: (quantity, name) => (quantity > 1 ? `${quantity} mal ${name}` : name),
  clearConfirm: (count) => `Möchtest du wirklich ${count === 1 ? 'den Artikel' : `alle ${count} Artikel`} aus dem Warenkorb entfernen?`,
  cleared: 'Dein Warenkorb ist jetzt leer.',
  keptCart: 'Okay, dein Warenkorb bleibt, wie er ist.',
  nothingToConfirm: 'Gerade wartet nichts auf ein Ja oder Nein. Was möchtest du tun?',
  quantityTooLarge: (max) => `Ich kann höchstens ${max} Stück von einem Produkt hinzufügen. Wie viele möchtest du?`,
  cartFull: (max) => `Dein Warenkorb hat schon ${max} verschiedene Produkte. Bitte entferne zuerst etwas.`,
  badQuantity: 'Diese Menge kann ich nicht hinzufügen. Wie viele möchtest du?',
  trouble: 'Entschuldigung, ich erreiche den Laden gerade nicht. Dein Warenkorb ist sicher. Bitte versuch es gleich noch einmal.',
  anythingElse: 'Noch etwas?',
  productSummary: (name, size, price) => [name, size, price].filter(Boolean).join(', '),
  cartTitle: 'Dein Warenkorb',
  resultsTitle: (query) => `Ergebnisse für ${query}`,
};

const byLocale: Record<Locale, Messages> = { 'en-US': enUS, 'de-DE': deDE };

export function messagesFor(locale: Locale): Messages {
  return byLocale[locale];
}

/**
 * Every intent of vocart, with its slots and what shoppers say, in en-US and de-DE.
 * Intent and slot names are a contract: the platform adapters, the core and the e2e scripts rely on them.
 *
 * Collisions are designed out here rather than left to the NLU: "cancel" alone is the built-in cancel,
 * "cancel my order" is CancelOrderIntent; "what do I need" asks for replenishment, "I need milk" adds.
 */
import { PIN_ANSWER_INTENT, PIN_CONTEXT } from '../../skill/platforms/google/elicitation-context';
import type { IntentSource, PerLocale, SlotSource } from './types';

const product = (elicitation?: PerLocale<string[]>): SlotSource => ({
  name: 'product',
  kind: 'product',
  ...(elicitation && {
    elicitation,
    answers: { 'en-US': ['{product}', 'some {product}', 'the {product}'], 'de-DE': ['{product}', 'etwas {product}', 'die {product}'] },
  }),
});

const none: PerLocale<string[]> = { 'en-US': [], 'de-DE': [] };

export const INTENTS: IntentSource[] = [
  {
    name: 'SearchProductIntent',
    slots: [product({ 'en-US': ['What are you looking for?'], 'de-DE': ['Wonach suchst du?'] })],
    samples: {
      'en-US': [
        '{product}',
        '(search|look) for <some> {product}',
        'find [me] <some> {product}',
        '(do you have|do you sell|have you got|do you carry) [any|some] {product}',
        'what {product} do you have',
        'what kind of {product} do you have',
        'show me [some|the] {product}',
        "(i'm|i am) looking for <some> {product}",
        'how much (is|are) [a|the] {product}',
        'how much does [a|the] {product} cost',
        "what's the price of [a|the] {product}",
        'search {product}',
        '(is there|are there) [any|some] {product}',
        'is there any {product} left',
      ],
      'de-DE': [
        '{product}',
        '(such|suche) [nach] <etwas> {product}',
        '(finde|find) [mir] <etwas> {product}',
        '(habt ihr|hast du|gibt es|verkauft ihr) [auch] [etwas] {product}',
        'was für {product} (habt ihr|gibt es)',
        'welche {product} (habt ihr|gibt es)',
        'zeig mir <etwas> {product}',
        'ich suche <etwas> {product}',
        '(was|wie viel) (kostet|kosten) <artikel> {product}',
        'was ist der Preis für <artikel> {product}',
      ],
    },
  },
  {
    name: 'AddToCartIntent',
    dialog: true,
    slots: [
      product({ 'en-US': ['What would you like to add to your cart?'], 'de-DE': ['Was soll ich in deinen Warenkorb legen?'] }),
      { name: 'quantity', kind: 'quantity' },
      { name: 'measure', kind: 'measure' },
    ],
    samples: {
      'en-US': [
        'add <some> {product}',
        'add <some> {product} to <my-cart>',
        'put <some> {product} (on|in) <my-cart>',
        "(i need|i want|we need|we're out of|i'm out of|we are out of|i am out of|we're running out of) <some> {product}",
        "(i'd|i would) like <some> {product}",
        '(get|buy|order|grab) me <some> {product}',
        '(buy|get|grab) <some> {product}',
        'order [some] {product}',
        '(can you|could you|please) add <some> {product} to <my-list>',
        '(can you|could you|please) put <some> {product} on <my-list>',
        'add {product} to <my-list> please',
        'add {quantity} {product} [to <my-cart>]',
        'put {quantity} {product} (on|in) <my-list>',
        '(get|buy|order) [me] {quantity} {product}',
        '(i need|we need|i want) {quantity} {product}',
        // "two pounds of", "six cartons of": the amount and its measure or pack are one slot, so nothing else has
        // to split them and the pack word reaches the core.
        'add {measure} of {product} [to <my-list>]',
        'put {measure} of {product} (on|in) <my-list>',
        '(get|buy|order) [me] {measure} of {product}',
        '(i need|we need) {measure} of {product}',
        // "a dozen eggs" has no "of": one pack, as for a bare product. "Two dozen" is a measure value, so the count
        // of dozens reaches the core.
        'add (a|one) dozen {product} [to <my-list>]',
        '(get|buy|order) [me] (a|one) dozen {product}',
        '(i need|we need) (a|one) dozen {product}',
        'add {measure} {product} [to <my-list>]',
        '(get|buy|order) [me] {measure} {product}',
        '(i need|we need) {measure} {product}',
        'add another {product}',
        'add one more {product}',
      ],
      'de-DE': [
        '(leg|setz|pack|tu) [etwas|noch] {product} <zum-korb>',
        '(leg|setz|pack|tu) (eine|einen|ein) {product} <zum-korb-kurz>',
        '(lege|setze|packe) {product} <zum-korb>',
        '{product} <zum-korb>',
        '(füge|füg) <etwas> {product} <korb-dat> hinzu',
        '(füge|füg) {product} hinzu',
        '{product} (hinzufügen|kaufen|bestellen)',
        '(ich brauche|wir brauchen|ich möchte|ich hätte gern|ich hätte gerne|ich will) <etwas> {product}',
        '(kauf|kaufe|bestell|bestelle|besorg|besorge) [mir|uns] <etwas> {product}',
        '(kannst du|könntest du) [etwas|noch] {product} <zum-korb-kurz> (legen|setzen|packen|tun)',
        '(uns|mir) ist <artikel> {product} ausgegangen',
        '<artikel> {product} ist alle',
        '(leg|setz|pack|tu) {quantity} {product} <zum-korb>',
        '{quantity} {product} <zum-korb-kurz>',
        '(kauf|bestell|besorg) [mir|uns] {quantity} {product}',
        '(ich brauche|wir brauchen|ich möchte) {quantity} {product}',
        '(füge|füg) {quantity} {product} <korb-dat> hinzu',
        '(leg|setz|pack|tu) {quantity} <einheiten> {product} <zum-korb-kurz>',
        '(ich brauche|wir brauchen|kauf|bestell) {quantity} <einheiten> {product}',
        '(leg|setz|pack|tu) <eine-einheit> {product} <zum-korb-kurz>',
        '(ich brauche|kauf|bestell) <eine-einheit> {product}',
        '(noch|nochmal) (eine|einen|ein) {product}',
      ],
    },
  },
  {
    name: 'RemoveFromCartIntent',
    dialog: true,
    slots: [product({ 'en-US': ['Which item should I remove from your cart?'], 'de-DE': ['Welchen Artikel soll ich aus deinem Warenkorb nehmen?'] })],
    samples: {
      'en-US': [
        '(remove|delete|drop) [the] {product} from <my-cart>',
        '(remove|delete) [the] {product}',
        'take [the] {product} (off|out of) <my-cart>',
        'take [the] {product} (off|out)',
        '(scratch|cross) [the] {product} off <my-cart>',
        "i (don't|do not) (need|want) [the] {product} (anymore|any more)",
        "i (don't|do not) need [the] {product} after all",
        'no more {product}',
      ],
      'de-DE': [
        '(nimm|entferne|lösche|streiche) [die|den|das] {product} <aus-korb>',
        '(entferne|lösche|streiche|streich) <artikel> {product}',
        'nimm <artikel> {product} wieder raus',
        '(nimm|streich) <artikel> {product} von der Liste',
        'ich brauche <artikel> {product} nicht mehr',
        'ich brauche (kein|keine|keinen) {product} mehr',
        '{product} <aus-korb> (entfernen|löschen|streichen|nehmen)',
      ],
    },
  },
  {
    name: 'ReadCartIntent',
    slots: [],
    samples: {
      'en-US': [
        "(what's|what is) (on|in) <my-cart>",
        'what do i have (on|in) <my-cart>',
        'what did i (put|add) (on|to) <my-list>',
        'read [me] <my-cart>',
        'read <my-cart> to me',
        '(show|check) [me] <my-cart>',
        'how many (items|things) are (on|in) <my-list>',
        'my <cart>',
        "(what's|what is) my total",
        'how much is (in|on) <my-list>',
        'how much is my <cart>',
        'what does my <cart> (cost|come to)',
      ],
      'de-DE': [
        'was (ist|steht|liegt|habe ich|hab ich) <im-korb>',
        'lies [mir] <korb-akk> vor',
        'zeig [mir] <korb-akk>',
        'wie viele (Artikel|Sachen) (sind|habe ich) <im-korb>',
        '(mein Warenkorb|meine Einkaufsliste|meine Liste|mein Einkaufswagen|mein Einkaufszettel)',
        'was kostet (mein Einkauf|alles zusammen)',
      ],
    },
  },
  {
    name: 'ClearCartIntent',
    slots: [],
    confirmation: {
      'en-US': ['Do you really want to empty your whole cart?'],
      'de-DE': ['Möchtest du wirklich den ganzen Warenkorb leeren?'],
    },
    samples: {
      'en-US': [
        '(clear|empty|delete|reset) <my-cart>',
        '(remove|delete) (everything|all items|all the items) from <my-cart>',
        'take everything (off|out of) <my-cart>',
        'start a new <cart>',
        'clear everything',
        'throw everything out of <my-cart>',
      ],
      'de-DE': [
        '(leere|lösche|leer) <korb-akk>',
        '<korb-akk> (leeren|löschen)',
        '(entferne|lösche|nimm) alles <aus-korb>',
        'alles <aus-korb> (entfernen|löschen)',
        '(fang|fange) <korb-akk> neu an',
        'alles löschen',
      ],
    },
  },
  {
    name: 'SelectItemIntent',
    slots: [
      { name: 'ordinal', kind: 'ordinal' },
      { name: 'choice', kind: 'choice' },
    ],
    samples: {
      'en-US': [
        '[the] {ordinal} one',
        "(take|i'll take|i will take|i want|give me|add|pick|choose|select) the {ordinal} [one]",
        'the {ordinal} one please',
        'number {ordinal}',
        '[the] {choice} one',
        "(take|i'll take|i will take|i want|give me|add|pick|choose|select|show me) the {choice} [one]",
        'the {choice} one please',
        '(do you have|is there) (anything|something|one) {choice}',
        'something {choice}',
      ],
      'de-DE': [
        '(das|die|den|der) {ordinal} [bitte|davon]',
        '(nimm|ich nehme|ich will|ich möchte|gib mir|wähle) (das|die|den) {ordinal}',
        '(das|die|den|der) {ordinal} Produkt',
        '(das|die|den|der) {choice}',
        '(nimm|ich nehme|ich will|ich möchte|gib mir|zeig mir|wähle) (das|die|den) {choice}',
        '(gibt es|habt ihr) (was|etwas) {choice}',
        '(das|die|den|der) {choice} bitte',
      ],
    },
  },
  {
    name: 'CheckoutIntent',
    // The read-back (items, total, address) is written by the core; the intent only has to be in the
    // dialog model so the skill may send Dialog.ConfirmIntent with that text.
    dialog: true,
    slots: [],
    samples: {
      'en-US': [
        '(check out|checkout)',
        '(place|submit|complete|finish) [my|the] order',
        '(i want|i would like|i\'d like) to (pay|check out|place my order)',
        "(i'm|i am) ready to (pay|check out|order)",
        'proceed to checkout',
        'pay [now|for my order]',
        '(buy|order) (everything|what\'s) (on|in) <my-list>',
        "that's (all|everything) (check out|place the order)",
      ],
      'de-DE': [
        '(zur Kasse|Kasse|checkout)',
        '(ich möchte|ich will) (zur Kasse|bezahlen|bestellen)',
        '(gehe|geh) zur Kasse',
        '[meine|die] Bestellung (abschicken|aufgeben|abschließen)',
        '(schick|schicke) [meine|die] Bestellung ab',
        '(jetzt|bitte) bezahlen',
        '(bestell|bestelle|kaufe) alles <im-korb>',
      ],
    },
  },
  {
    name: 'VoicePinIntent',
    slots: [
      {
        name: 'pin',
        kind: 'pin',
        elicitation: { 'en-US': ['Please say your four-digit voice PIN.'], 'de-DE': ['Bitte sag deine vierstellige Sprach-PIN.'] },
        answers: { 'en-US': ['{pin}'], 'de-DE': ['{pin}'] },
      },
    ],
    samples: {
      'en-US': ['(my|the) (pin|voice pin|code|pin code) is {pin}', '(pin|code) {pin}', '{pin} is my pin'],
      'de-DE': ['(meine|die) (PIN|Pin|Geheimzahl|Sprach PIN) ist {pin}', '(mein|der) Code ist {pin}', '(PIN|Code) {pin}'],
    },
  },
  {
    // Alexa hears a bare PIN through Dialog.ElicitSlot on VoicePinIntent; Dialogflow through this intent, which
    // matches only while the webhook holds the PIN question's context open.
    name: PIN_ANSWER_INTENT,
    alexa: null,
    dialogflowInputContexts: [PIN_CONTEXT],
    slots: [{ name: 'pin', kind: 'pin' }],
    samples: {
      'en-US': ['{pin}', "[it's|it is] {pin}"],
      'de-DE': ['{pin}', '(sie|die) ist {pin}'],
    },
  },
  {
    name: 'OrderStatusIntent',
    slots: [],
    samples: {
      'en-US': [
        "(where's|where is) my (order|delivery|package|groceries|stuff)",
        'where are my groceries',
        'track my (order|delivery|package)',
        'when (will|does) my (order|delivery|groceries) (arrive|come|get here)',
        "(what's|what is) the status of my (order|delivery)",
        'order status',
        '(has|did) my order (shipped|ship|arrived|arrive)',
        'is my order on (its|the) way',
        'when is my delivery [coming]',
      ],
      'de-DE': [
        'wo ist meine (Bestellung|Lieferung|Sendung)',
        'wo sind meine Einkäufe',
        'wann kommt meine (Bestellung|Lieferung)',
        'wann wird meine (Bestellung|Lieferung) geliefert',
        '(verfolge|verfolg) meine (Bestellung|Lieferung|Sendung)',
        '(wie ist der|was ist der) Status meiner Bestellung',
        'Bestellstatus',
        'ist meine Bestellung (unterwegs|schon unterwegs|verschickt|angekommen)',
      ],
    },
  },
  {
    name: 'CancelOrderIntent',
    slots: [],
    confirmation: {
      'en-US': ['Do you want me to cancel your latest order?'],
      'de-DE': ['Soll ich deine letzte Bestellung stornieren?'],
    },
    samples: {
      'en-US': [
        'cancel (my|the) order',
        'cancel (my|the) (last|latest|recent) order',
        'cancel my delivery',
        '(i want|i would like|i\'d like) to cancel my order',
        "(don't|do not) send my order",
      ],
      'de-DE': [
        '(storniere|stornier) (meine|die) Bestellung',
        '(storniere|stornier) (meine|die) (letzte|aktuelle) Bestellung',
        '(ich möchte|ich will) meine Bestellung stornieren',
        '[meine] Bestellung (stornieren|abbrechen)',
        'meine Lieferung stornieren',
      ],
    },
  },
  {
    name: 'ReorderIntent',
    dialog: true,
    slots: [product()],
    samples: {
      'en-US': [
        '(order|get|buy) [me] my usual {product}',
        '(i need|i want) my usual {product}',
        'my usual {product} [please]',
        'reorder [my|the] {product}',
        '(order|get) [me] the same {product} as last time',
        '(order|buy) {product} again',
        'repeat my (last|previous) (order|purchase)',
        'reorder my (last|previous) order',
        '(order|get) the same (as|thing as) last time',
        'same as last time',
        '(order|buy|get) my usual [groceries|stuff|items|order]',
        '[i\'ll have] the usual',
        '(reorder|order again)',
        'reorder my usual [please]',
      ],
      'de-DE': [
        '(bestell|bestelle|kauf|kaufe|besorg) [mir] <mein-übliches> {product}',
        '(ich brauche|ich möchte) <mein-übliches> {product}',
        '{product} wie immer',
        '(bestell|bestelle) {product} (nochmal|noch mal|wieder)',
        '(bestell|bestelle) [mir] (das gleiche|dasselbe|den gleichen|die gleiche) {product} wie letztes Mal',
        '(wiederhole|wiederhol) meine letzte Bestellung',
        'meine letzte Bestellung (wiederholen|nochmal bestellen|noch einmal)',
        '(bestell|bestelle) (das gleiche|dasselbe) wie letztes Mal',
        '(bestell|bestelle) [mir] (meinen üblichen Einkauf|das Übliche)',
        'das Übliche [bitte]',
        '(nachbestellen|nochmal bestellen)',
      ],
    },
  },
  {
    name: 'ReplenishmentIntent',
    slots: [],
    samples: {
      'en-US': [
        "(what's|what is) running (low|out)",
        'what am i running (low|out) (on|of)',
        'what do i need [to buy|to order|to reorder]',
        'what should i (buy|order|reorder)',
        '(what needs|does anything need) restocking',
        'what am i out of',
        'do i need anything',
        'is anything running low',
        'anything i need to reorder',
      ],
      'de-DE': [
        'was (geht|geht mir) (zur Neige|aus)',
        'was wird knapp',
        'was ist bald alle',
        'was brauche ich [noch]',
        'was (muss|sollte) ich (kaufen|nachkaufen|nachbestellen|bestellen)',
        'brauche ich (etwas|was)',
        'was fehlt mir',
        'geht mir (etwas|was) aus',
      ],
    },
  },
  {
    name: 'EnableRemindersIntent',
    dialog: true,
    slots: [product()],
    samples: {
      'en-US': [
        'remind me (about|to reorder|to buy) [my] {product}',
        "remind me when (i'm|i am) (running low on|out of) {product}",
        'remind me when my {product} (runs|is running) (low|out)',
        '(turn on|enable|start) reminders [for {product}]',
        '(set|create) a reminder for [my] {product}',
        'keep track of my {product}',
      ],
      'de-DE': [
        '(erinnere|erinner) mich an <artikel> {product}',
        '(erinnere|erinner) mich an (mein|meine|meinen) {product}',
        '(erinnere|erinner) mich ans Nachbestellen von {product}',
        '(erinnere|erinner) mich wenn (der|die|das|mein|meine) {product} (knapp wird|zur Neige geht|alle ist)',
        'Erinnerungen (einschalten|aktivieren) [für {product}]',
        '(schalte|schalt) [die] Erinnerungen (ein|an)',
      ],
    },
  },
  {
    name: 'StopRemindersIntent',
    slots: [product()],
    samples: {
      'en-US': [
        'stop reminding me (about|to reorder|to buy) [my|the] {product}',
        '(stop|turn off|disable) reminders (for|about) [my] {product}',
        "(don't|do not) remind me about [my|the] {product} [anymore]",
        'no more reminders (about|for) {product}',
        '(stop|turn off|disable|cancel) [all] [my] reminders',
        'stop reminding me',
        'no more reminders',
      ],
      'de-DE': [
        '(erinnere|erinner) mich nicht mehr an <artikel> {product}',
        '(erinnere|erinner) mich nicht mehr an (mein|meine|meinen) {product}',
        '(hör|höre) auf mich an <artikel> {product} zu erinnern',
        'keine Erinnerungen mehr (für|zu|an) {product}',
        '(schalte|schalt) [alle|die] Erinnerungen aus',
        '[alle] Erinnerungen (ausschalten|deaktivieren|stoppen|beenden)',
        '(stopp|stoppe) [alle] Erinnerungen',
        'keine Erinnerungen mehr',
        '(erinnere|erinner) mich nicht mehr',
      ],
    },
  },
  {
    name: 'ListRemindersIntent',
    slots: [],
    samples: {
      'en-US': [
        'what do you remind me (about|of)',
        '(list|read) [me] my reminders',
        'what reminders do i have',
        '(which|what) reminders are (on|active)',
        'what are my reminders',
        'show me my reminders',
      ],
      'de-DE': [
        'woran erinnerst du mich',
        '(welche|was für) Erinnerungen habe ich',
        'lies [mir] meine Erinnerungen vor',
        'zeig [mir] meine Erinnerungen',
        'meine Erinnerungen',
      ],
    },
  },
  {
    name: 'DeleteMyDataIntent',
    slots: [],
    confirmation: {
      'en-US': ['This deletes your cart, your order history and your reminders for good. Are you sure?'],
      'de-DE': ['Damit lösche ich deinen Warenkorb, deine Bestellhistorie und deine Erinnerungen endgültig. Bist du sicher?'],
    },
    samples: {
      'en-US': [
        '(delete|erase|remove|wipe) (my data|all my data|my personal data|my account)',
        '(delete|erase|forget) everything you know about me',
        'forget me',
        'forget all my data',
      ],
      'de-DE': [
        '(lösche|lösch) [alle] meine (Daten|persönlichen Daten)',
        '(lösche|lösch) mein Konto',
        'meine Daten löschen',
        'vergiss mich',
        'vergiss alles über mich',
      ],
    },
  },

  // Platform conversation intents. On Alexa they are Amazon's built-ins, extended with our samples; on
  // Dialogflow they are ordinary intents the Google adapter maps to the same core intents.
  {
    name: 'HelpIntent',
    alexa: 'AMAZON.HelpIntent',
    slots: [],
    samples: {
      'en-US': ['help', 'help me', 'what can i (say|do)', 'how does this work', 'what can you do', 'i need help'],
      'de-DE': ['Hilfe', 'hilf mir', 'was kann ich sagen', 'wie funktioniert das', 'was kannst du', 'ich brauche Hilfe'],
    },
  },
  {
    name: 'RepeatIntent',
    alexa: 'AMAZON.RepeatIntent',
    slots: [],
    samples: {
      'en-US': ['repeat that', 'say that again', 'what did you say', 'can you repeat that', 'pardon', 'come again'],
      'de-DE': ['wiederhole das', 'sag das noch mal', 'was hast du gesagt', 'kannst du das wiederholen', 'wie bitte', 'noch einmal bitte'],
    },
  },
  {
    name: 'StopIntent',
    alexa: 'AMAZON.StopIntent',
    slots: [],
    // Alexa ends the session on "exit" by itself; listing it there would shadow that.
    dialogflowOnlySamples: { 'en-US': ['exit'], 'de-DE': ['ende'] },
    samples: {
      'en-US': ['stop', 'quit', 'goodbye', 'bye', "that's all", "i'm done", 'nothing else'],
      'de-DE': ['stopp', 'beenden', 'tschüss', 'auf Wiedersehen', 'das ist alles', 'fertig', 'nichts weiter'],
    },
  },
  {
    name: 'CancelIntent',
    alexa: 'AMAZON.CancelIntent',
    slots: [],
    samples: {
      'en-US': ['cancel', 'never mind', 'forget it'],
      'de-DE': ['abbrechen', 'vergiss es', 'egal', 'lass es'],
    },
  },
  {
    name: 'YesIntent',
    alexa: 'AMAZON.YesIntent',
    slots: [],
    samples: {
      'en-US': ['yes', 'yes please', 'yeah', 'yep', 'sure', 'okay', 'go ahead', 'do it', 'sounds good', 'correct'],
      'de-DE': ['ja', 'ja bitte', 'ja gerne', 'gerne', 'okay', 'klar', 'genau', 'mach das', 'richtig', 'jawohl'],
    },
  },
  {
    name: 'NoIntent',
    alexa: 'AMAZON.NoIntent',
    slots: [],
    samples: {
      'en-US': ['no', 'no thanks', 'no thank you', 'nope', 'not now', 'not today', "don't"],
      'de-DE': ['nein', 'nein danke', 'nicht jetzt', 'jetzt nicht', 'lieber nicht', 'nee', 'heute nicht', 'später'],
    },
  },
  {
    name: 'MoreIntent',
    alexa: 'AMAZON.MoreIntent',
    slots: [],
    samples: {
      'en-US': ['more', 'what else', 'what else do you have', 'show me more', 'more results', 'any others'],
      'de-DE': ['mehr', 'was noch', 'was gibt es noch', 'zeig mir mehr', 'andere Vorschläge'],
    },
    // On Alexa "next" belongs to AMAZON.NextIntent; Dialogflow has no such built-in.
    dialogflowOnlySamples: { 'en-US': ['next', 'next one'], 'de-DE': ['weiter', 'nächste', 'der nächste'] },
  },
  { name: 'FallbackIntent', alexa: 'AMAZON.FallbackIntent', dialogflow: null, slots: [], samples: none },
  { name: 'NextIntent', alexa: 'AMAZON.NextIntent', dialogflow: null, slots: [], samples: none },
  { name: 'NavigateHomeIntent', alexa: 'AMAZON.NavigateHomeIntent', dialogflow: null, slots: [], samples: none },
  {
    name: 'WelcomeIntent',
    alexa: null,
    dialogflow: 'Default Welcome Intent',
    dialogflowEvent: 'WELCOME',
    slots: [],
    samples: {
      'en-US': ['hi', 'hello', 'hey', 'good morning', 'start', 'talk to vocart', "let's go shopping"],
      'de-DE': ['hallo', 'hi', 'guten Tag', 'guten Morgen', 'starten', 'mit vocart sprechen', 'lass uns einkaufen'],
    },
  },
  {
    name: 'DefaultFallbackIntent',
    alexa: null,
    dialogflow: 'Default Fallback Intent',
    dialogflowFallback: true,
    slots: [],
    samples: none,
  },
];

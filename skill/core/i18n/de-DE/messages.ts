/**
 * Alles, was der Skill auf Deutsch sagt (everything the skill says in German).
 */
import type { Messages, PackLineWords } from '../message-types';
import { spokenDay } from '../format';
import { askedDiffers, capitalize, spell } from '../spoken-parts';

/*
 * Sätze, die in mehreren Meldungen vorkommen, stehen einmal hier (sentences said in more than one message have one
 * home here, so a rewording reaches every message that says it).
 */
const nowInCart = (count: number) => ` Du hast jetzt ${count} Artikel. Noch etwas?`;
const MISSED_AGAIN = 'Entschuldigung, das habe ich wieder nicht verstanden.';
const COULD_NOT_ORDER = 'Entschuldigung, etwas ist schiefgegangen und ich konnte nicht bestellen.';
const NOTHING_CHARGED = 'Es wurde nichts abgebucht und dein Warenkorb ist unverändert.';
const TRY_AGAIN = 'Bitte versuch es gleich noch einmal.';
const CART_CHANGED = 'Dein Warenkorb hat sich während des Gesprächs geändert, deshalb habe ich nicht bestellt';
const HEAR_NEW_TOTAL = 'Sag zur Kasse, um die neue Summe zu hören.';
const WRONG_LINK_CODE = 'Dieser Code passt zu keinem gültigen Verknüpfungscode.';
const REMINDER_TOO = ' Ich stelle dir außerdem eine Erinnerung für diese Zeit.';
const PERSON_GETS_BACK = 'Soll ich eine Person aus dem Laden bitten, sich bei dir zu melden?';
/** Wie man einer Person antwortet: "richte aus …" ist auf beiden Plattformen ein Beispielsatz. */
const HOW_TO_REPLY = 'sag: richte aus, und dann deine Nachricht.';
const HEAR_IT_NEXT_TIME = 'Die Antwort hörst du, wenn du vocart das nächste Mal öffnest, hier oder auf jedem anderen Gerät, auf dem du vocart nutzt.';
const CANNOT_BRING_IT =
  'Aber dieser Chat sagt mir nicht, wer du bist, deshalb kann ich dir die Antwort später nicht bringen. Damit du sie bekommst, verknüpfe dein Konto im Laden: sag mein Verknüpfungscode ist, und die sechs Ziffern von deiner Kontoseite, und frag dann noch einmal nach einer Person.';

export const deDE: Messages = {
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
    `${MISSED_AGAIN} Ich kann Produkte finden, in den Warenkorb legen, den Warenkorb vorlesen oder etwas entfernen. Sag Hilfe, um mehr zu hören.`,
  whatProduct: 'Welches Produkt?',
  notFound: (query) => `Leider habe ich ${query} nicht gefunden. Versuch es mit einem anderen Namen oder einer Marke.`,
  notFoundOnly: (query) => `${query} habe ich leider nicht.`,
  found: (count, list) => `Ich habe ${count} gefunden: ${list}. Welches möchtest du?`,
  // "das", not "es": the catalog gives no gender or number, and "es" is wrong for "Bananen" or "die Milch".
  foundOne: (item) => `Ich habe ${item} gefunden. Soll ich das in den Warenkorb legen?`,
  whichOne: 'Sag das erste, das zweite, oder weitere, um andere Angebote zu hören.',
  noMoreResults: 'Mehr habe ich nicht gefunden. Sag das erste, oder suche nach etwas anderem.',
  noResultsToChoose: 'Suche zuerst nach einem Produkt und sag mir dann, welches du möchtest.',
  noSuchChoice: (position) => `Eine Nummer ${position} gibt es in der Liste nicht. Welches möchtest du?`,
  added: (quantity, item, cartCount) =>
    // The verb agrees with the count: "Hafermilch ist", "12 mal Hafermilch sind".
    `${quantity > 1 ? `${quantity} mal ${item} sind` : `${item} ist`} im Warenkorb.${nowInCart(cartCount)}`,
  addedSeveral: (items, missing, cartCount, many) =>
    `${capitalize(items)} ${many ? 'sind' : 'ist'} im Warenkorb.${missing ? ` ${missing} habe ich nicht gefunden.` : ''}${nowInCart(cartCount)}`,
  addedReprompt: 'Du kannst noch etwas hinzufügen oder fragen, was im Warenkorb ist.',
  removed: (name) => `${name} habe ich aus dem Warenkorb entfernt. Noch etwas?`,
  // Kein Verb, das sich nach den Worten des Kunden richten müsste ("Bananen ist").
  notInCart: (query) => `Ich finde ${query} nicht in deinem Warenkorb.`,
  cartEmpty: 'Dein Warenkorb ist leer. Was möchtest du hinzufügen?',
  cartContents: (count, list, total) => `In deinem Warenkorb ${count === 1 ? 'ist 1 Artikel' : `sind ${count} Artikel`}: ${list}. Das macht ${total} inklusive MwSt., ohne Lieferung.`,
  cartLine: (quantity, name) => (quantity > 1 ? `${quantity} mal ${name}` : name),
  addedPacks: (line, cartCount) =>
    `Ich habe ${germanPacks(line)}${line.total ? ` für ${line.total}` : ''} in den Warenkorb gelegt.${nowInCart(cartCount)}`,
  cartLineWithPacks: (line) => [germanPacks(line), line.total].filter(Boolean).join(', '),
  clearConfirm: (count) => `Möchtest du wirklich ${count === 1 ? 'den Artikel' : `alle ${count} Artikel`} aus dem Warenkorb entfernen?`,
  cleared: 'Dein Warenkorb ist jetzt leer.',
  keptCart: 'Okay, dein Warenkorb bleibt, wie er ist.',
  cartTotal: (count, total) => `Dein Warenkorb kostet ${total} für ${count === 1 ? '1 Artikel' : `${count} Artikel`}, inklusive MwSt., ohne Lieferung.`,
  quantityChanged: (line) => `Erledigt, im Warenkorb jetzt: ${line}. Noch etwas?`,
  whichLine: (list, removing) => `Davon hast du mehr als eins: ${list}. Welches soll ich ${removing ? 'entfernen' : 'ändern'}?`,
  whichLineReprompt: 'Sag das erste oder das zweite, oder sag abbrechen.',
  whichItem: 'Welchen Artikel in deinem Warenkorb meinst du?',
  welcome: 'Gern geschehen.',
  welcomeGoodbye: 'Gern geschehen. Viel Spaß beim Einkaufen und bis bald.',
  startedOver:
    'Okay, wir fangen von vorne an. Die letzte Suche und offene Fragen habe ich vergessen. Dein Warenkorb bleibt, wie er ist; sag leere den Warenkorb, wenn er auch leer sein soll. Was möchtest du?',
  nothingToConfirm: 'Gerade wartet nichts auf ein Ja oder Nein. Was möchtest du tun?',
  quantityTooLarge: (max) => `Ich kann höchstens ${max} Stück von einem Produkt hinzufügen. Wie viele möchtest du?`,
  cartFull: (max) => `Dein Warenkorb hat schon ${max} verschiedene Produkte. Bitte entferne zuerst etwas.`,
  badQuantity: 'Diese Menge kann ich nicht hinzufügen. Wie viele möchtest du?',
  trouble: `Entschuldigung, ich erreiche den Laden gerade nicht. Dein Warenkorb ist sicher. ${TRY_AGAIN}`,
  tooSlow: 'Entschuldigung, das dauert bei mir gerade zu lange. Bitte frag mich gleich noch einmal.',
  anythingElse: 'Noch etwas?',
  productSummary: (name, size, price) => [name, size, price].filter(Boolean).join(', '),
  cartTitle: 'Dein Warenkorb',
  resultsTitle: (query) => `Ergebnisse für ${query}`,
  linkAccount: 'Zum Bestellen brauche ich dein vocart-Konto. Ich habe dir eine Karte in die App geschickt: verknüpfe dort dein Konto und frag mich dann noch einmal.',
  linkAccountWithCode:
    'Zum Bestellen brauche ich dein vocart-Konto. Um es hier zu verknüpfen, hol dir auf deiner Kontoseite im vocart-Shop einen sechsstelligen Verknüpfungscode und sag mir: mein Verknüpfungscode ist, und dann die sechs Ziffern.',
  linkCodeAsk: 'Bitte sag mir den sechsstelligen Verknüpfungscode von deiner Kontoseite im vocart-Shop, zum Beispiel: mein Verknüpfungscode ist 4 8 1 5 2 3.',
  linkCodeLinked: 'Danke, dein vocart-Konto ist jetzt hier verknüpft. Du kannst bestellen, wann immer du so weit bist.',
  linkCodeWrong: (triesLeft) =>
    triesLeft > 0
      ? `${WRONG_LINK_CODE} Ein Code gilt nur einmal und nur wenige Minuten. Du hast noch ${triesLeft === 1 ? 'einen Versuch' : `${triesLeft} Versuche`}.`
      : WRONG_LINK_CODE,
  linkCodeLocked: 'Zu viele falsche Verknüpfungscodes. Bitte warte eine Weile, hol dir auf deiner Kontoseite einen neuen Code und versuch es dann noch einmal.',
  linkCodeAlreadyLinked: 'Dein vocart-Konto ist hier schon verknüpft.',
  cartCarriedOver: (p) =>
    `Ich habe ${p.items === 1 ? 'den Artikel' : `die ${p.items} Artikel`} aus deinem Warenkorb von vor der Verknüpfung in den Warenkorb deines Kontos gelegt${p.skipped > 0 ? `, bis auf ${p.skipped === 1 ? 'ein Produkt, das' : `${p.skipped} Produkte, die`} nicht mehr hineinpasste${p.skipped === 1 ? '' : 'n'}` : ''}.`,
  voiceOrderingLocked: 'Die Sprachbestellung ist nach drei falschen PINs gesperrt. Zum Entsperren öffne die Einstellungen deines vocart-Kontos und setze deine Sprach-PIN neu.',
  missingAddressOrPayment: 'Für eine Bestellung braucht dein Konto eine Lieferadresse und eine Zahlungsart. Bitte ergänze sie in deinem vocart-Konto.',
  checkoutEmpty: 'Dein Warenkorb ist leer, es gibt noch nichts zu bestellen. Was möchtest du hinzufügen?',
  checkoutReadback: (p) =>
    // The VAT is part of the total, not added to it: German prices are gross.
    `Deine Bestellung bei ${p.seller}: ${p.items}. Die Summe ist ${p.total}, inklusive ${p.tax} MwSt. und ${p.delivery} Lieferung, an ${p.address}, bezahlt mit ${p.payment}.`,
  checkoutQuestion: 'Soll ich die Bestellung aufgeben?',
  cardEnding: (brand, digits) => `${brand} mit den Endziffern ${digits}`,
  unavailableSkipped: (count) => `${count === 1 ? 'Ein Produkt in deinem Warenkorb ist' : `${count} Produkte in deinem Warenkorb sind`} nicht mehr erhältlich und werden nicht bestellt.`,
  pinNeeded: (limit) => `Für Bestellungen über ${limit} sag bitte deine vierstellige Sprach-PIN.`,
  pinWrong: (triesLeft) => `Die PIN stimmt nicht. Du hast noch ${triesLeft} ${triesLeft === 1 ? 'Versuch' : 'Versuche'}. Bitte sag deine Sprach-PIN.`,
  pinNotSet: 'Diese Bestellung braucht eine Sprach-PIN, und in deinem Konto ist keine eingerichtet. Bitte richte sie in deinem vocart-Konto ein. Dein Warenkorb bleibt unverändert.',
  pinNoPending: 'Gerade wartet keine Bestellung auf eine PIN. Sag zur Kasse, wenn du so weit bist.',
  orderPlaced: (orderId, deliveryDay, toApp) => `Erledigt. Deine Bestellung ${spell(orderId)} ist aufgegeben und kommt voraussichtlich bis ${deliveryDay}.${toApp ? ' Die Details habe ich dir in die App geschickt.' : ''}`,
  orderAlreadyPlaced: (orderId, deliveryDay) => `Diese Bestellung ist schon aufgegeben: ${spell(orderId)}, Lieferung bis ${deliveryDay}. Ich habe sie nicht doppelt bestellt.`,
  orderInProgress: 'Deine Bestellung wird gerade aufgegeben. Frag mich gleich, wo meine Bestellung ist, um den Stand zu hören.',
  orderDeclined: 'Entschuldigung, deine Zahlungsart wurde abgelehnt, deshalb habe ich nicht bestellt. Dein Warenkorb ist unverändert. Bitte prüfe die Zahlungsart in deinem vocart-Konto.',
  orderFailed: `${COULD_NOT_ORDER} ${NOTHING_CHARGED} ${TRY_AGAIN}`,
  orderFailedMaybeCharged: `${COULD_NOT_ORDER} Falls etwas abgebucht wurde, wird es erstattet. Dein Warenkorb ist unverändert. ${TRY_AGAIN}`,
  orderTooLate: `Entschuldigung, die Zeit hat nicht gereicht, um deine Bestellung aufzugeben. ${NOTHING_CHARGED} Sag zur Kasse, um es noch einmal zu versuchen.`,
  cartChangedRefunded: `${CART_CHANGED}; falls etwas abgebucht wurde, wird es erstattet. ${HEAR_NEW_TOTAL}`,
  cartChanged: `${CART_CHANGED}. ${HEAR_NEW_TOTAL}`,
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
  eraseConfirm: 'Damit lösche ich deinen Warenkorb, deine Erinnerungen und alles, was vocart über dich gespeichert hat. Soll ich deine Daten löschen?',
  erased: ({ ordersKept, identities }) =>
    `Erledigt. Ich habe deinen Warenkorb, dein Profil, deine Erinnerungen und deine Vorhersagen gelöscht${identities > 0 ? ', auch das, was ich vor der Kontoverknüpfung gespeichert hatte' : ''}.${
      ordersKept > 0 ? ` Der Laden bewahrt ${ordersKept === 1 ? 'den Beleg deiner Bestellung' : `die Belege deiner ${ordersKept} Bestellungen`} auf, weil er das für die Buchhaltung muss; sonst bleibt nichts.` : ' Es bleibt nichts gespeichert.'
    } Tschüss.`,
  eraseKept: 'Okay, ich habe nichts gelöscht.',
  runningLow: (items) => `Bei ${items} wird es wahrscheinlich bald knapp. Soll ich ${items.includes(' und ') ? 'sie' : 'das'} in den Warenkorb legen?`,
  // "Bei … wird es knapp" agrees with any product; "… geht aus" was wrong for plurals ("Bananen geht").
  nudge: (item) => `Übrigens: Bei ${item} wird es wahrscheinlich bald knapp. Soll ich das in den Warenkorb legen?`,
  nothingLow: 'Von dem, was du regelmäßig kaufst, geht gerade nichts zur Neige. Was möchtest du einkaufen?',
  snoozed: 'Okay, jetzt nicht. Ich frage in ein paar Tagen wieder. Was kann ich sonst für dich tun?',
  remindersOn: (product) =>
    `Okay, ich erinnere dich, wenn ${product ? `es bei ${product}` : 'etwas, das du regelmäßig kaufst,'} wahrscheinlich bald ${product ? 'knapp wird' : 'ausgeht'}. Sag jederzeit: keine Erinnerungen mehr, um das abzuschalten.`,
  remindersPermission: 'Damit ich dich auch bei geschlossenem Skill erinnern kann, braucht Alexa deine Erlaubnis.',
  remindersPermissionGranted: 'Danke. Ich erinnere dich am Morgen des Tages, an dem etwas wahrscheinlich ausgeht.',
  remindersPermissionDeclined: 'Okay, keine Erinnerungen außerhalb des Skills. Hier im Skill sage ich dir trotzdem, wenn etwas zur Neige geht, und erlauben kannst du Erinnerungen jederzeit in der Alexa-App.',
  remindersOffProduct: (product) => `Okay, ich erinnere dich nicht mehr an ${product}.`,
  remindersOffAll: 'Okay, ich habe alle Erinnerungen abgeschaltet. Sag zum Beispiel: erinnere mich an Kaffee, um sie wieder einzuschalten.',
  remindersNotBought: (query) => `Du hast ${query} noch nie gekauft, daran hätte ich dich also nicht erinnert.`,
  remindersAskAll: (products) => `Soll ich dich erinnern, wenn etwas, das du regelmäßig kaufst, wahrscheinlich bald ausgeht${products ? `, zum Beispiel ${products}` : ''}?`,
  remindersWhich: (query) => `An ${query} erinnere ich dich nicht. An welches Produkt soll ich dich nicht mehr erinnern? Oder sag: keine Erinnerungen mehr.`,
  remindersList: (p) =>
    `Du hast die Erinnerungen am ${p.since} mit ${p.platform} eingeschaltet. ${p.only ? `Ich erinnere dich nur an ${p.products}.` : `Ich erinnere dich an Dinge, die du regelmäßig kaufst${p.products ? `, zum Beispiel ${p.products}` : ''}${p.excluded ? `, aber nicht an ${p.excluded}` : ''}.`}`,
  remindersNone: 'Erinnerungen sind aus. Sag zum Beispiel: erinnere mich an Kaffee, dann sage ich dir, wenn er wahrscheinlich bald ausgeht.',
  reminderText: (product) => `Bei ${product} wird es wahrscheinlich bald knapp. Sag: Alexa, frag vocart laden, was zur Neige geht.`,
  answerTime: (time) => {
    const clock = `${time.hour}${time.minute > 0 ? `:${String(time.minute).padStart(2, '0')}` : ''} Uhr`;
    switch (time.relation) {
      case 'today':
        return `heute gegen ${clock}`;
      case 'tomorrow':
        return `bis morgen gegen ${clock}`;
      case 'weekday':
        return `bis ${spokenDay(time.date, 'de-DE', 'weekday')} gegen ${clock}`;
      case 'date':
        return `bis zum ${spokenDay(time.date, 'de-DE', 'date')} gegen ${clock}`;
    }
  },
  // "eine Person aus dem Laden": who answers is not known, so the wording names no gender.
  handoffOpened: (p) =>
    `Ich bin ein automatischer Assistent und kann dich nicht direkt verbinden. ${
      p.withConversation ? 'Ich habe unser Gespräch' : p.orderId ? `Ich habe deine Bestellung ${spell(p.orderId)}` : 'Ich habe deine Anfrage'
    } an eine Person aus dem Laden weitergegeben, die dir ${p.when} antwortet. ${p.reachable ? HEAR_IT_NEXT_TIME : CANNOT_BRING_IT}${p.reminder ? REMINDER_TOO : ''}`,
  orderProblem: (problem) => {
    switch (problem) {
      case 'damaged':
        return 'Es tut mir leid, dass deine Bestellung beschädigt angekommen ist.';
      case 'missing':
        return 'Es tut mir leid, dass in deiner Bestellung etwas fehlt.';
      case 'wrong':
        return 'Es tut mir leid, dass du falsche Artikel bekommen hast.';
      case 'late':
        return 'Es tut mir leid, dass sich deine Bestellung verspätet.';
      default:
        return 'Es tut mir leid, dass es ein Problem mit deiner Bestellung gibt.';
    }
  },
  handoffShareQuestion: 'Darf ich unser Gespräch an deine Anfrage anhängen, damit man im Laden sieht, worüber wir gesprochen haben?',
  handoffShared: 'Okay, ich habe unser Gespräch angehängt. Noch etwas?',
  handoffNotShared: 'Okay, ich hänge es nicht an. Der Laden sieht nur deine Anfrage. Noch etwas?',
  fallbackOfferHandoff: `${MISSED_AGAIN} ${PERSON_GETS_BACK}`,
  handoffOfferAfterMiss: 'Soll ich eine Person aus dem Laden bitten, dir dabei zu helfen?',
  handoffOfferUnsure: `Ich bin nicht sicher, ob ich dich richtig verstehe. ${PERSON_GETS_BACK}`,
  handoffOfferPayment: 'Soll ich eine Person aus dem Laden bitten, sich das mit dir anzusehen?',
  handoffOfferDeclined: 'Okay. Sag Hilfe, um zu hören, was ich kann, oder versuch es mit anderen Worten.',
  handoffUnavailable: 'Ich bin ein automatischer Assistent und kann gerade niemanden aus dem Laden erreichen. Bitte wende dich über die Website an den Laden.',
  handoffReplyAsk: `Was soll ich ausrichten? Um zu antworten, ${HOW_TO_REPLY}`,
  handoffReplySent: (p) =>
    `Okay, ich habe das an den Laden weitergegeben. Eine Person antwortet dir ${p.when}${p.reachable ? ', und du hörst die Antwort, wenn du vocart das nächste Mal öffnest' : ''}.${p.reminder ? REMINDER_TOO : ''} Noch etwas?`,
  handoffAlreadyOpen: (p) => `Deine Anfrage liegt schon beim Laden, und eine Person antwortet dir ${p.when}. Um etwas zu ergänzen, ${HOW_TO_REPLY}`,
  handoffReplyNoCase: 'Es gibt keine Anfrage an den Laden, an die ich das weitergeben könnte. Um eine Person zu erreichen, sag: mit einem Menschen sprechen.',
  handoffReminderText: 'Der Laden hat dir wahrscheinlich geantwortet. Sag: Alexa, öffne vocart laden, um die Antwort zu hören.',
  shopAnswers: (answers) =>
    [
      `Du hast ${answers.length === 1 ? 'eine Antwort' : `${answers.length} Antworten`} vom Laden.`,
      ...answers.map((answer) => `Eine Person aus dem Laden${answer.agentName ? `, ${answer.agentName},` : ''} hat geschrieben: „${answer.text}“`),
      `${answers.length === 1 ? 'Das war eine Nachricht von einem Menschen' : 'Das waren Nachrichten von Menschen'} aus dem Laden. Um zu antworten, ${HOW_TO_REPLY}`,
    ].join(' '),
  notSureReask: 'Ich bin nicht sicher, ob ich dich richtig verstanden habe.',
};

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

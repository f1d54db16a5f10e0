// The vocart console's page: one conversation at a time over the console API. No framework: DOM built with el().

import { $, el } from './dom.js';

const api = {
  async call(method, path, body) {
    const started = performance.now();
    const response = await fetch(`/console/api${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(json?.error?.message ?? `The console answered ${response.status}`);
    return { json, roundTripMs: performance.now() - started };
  },
};

const state = { conversation: undefined, options: undefined };

function setStatus(text, kind = 'info') {
  const status = $('status');
  status.textContent = text;
  status.dataset.kind = kind;
}

function optionsFromForm() {
  return {
    platform: $('platform').value,
    locale: $('locale').value,
    screen: $('screen').checked,
    linked: $('linked').checked,
    returning: $('returning').checked,
  };
}

function platformName(platform) {
  return platform === 'alexa' ? 'Alexa' : 'Dialogflow';
}

function describe(options) {
  return `${platformName(options.platform)} · ${options.locale} · ${options.screen ? 'screen' : 'no screen'} · ${options.linked ? 'linked' : 'not linked'} · ${options.returning ? 'returning' : 'new'} shopper`;
}

// ---- speech ------------------------------------------------------------------------------------------------------

const Recognition = window.SpeechRecognition ?? window.webkitSpeechRecognition;

function playButton(text, locale) {
  if (!('speechSynthesis' in window) || !text) return null;
  return el('button', {
    type: 'button',
    class: 'small',
    'aria-label': 'Play the reply',
    onclick: () => {
      window.speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = locale;
      window.speechSynthesis.speak(utterance);
    },
  }, '▶ Play');
}

function setUpMicrophone() {
  if (!Recognition) return;
  const mic = $('mic');
  mic.hidden = false;
  let recognition;
  mic.addEventListener('click', () => {
    if (recognition) {
      recognition.stop();
      return;
    }
    recognition = new Recognition();
    recognition.lang = state.options?.locale ?? $('locale').value;
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    mic.setAttribute('aria-pressed', 'true');
    mic.textContent = 'Listening…';
    recognition.addEventListener('result', (event) => {
      const text = event.results[0]?.[0]?.transcript ?? '';
      if (text) {
        $('utterance').value = text;
        void send(text);
      }
    });
    recognition.addEventListener('end', () => {
      recognition = undefined;
      mic.setAttribute('aria-pressed', 'false');
      mic.textContent = 'Speak';
    });
    recognition.addEventListener('error', (event) => setStatus(`Speech recognition: ${event.error}`, 'error'));
    recognition.start();
  });
}

// ---- one turn in the transcript -----------------------------------------------------------------------------------

function json(label, value, open = false) {
  return el('details', { class: 'json', open }, el('summary', {}, label), el('pre', {}, JSON.stringify(value, null, 2)));
}

/** Catalog images come from the web; offline, or when one fails, a placeholder stands in (the title is beside it). */
function image(url, alt, className) {
  const placeholder = () => el('span', { class: 'noimage', 'aria-hidden': 'true' });
  if (!url) return placeholder();
  const img = el('img', { src: url, alt, loading: 'lazy', referrerpolicy: 'no-referrer', width: 56, height: 56, class: className });
  img.addEventListener('error', () => img.replaceWith(placeholder()), { once: true });
  return img;
}

function itemList(items, label) {
  return el('ul', { class: 'items', 'aria-label': label },
    items.map((item) => el('li', { class: 'item' },
      image(item.imageUrl, item.title),
      el('span', { class: 'item-text' }, el('span', { class: 'item-title' }, item.title), item.detail ? el('span', { class: 'item-detail' }, item.detail) : null),
    )));
}

function aplPreview(apl) {
  return el('section', { class: 'apl', 'aria-label': 'APL preview' },
    el('h4', {}, 'APL · ', apl.title),
    apl.text ? el('p', { class: 'muted' }, apl.text) : null,
    itemList(apl.items, `Products on screen: ${apl.title}`));
}

function cardView(card) {
  return el('section', { class: 'card', 'aria-label': 'Card' },
    el('h4', {}, `Card (${card.type})`, card.title ? ` · ${card.title}` : ''),
    card.text ? el('p', { class: 'pre-line' }, card.text) : null,
    card.imageUrl ? image(card.imageUrl, card.title ?? 'card image', 'card-image') : null);
}

function richMessages(messages) {
  if (!messages?.length) return null;
  return el('section', { class: 'rich', 'aria-label': 'Dialogflow rich messages' },
    el('h4', {}, 'Dialogflow messages'),
    el('ul', {}, messages.map((message) => el('li', {},
      el('span', { class: 'tag' }, message.kind), ' ',
      message.title ? el('strong', {}, message.title, ' ') : null,
      message.text ? el('span', {}, message.text) : null,
      message.items?.length && message.kind === 'Assistant list' ? itemList(message.items, `List: ${message.title ?? ''}`) : null))));
}

function suggestionChips(suggestions) {
  if (!suggestions?.length) return null;
  return el('div', { class: 'chips', role: 'group', 'aria-label': 'Suggestions' },
    suggestions.map((text) => el('button', { type: 'button', class: 'chip', onclick: () => void send(text) }, text)));
}

function timings(turn, roundTripMs) {
  const t = turn.timings;
  return el('p', { class: 'timing muted' },
    `${turn.platformIntent}${turn.newSession ? ' · new session' : ''} · understood ${t.understandMs} ms · skill ${t.handlerMs} ms · turn ${t.totalMs} ms · round trip ${Math.round(roundTripMs)} ms`);
}

function appendTurn(turn, roundTripMs) {
  const log = $('log');
  const locale = state.options.locale;
  if (turn.utterance !== undefined) {
    const understood = turn.understood;
    log.append(el('li', { class: 'turn user' },
      el('p', { class: 'said' }, turn.utterance),
      understood ? el('p', { class: 'understood muted' }, `→ ${understood.intent}`,
        Object.keys(understood.slots).length ? ` ${JSON.stringify(understood.slots)}` : '',
        ` · score ${understood.score.toFixed(2)}${understood.exact ? ' · exact sample' : ''}`) : null));
  } else {
    log.append(el('li', { class: 'turn user launch' }, el('p', { class: 'said' }, state.options.platform === 'alexa' ? '(opens the skill: LaunchRequest)' : '(talks to the agent: WELCOME event)')));
  }
  const failed = turn.status !== 200;
  log.append(el('li', { class: `turn skill${failed ? ' failed' : ''}`, 'data-turn': turn.turn },
    el('div', { class: 'speech' },
      el('p', { class: 'reply' }, failed ? `HTTP ${turn.status}: ${turn.response?.error?.message ?? 'refused'}` : turn.speech || '(silence)'),
      playButton(turn.speech, locale)),
    turn.reprompt ? el('p', { class: 'reprompt' }, el('span', { class: 'tag' }, 'reprompt'), ' ', turn.reprompt) : null,
    turn.endSession ? el('p', { class: 'ended muted' }, 'The session ended.') : null,
    turn.card ? cardView(turn.card) : null,
    turn.apl ? aplPreview(turn.apl) : null,
    richMessages(turn.richMessages),
    suggestionChips(turn.suggestions),
    turn.directives?.length ? el('p', { class: 'muted directives' }, `${state.options.platform === 'alexa' ? 'Directives' : 'Output contexts'}: ${turn.directives.join(', ')}`) : null,
    timings(turn, roundTripMs),
    el('div', { class: 'raw' },
      json('Request JSON', turn.request),
      json('Response JSON', turn.response),
      json('Session state', turn.sessionState))));
  log.scrollTop = log.scrollHeight;
}

// ---- stored state -------------------------------------------------------------------------------------------------

function stateSection(title, body) {
  return el('section', { 'aria-label': title }, el('h3', {}, title), body);
}

function renderState(shopper) {
  const root = $('state');
  root.replaceChildren(
    el('p', { class: 'muted' }, 'Customer ', el('code', {}, shopper.customerId), shopper.profile?.displayName ? ` · ${shopper.profile.displayName}` : '',
      shopper.profile?.linkedPayment ? ` · pays with ${shopper.profile.linkedPayment}` : ''),
    stateSection('Cart', shopper.cart.lines.length
      ? el('div', {}, el('ul', { class: 'plain' }, shopper.cart.lines.map((line) => el('li', {}, `${line.quantity} × ${line.name}`, line.price ? el('span', { class: 'price' }, line.price) : null))),
        el('p', { class: 'muted' }, `Subtotal ${shopper.cart.subtotal ?? '–'} · version ${shopper.cart.version}`))
      : el('p', { class: 'muted' }, 'The cart is empty.')),
    stateSection('Recent orders', shopper.recentOrders.length
      ? el('ul', { class: 'plain' }, shopper.recentOrders.map((order) => el('li', {},
        el('strong', {}, order.orderId), ` · ${order.placedAt.slice(0, 10)} · ${order.status} · ${order.total}`,
        el('span', { class: 'muted block' }, order.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')))))
      : el('p', { class: 'muted' }, 'No orders yet.')),
    stateSection('Predictions', shopper.predictions.length
      ? el('ul', { class: 'plain' }, shopper.predictions.map((item) => el('li', {}, item.name, el('span', { class: 'muted' }, ` · bought ${item.purchases}× · due ${item.dueDay ?? '–'}${item.snoozedUntil ? ` · snoozed until ${item.snoozedUntil}` : ''}`))))
      : el('p', { class: 'muted' }, 'No predictions.')),
    stateSection('Reminder consent', shopper.consent
      ? el('p', {}, shopper.consent.granted ? 'Granted' : 'Not granted',
        shopper.consent.onlyProducts ? ` · only ${shopper.consent.onlyProducts.join(', ')}` : '',
        shopper.consent.excludedProducts.length ? ` · except ${shopper.consent.excludedProducts.join(', ')}` : '',
        el('span', { class: 'muted' }, ` · ${shopper.consent.changes} change(s)`))
      : el('p', { class: 'muted' }, 'Never asked.')),
  );
}

async function refreshState() {
  if (!state.conversation) return;
  try {
    const { json: shopper } = await api.call('GET', `/state?conversation=${encodeURIComponent(state.conversation)}`);
    renderState(shopper);
  } catch (error) {
    setStatus(`Stored state: ${error.message}`, 'error');
  }
}

// ---- actions ------------------------------------------------------------------------------------------------------

/**
 * Runs the page's actions one after another, in the order asked (a click during a turn waits for it instead of
 * being lost); the page says it is busy meanwhile.
 */
let queue = Promise.resolve();
let pending = 0;
function busy(action) {
  pending += 1;
  document.body.setAttribute('aria-busy', 'true');
  queue = queue
    .then(action)
    .catch((error) => setStatus(error.message, 'error'))
    .finally(() => {
      pending -= 1;
      if (pending === 0) document.body.removeAttribute('aria-busy');
    });
  return queue;
}

function startConversation() {
  return busy(async () => {
    const options = optionsFromForm();
    setStatus('Starting a conversation…');
    const { json: created, roundTripMs } = await api.call('POST', '/conversations', { ...options, launch: true });
    state.conversation = created.id;
    state.options = created.options;
    document.documentElement.lang = options.locale.slice(0, 2);
    $('log').replaceChildren();
    $('conversation-summary').textContent = `· ${describe(created.options)}`;
    const save = $('save-script');
    save.href = `/console/api/conversations/${created.id}/script`;
    save.removeAttribute('aria-disabled');
    if (created.turn) appendTurn(created.turn, roundTripMs);
    setStatus(`New conversation: ${describe(created.options)}.`);
    await refreshState();
    $('utterance').focus();
  });
}

function send(text) {
  const said = text.trim();
  if (!said) return Promise.resolve();
  return busy(async () => {
    if (!state.conversation) throw new Error('Start a conversation first.');
    const { json: answer, roundTripMs } = await api.call('POST', `/conversations/${state.conversation}/turns`, { say: said });
    $('utterance').value = '';
    appendTurn(answer.turn, roundTripMs);
    setStatus('');
    await refreshState();
  });
}

function newSession() {
  return busy(async () => {
    if (!state.conversation) throw new Error('Start a conversation first.');
    const { json: answer, roundTripMs } = await api.call('POST', `/conversations/${state.conversation}/turns`, { launch: true });
    appendTurn(answer.turn, roundTripMs);
    setStatus('A new session began.');
    await refreshState();
  });
}

function resetDemo() {
  return busy(async () => {
    const { json: answer } = await api.call('POST', '/reset');
    setStatus(`Demo data reset: ${answer.reset.deleted} item(s) deleted, the demo customer seeded again with ${answer.reset.orders} past orders.`);
    await refreshState();
  });
}

$('setup').addEventListener('submit', (event) => {
  event.preventDefault();
  void startConversation();
});
$('say').addEventListener('submit', (event) => {
  event.preventDefault();
  void send($('utterance').value);
});
$('new-session').addEventListener('click', () => void newSession());
$('reset').addEventListener('click', () => void resetDemo());
$('refresh-state').addEventListener('click', () => void refreshState());
$('save-script').addEventListener('click', (event) => {
  if (!state.conversation) event.preventDefault();
});
setUpMicrophone();
void startConversation();

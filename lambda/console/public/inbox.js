// The vocart agent inbox: cases from /api/handoffs, one open at a time. No framework: DOM built with el().
// The token comes from the URL fragment (#token=…, which browsers never send to a server) or the paste box, is kept
// in sessionStorage for this tab only, and goes out as a bearer header.

import { $, el } from './dom.js';

const TOKEN_KEY = 'vocart-inbox-token';
const REFRESH_MS = 20_000;

const state = { token: undefined, caseId: undefined, view: undefined };

function setStatus(text, kind = 'info') {
  $('status').textContent = text;
  $('status').dataset.kind = kind;
}

class Unauthorized extends Error {}

// ---- token ------------------------------------------------------------------------------------------------------

function takeTokenFromFragment() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  // Out of the address bar and the history, so it is not shared with a screenshot or a copied link.
  history.replaceState(null, '', location.pathname + location.search);
}

function signedIn(token) {
  state.token = token;
  $('sign-in').hidden = true;
  $('forget-token').hidden = false;
  $('work').hidden = false;
}

function signedOut(message) {
  state.token = undefined;
  sessionStorage.removeItem(TOKEN_KEY);
  $('work').hidden = true;
  $('forget-token').hidden = true;
  $('sign-in').hidden = false;
  $('token').value = '';
  $('token').focus();
  if (message) setStatus(message, 'error');
}

// ---- API --------------------------------------------------------------------------------------------------------

async function api(method, path, body) {
  const response = await fetch(`/api${path}`, {
    method,
    headers: { authorization: `Bearer ${state.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
    cache: 'no-store',
  });
  const json = await response.json().catch(() => ({}));
  if (response.status === 401) throw new Unauthorized(json?.error?.message ?? 'The token was not accepted.');
  if (!response.ok) throw new Error(json?.error?.message ?? `The inbox answered ${response.status}`);
  return json;
}

async function guarded(work) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Unauthorized) signedOut(`The token was not accepted: ${error.message}`);
    else setStatus(error.message, 'error');
    return undefined;
  }
}

// ---- words ------------------------------------------------------------------------------------------------------

const REASONS = {
  'asked-for-person': 'Asked for a person',
  'repeated-misses': 'Bot did not understand twice',
  'low-confidence': 'Bot was unsure twice',
  'payment-failed': 'Payment failed',
  'order-problem': 'Problem with an order',
};
const CHANNELS = { alexa: 'Alexa', google: 'Dialogflow (Google)' };

const reasonText = (reason) => REASONS[reason] ?? reason;

function age(iso) {
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of [['day', 86400], ['hour', 3600], ['minute', 60]]) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

const when = (iso) => el('time', { datetime: iso, title: new Date(iso).toLocaleString() }, age(iso));

function money(cents, currency, locale) {
  if (cents === undefined || !currency) return '';
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

// ---- the list ---------------------------------------------------------------------------------------------------

async function loadCases({ quiet = false } = {}) {
  const filter = $('filter').value;
  const json = await guarded(() => api('GET', `/handoffs?state=${encodeURIComponent(filter)}`));
  if (!json) return;
  const list = $('case-list');
  list.replaceChildren(
    ...json.cases.map((summary) =>
      el(
        'li',
        {},
        el(
          'button',
          {
            type: 'button',
            class: 'case-item',
            'aria-current': summary.caseId === state.caseId ? 'true' : 'false',
            'data-case-id': summary.caseId,
            onclick: () => openCase(summary.caseId),
          },
          el('span', { class: 'reason' }, reasonText(summary.reason), summary.problem ? ` (${summary.problem})` : ''),
          el(
            'span',
            { class: 'meta' },
            `${CHANNELS[summary.channel] ?? summary.channel} · ${summary.locale} · opened `,
            when(summary.createdAt),
            ' ',
            el('span', { class: `badge ${summary.state}` }, summary.state),
            summary.awaitingAgent ? el('span', { class: 'badge waiting' }, 'needs an answer') : null,
          ),
        ),
      ),
    ),
  );
  $('no-cases').hidden = json.cases.length > 0;
  if (!quiet) setStatus(`${json.cases.length} case(s).`);
}

async function loadFigures() {
  const since = new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10);
  const json = await guarded(() => api('GET', `/handoffs/figures?since=${since}`));
  if (!json) return;
  const { figures } = json;
  const reply = figures.firstReplyMinutes;
  $('figures').replaceChildren(
    el(
      'dl',
      { 'aria-label': 'Handoff figures' },
      ...Object.entries(figures.casesByReason).flatMap(([reason, count]) => [el('dt', {}, reasonText(reason)), el('dd', {}, String(count))]),
      el('dt', {}, 'Open · answered · closed'),
      el('dd', {}, `${figures.open} · ${figures.answered} · ${figures.closed}`),
      el('dt', {}, 'First human reply, median'),
      el('dd', {}, reply.count ? `${Math.round(reply.median)} min (p90 ${Math.round(reply.p90)} min, n=${reply.count})` : '—'),
    ),
  );
}

// ---- one case ---------------------------------------------------------------------------------------------------

function facts(view) {
  const rows = [
    ['Reason', reasonText(view.reason) + (view.problem ? ` (${view.problem})` : '')],
    ['State', view.state],
    ['Channel', `${CHANNELS[view.channel] ?? view.channel} · ${view.locale}`],
    ['Opened', when(view.createdAt)],
    ['Shopper', el('code', {}, view.customerId)],
    view.orderId ? ['Order concerned', el('code', {}, view.orderId)] : null,
    view.firstReplyAt ? ['First reply', when(view.firstReplyAt)] : null,
  ].filter(Boolean);
  return rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]);
}

function transcript(view) {
  if (!view.transcriptShared) return [el('li', { class: 'muted' }, 'The shopper did not agree to share the conversation.')];
  if (view.transcript.length === 0) return [el('li', { class: 'muted' }, 'No turns were recorded.')];
  return view.transcript.map((entry) =>
    el(
      'li',
      { class: 'exchange' },
      el('span', { class: 'when' }, new Date(entry.at).toLocaleTimeString(), ' · ', entry.intent),
      el('p', { class: 'said shopper' }, el('span', { class: 'who' }, 'Shopper'), entry.shopper),
      el('p', { class: 'said bot' }, el('span', { class: 'who' }, 'Bot'), entry.bot),
    ),
  );
}

function messages(view) {
  if (view.messages.length === 0) return [el('li', { class: 'muted' }, 'No messages yet.')];
  return view.messages.map((message) => {
    const who = message.from === 'agent' ? `Shop${message.agentName ? ` (${message.agentName})` : ''}` : 'Shopper';
    const delivery = message.from === 'agent' ? (message.deliveredAt ? ' · heard by the shopper' : ' · waiting for the shopper\'s next visit') : '';
    return el(
      'li',
      { class: 'message' },
      el('p', { class: `said ${message.from === 'agent' ? 'agent' : 'shopper'}` }, el('span', { class: 'who' }, who), message.text),
      el('span', { class: 'when' }, when(message.at), delivery),
    );
  });
}

function linesTable(lines, locale, label) {
  return el(
    'table',
    { 'aria-label': label },
    el('thead', {}, el('tr', {}, el('th', {}, 'Product'), el('th', {}, 'Qty'), el('th', { class: 'money' }, 'Price'), el('th', { class: 'money' }, 'Total'))),
    el(
      'tbody',
      {},
      ...lines.map((line) =>
        el('tr', {}, el('td', {}, line.name), el('td', {}, String(line.quantity)), el('td', { class: 'money' }, money(line.unitPriceCents, line.currency, locale)), el('td', { class: 'money' }, money(line.lineTotalCents, line.currency, locale))),
      ),
    ),
  );
}

function cart(view) {
  if (view.cartLines.length === 0) return [el('p', { class: 'muted' }, 'The cart was empty.')];
  return [linesTable(view.cartLines, view.locale, 'Cart'), el('p', { class: 'small' }, 'Total: ', money(view.cartTotalCents, view.cartCurrency, view.locale))];
}

/** How many orders show open; older ones wait behind a disclosure (the case's own order always shows). */
const ORDERS_SHOWN = 3;

function orderCard(view, order) {
  return el(
    'article',
    { class: 'order', 'aria-label': `Order ${order.orderId}` },
    el(
      'div',
      { class: 'row' },
      el('strong', {}, el('code', {}, order.orderId)),
      el('span', { class: 'badge' }, order.status),
      order.orderId === view.orderId ? el('span', { class: 'badge waiting' }, 'this case') : null,
      el('span', { class: 'muted small' }, 'placed ', when(order.placedAt), ' · ', money(order.totalCents, order.currency, view.locale)),
    ),
    linesTable(order.lines, view.locale, `Lines of order ${order.orderId}`),
    el(
      'div',
      { class: 'row' },
      el('button', { type: 'button', class: 'danger', disabled: !order.cancellable, onclick: () => act('cancel-order', order.orderId) }, `Cancel order ${order.orderId}`),
      el('button', { type: 'button', class: 'quiet', disabled: !order.refundable, onclick: () => act('refund-order', order.orderId) }, `Refund order ${order.orderId}`),
      order.cancellable ? el('span', { class: 'muted small' }, 'cancellable until ', when(order.cancellableUntil)) : null,
    ),
  );
}

function orders(view) {
  if (view.orders.length === 0) return [el('p', { class: 'muted' }, 'No orders.')];
  const shown = view.orders.filter((order, index) => index < ORDERS_SHOWN || order.orderId === view.orderId);
  const older = view.orders.filter((order) => !shown.includes(order));
  return [
    ...shown.map((order) => orderCard(view, order)),
    older.length ? el('details', {}, el('summary', {}, `${older.length} older order(s)`), ...older.map((order) => orderCard(view, order))) : null,
  ].filter(Boolean);
}

function actions(view) {
  if (view.actions.length === 0) return [el('li', { class: 'muted' }, 'None yet.')];
  const names = { 'cancel-order': 'Cancel', 'refund-order': 'Refund' };
  return view.actions.map((action) =>
    el('li', {}, `${names[action.kind] ?? action.kind} ${action.orderId}: ${action.outcome}${action.detail ? ` — ${action.detail}` : ''}${action.agentName ? ` (${action.agentName})` : ''} · `, when(action.at)),
  );
}

function showCase(view) {
  state.view = view;
  state.caseId = view.caseId;
  $('case-title').textContent = `Case ${view.caseId}`;
  $('case-empty').hidden = true;
  $('case-body').hidden = false;
  $('case-facts').replaceChildren(...facts(view));
  $('transcript').replaceChildren(...transcript(view));
  $('messages').replaceChildren(...messages(view));
  $('cart').replaceChildren(...cart(view));
  $('orders').replaceChildren(...orders(view));
  $('actions').replaceChildren(...actions(view));
  $('close-case').disabled = view.state === 'closed';
  for (const item of document.querySelectorAll('.case-item')) item.setAttribute('aria-current', item.dataset.caseId === view.caseId ? 'true' : 'false');
}

async function openCase(caseId) {
  const json = await guarded(() => api('GET', `/handoffs/${encodeURIComponent(caseId)}`));
  if (!json) return;
  showCase(json.case);
  setStatus(`Case ${caseId} opened.`);
}

async function act(kind, orderId) {
  const agentName = $('agent-name').value.trim();
  const json = await guarded(() => api('POST', `/handoffs/${encodeURIComponent(state.caseId)}/actions`, { kind, orderId, ...(agentName ? { agentName } : {}) }));
  if (!json) return;
  showCase(json.case);
  setStatus(`${kind === 'cancel-order' ? 'Cancel' : 'Refund'} ${orderId}: ${json.action.outcome}${json.action.detail ? ` — ${json.action.detail}` : ''}`, json.action.outcome === 'done' ? 'info' : 'error');
}

// ---- wiring -----------------------------------------------------------------------------------------------------

function wire() {
  $('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    start(token);
  });
  $('forget-token').addEventListener('click', () => signedOut('Token forgotten for this tab.'));
  $('filter').addEventListener('change', () => loadCases());
  $('refresh').addEventListener('click', () => Promise.all([loadCases(), loadFigures()]));
  $('reply-text').addEventListener('input', () => {
    $('reply-count').textContent = `${$('reply-text').value.trim().length} / 1000`;
  });
  $('reply').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('reply-text').value.trim();
    if (!text || !state.caseId) return;
    const agentName = $('agent-name').value.trim();
    $('send-reply').disabled = true;
    const json = await guarded(() => api('POST', `/handoffs/${encodeURIComponent(state.caseId)}/reply`, { text, ...(agentName ? { agentName } : {}) }));
    $('send-reply').disabled = false;
    if (!json) return;
    $('reply-text').value = '';
    $('reply-count').textContent = '0 / 1000';
    showCase(json.case);
    setStatus('Reply sent: the shopper hears it at their next visit.');
    await loadCases({ quiet: true });
  });
  $('close-case').addEventListener('click', async () => {
    if (!state.caseId) return;
    const json = await guarded(() => api('POST', `/handoffs/${encodeURIComponent(state.caseId)}/close`));
    if (!json) return;
    showCase(json.case);
    setStatus(`Case ${state.caseId} closed.`);
    await loadCases({ quiet: true });
  });
  setInterval(() => {
    if (state.token && document.visibilityState === 'visible') void loadCases({ quiet: true });
  }, REFRESH_MS);
}

async function start(token) {
  signedIn(token);
  await loadCases();
  if (state.token) await loadFigures();
}

wire();
takeTokenFromFragment();
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) void start(saved);
else signedOut();

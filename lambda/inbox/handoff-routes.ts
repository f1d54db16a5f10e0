/**
 * The agent inbox's routes over the HandoffInbox port: list, read, reply, close, act on an order, figures. Orders
 * are cancelled and refunded through the same core commands the bot uses (core/orders/cancel-order.ts), so a
 * person is held to the same rules, and every attempt is recorded on the case with how it ended.
 */
import type { AgentAction, HandoffCase } from '../../skill/core/handoff/case';
import { cancelAndRefund, refundOrder } from '../../skill/core/orders/cancel-order';
import type { Catalog, Clock, CustomerRepository, HandoffInbox, Log, Order, OrderRepository, PaymentGateway } from '../../skill/core/ports';
import { ApiError } from './api-error';
import type { ApiRequest, ApiResponse, ApiRoute } from './http';
import { actionInput, caseId, closeInput, FIGURES_DEFAULT_DAYS, figuresQuery, listQuery, parseInput, replyInput } from './input';
import { caseView, summarize } from './views';

export interface InboxDeps {
  inbox: HandoffInbox;
  customers: Pick<CustomerRepository, 'recentOrders'>;
  orders: OrderRepository;
  payments: PaymentGateway;
  catalog: Catalog;
  clock: Clock;
  log: Log;
}

/** How many of the shopper's orders the case view shows, and where an action looks for its order. */
export const CASE_ORDERS = 10;

const DAY_MS = 24 * 60 * 60 * 1000;

function json(status: number, body: unknown): ApiResponse {
  return { status, headers: { 'cache-control': 'no-store' }, body };
}

/** The body as JSON (an empty body counts as `{}`), refused unless it says it is JSON. */
function jsonBody(request: ApiRequest): unknown {
  if (request.rawBody.trim() === '') return {};
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  try {
    return JSON.parse(request.rawBody);
  } catch (error) {
    throw new ApiError(400, 'bad_request', 'The body is not valid JSON.', { cause: error });
  }
}

function unknownCase(): never {
  throw new ApiError(404, 'unknown_case', 'No such case.');
}

async function caseResponse(deps: InboxDeps, handoff: HandoffCase, extra: Record<string, unknown> = {}): Promise<ApiResponse> {
  const orders = await deps.customers.recentOrders(handoff.customerId, CASE_ORDERS);
  return json(200, { ...extra, case: caseView(deps.catalog, handoff, orders, deps.clock.now()) });
}

/** Runs one agent action through the core's command and says how it ended, in words the agent reads. */
async function act(deps: InboxDeps, customerId: string, kind: AgentAction['kind'], order: Order): Promise<Pick<AgentAction, 'outcome' | 'detail'>> {
  if (kind === 'cancel-order') {
    let outcome;
    try {
      outcome = await cancelAndRefund(deps, customerId, order);
    } catch (error) {
      // The order may be cancelled already when the refund is what failed: say both, and how to finish.
      deps.log.warn('inbox: cancel failed', { orderId: order.orderId, error: error instanceof Error ? error.name : typeof error });
      return { outcome: 'refused', detail: 'The cancellation or its refund did not go through (payment or database error); reload the case, then try refund-order if it shows cancelled.' };
    }
    if (outcome.kind === 'cancelled') return { outcome: 'done', detail: 'Order cancelled and its charge refunded.' };
    if (outcome.kind === 'not-placed') return { outcome: 'refused', detail: 'The order is not placed any more (already cancelled).' };
    return { outcome: 'refused', detail: 'Too late to cancel: the order has been dispatched.' };
  }
  try {
    const outcome = await refundOrder(deps, order);
    return outcome.kind === 'refunded' ? { outcome: 'done', detail: 'The charge was refunded.' } : { outcome: 'refused', detail: 'Nothing was charged for this order.' };
  } catch (error) {
    deps.log.warn('inbox: refund failed', { orderId: order.orderId, error: error instanceof Error ? error.name : typeof error });
    return { outcome: 'refused', detail: 'The payment gateway did not confirm the refund; try again.' };
  }
}

export function handoffRoutes(deps: InboxDeps): ApiRoute[] {
  const found = async (params: Record<string, string>): Promise<HandoffCase> => (await deps.inbox.get(parseInput(caseId, params.id))) ?? unknownCase();

  return [
    {
      method: 'GET',
      pattern: '/api/handoffs',
      auth: 'bearer',
      async handle(request) {
        const query = parseInput(listQuery, Object.fromEntries(request.query));
        const cases = await deps.inbox.list(query.states, query.limit);
        return json(200, { cases: cases.map(summarize) });
      },
    },
    {
      method: 'GET',
      pattern: '/api/handoffs/figures',
      auth: 'bearer',
      async handle(request) {
        const query = parseInput(figuresQuery, Object.fromEntries(request.query));
        const since = query.since ? new Date(query.since) : new Date(deps.clock.now().getTime() - FIGURES_DEFAULT_DAYS * DAY_MS);
        return json(200, { figures: await deps.inbox.figures(since) });
      },
    },
    {
      method: 'GET',
      pattern: '/api/handoffs/:id',
      auth: 'bearer',
      async handle(_request, params) {
        return caseResponse(deps, await found(params));
      },
    },
    {
      method: 'POST',
      pattern: '/api/handoffs/:id/reply',
      auth: 'bearer',
      async handle(request, params) {
        const id = parseInput(caseId, params.id);
        const input = parseInput(replyInput, jsonBody(request));
        const handoff = (await deps.inbox.reply(id, input.text, deps.clock.now(), input.agentName)) ?? unknownCase();
        deps.log.info('inbox: replied', { caseId: id, chars: input.text.length });
        return caseResponse(deps, handoff);
      },
    },
    {
      method: 'POST',
      pattern: '/api/handoffs/:id/close',
      auth: 'bearer',
      async handle(request, params) {
        const id = parseInput(caseId, params.id);
        parseInput(closeInput, jsonBody(request));
        const handoff = (await deps.inbox.close(id, deps.clock.now())) ?? unknownCase();
        deps.log.info('inbox: closed', { caseId: id });
        return caseResponse(deps, handoff);
      },
    },
    {
      method: 'POST',
      pattern: '/api/handoffs/:id/actions',
      auth: 'bearer',
      async handle(request, params) {
        const input = parseInput(actionInput, jsonBody(request));
        const handoff = await found(params);
        // Only the case's own shopper's orders: an agent acts for this shopper, not for any order id typed in.
        const orders = await deps.customers.recentOrders(handoff.customerId, CASE_ORDERS);
        const order = orders.find((candidate) => candidate.orderId === input.orderId);
        if (!order) throw new ApiError(404, 'unknown_order', "No such order among this shopper's recent orders.");
        const result = await act(deps, handoff.customerId, input.kind, order);
        const action: AgentAction = { kind: input.kind, orderId: order.orderId, at: deps.clock.now().toISOString(), ...(input.agentName ? { agentName: input.agentName } : {}), ...result };
        const recorded = (await deps.inbox.recordAction(handoff.caseId, action)) ?? unknownCase();
        deps.log.info('inbox: action', { caseId: handoff.caseId, orderId: order.orderId, kind: action.kind, outcome: action.outcome });
        return caseResponse(deps, recorded, { action });
      },
    },
  ];
}

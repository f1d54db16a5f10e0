/**
 * A yes that places an order leaves the answered question to the order's commit transaction: the engine makes no
 * request of its own for it then, and settles it as before on every other outcome.
 */
import { describe, expect, it } from 'vitest';
import { createConversationCore } from '../../../../skill/core/conversation/engine';
import type { CommitReport, HeldClaim, Order, OrderCommitExtras, OrderRepository } from '../../../../skill/core/ports';
import { LocalPaymentGateway } from '../../../../skill/payments/local-gateway';
import { FixedClock, MemoryAccounts, MemoryCustomers, MemoryOrders, MemoryReplenishment, memoryCoreDeps, turn } from '../../../helpers/fakes';

const customer = { platform: 'alexa' as const, platformUserId: 'user-1', accessToken: 'linked-token' };

/** Commits like the DynamoDB repository: the extras with the order, reported back. */
function reportingOrders(memory: MemoryCustomers) {
  const inner = new MemoryOrders(memory);
  const extrasSeen: OrderCommitExtras[] = [];
  const orders: OrderRepository = {
    claim: (...args) => inner.claim(...args),
    release: (...args) => inner.release(...args),
    inspect: (...args) => inner.inspect(...args),
    cancel: (...args) => inner.cancel(...args),
    async commit(order: Order & { idempotencyKey: string }, cartVersion: number, held: HeldClaim, extras: OrderCommitExtras = {}): Promise<CommitReport> {
      await inner.commit(order, cartVersion, held);
      extrasSeen.push(extras);
      if (extras.answeredDialogKey) memory.questions.delete(`${order.customerId}\n${extras.answeredDialogKey}`);
      return { questionCleared: extras.answeredDialogKey !== undefined, replenishmentRecorded: extras.replenishment !== undefined };
    },
  };
  return Object.assign(orders, { extras: extrasSeen });
}

function setup(payments = new LocalPaymentGateway()) {
  const customers = new MemoryCustomers();
  customers.profiles.set('merchant-7', {
    customerId: 'merchant-7',
    firstContactAt: '2026-01-01T00:00:00.000Z',
    identities: ['alexa:user-1'],
    address: { street: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
    paymentMethod: { id: 'pm-7', brand: 'visa', last4: '4242' },
  });
  customers.carts.set('merchant-7', { lines: [{ productId: 'milk-1', quantity: 1 }], version: 3 });
  payments.registerPaymentMethod('pm-7', 'merchant-7');
  const orders = reportingOrders(customers);
  const replenishment = new MemoryReplenishment();
  const saved: Array<object | undefined> = [];
  const saveQuestion = customers.saveQuestion.bind(customers);
  customers.saveQuestion = async (id: string, key: string, question: object | undefined) => {
    saved.push(question);
    return saveQuestion(id, key, question);
  };
  const core = createConversationCore(memoryCoreDeps({ customers, orders, payments, replenishment, clock: new FixedClock(), accounts: new MemoryAccounts(new Map([['linked-token', 'merchant-7']])) }));
  return { core, customers, orders, replenishment, saved };
}

describe('the question a placed order answered', () => {
  it('is deleted by the commit, with the prediction update, and not again by the engine', async () => {
    const { core, customers, orders, replenishment, saved } = setup();
    const question = await core.handle(turn({ intent: 'CheckoutIntent', customer }));
    expect(question.ask).toEqual({ kind: 'confirm' });
    saved.length = 0;
    const reply = await core.handle(turn({ intent: 'Yes', customer, session: question.sessionState }));
    expect(reply.speech).toMatch(/^Done\./);
    expect(orders.extras).toHaveLength(1);
    expect(orders.extras[0]!.answeredDialogKey).toMatch(/^[0-9a-f]{40}$/);
    expect(orders.extras[0]!.replenishment?.items.map((item) => item.state.productId)).toEqual(['milk-1']);
    expect(saved).toEqual([]);
    expect(customers.questions.size).toBe(0);
    // Written with the order: no separate prediction write.
    expect(replenishment.recorded).toEqual([]);
  });

  it('is settled by the engine as before when no order was placed (declined)', async () => {
    const payments = new LocalPaymentGateway();
    const { core, customers, orders, saved } = setup(payments);
    payments.charge = async () => {
      const { PaymentDeclinedError } = await import('../../../../skill/core/errors');
      throw new PaymentDeclinedError('card_declined');
    };
    const question = await core.handle(turn({ intent: 'CheckoutIntent', customer }));
    saved.length = 0;
    const reply = await core.handle(turn({ intent: 'Yes', customer, session: question.sessionState }));
    expect(reply.speech).not.toMatch(/^Done\./);
    expect(orders.extras).toEqual([]);
    expect(saved).toEqual([undefined]);
    expect(customers.questions.size).toBe(0);
  });
});

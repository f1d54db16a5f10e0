/** The local gateway answers like a real one where placement depends on it: reused keys, refunds by key, late charges. */
import { describe, expect, it } from 'vitest';
import { DependencyError, PaymentDeclinedError } from '../../../skill/core/errors';
import type { ChargeRequest } from '../../../skill/core/ports';
import { LocalPaymentGateway } from '../../../skill/payments/local-gateway';

function gateway(options: ConstructorParameters<typeof LocalPaymentGateway>[0] = {}) {
  const payments = new LocalPaymentGateway({ timeoutMs: 100, ...options });
  payments.registerPaymentMethod('pm_1', 'c-1');
  return payments;
}

const request = (partial: Partial<ChargeRequest> = {}): ChargeRequest => ({
  customerId: 'c-1',
  paymentMethodId: 'pm_1',
  amountCents: 1582,
  currency: 'USD',
  idempotencyKey: 'key-1',
  ...partial,
});

describe('LocalPaymentGateway', () => {
  it('answers a reused key with the first charge as it stands now, refunded included', async () => {
    const payments = gateway();
    const first = await payments.charge(request());
    expect(first.status).toBe('succeeded');
    expect(await payments.charge(request())).toEqual(first);
    await payments.refund('key-1');
    expect(await payments.charge(request())).toEqual({ ...first, status: 'refunded' });
    expect(payments.allCharges()).toHaveLength(1);
    expect(payments.capturedCharges()).toHaveLength(0);
  });

  it('refuses a reused key with another amount', async () => {
    const payments = gateway();
    await payments.charge(request());
    await expect(payments.charge(request({ amountCents: 999 }))).rejects.toMatchObject({ reason: 'idempotency_key_reused' });
  });

  it('refuses amounts that are not positive whole cents', async () => {
    const payments = gateway();
    for (const amountCents of [0, -1, 12.5]) await expect(payments.charge(request({ amountCents }))).rejects.toBeInstanceOf(PaymentDeclinedError);
    expect(payments.allCharges()).toHaveLength(0);
  });

  it('times a slow charge out, and a refund by key turns its late completion into a refund', async () => {
    const payments = gateway({ latencyMs: 200 });
    await expect(payments.charge(request())).rejects.toBeInstanceOf(DependencyError);
    await payments.refund('key-1');
    await payments.settled();
    expect(payments.allCharges().map((charge) => charge.status)).toEqual(['refunded']);
  });

  it('keeps a late completion nobody refunded: only reconciliation can find it', async () => {
    const payments = gateway({ latencyMs: 200 });
    await expect(payments.charge(request())).rejects.toBeInstanceOf(DependencyError);
    await payments.settled();
    expect(payments.capturedCharges()).toHaveLength(1);
  });

  it('with injected timeouts, takes the money and then misses the deadline', async () => {
    const payments = gateway({ failure: 'timeout' });
    await expect(payments.charge(request())).rejects.toBeInstanceOf(DependencyError);
    expect(payments.capturedCharges()).toHaveLength(1);
    await payments.refund('key-1');
    expect(payments.capturedCharges()).toHaveLength(0);
  });

  it('shares one charge among concurrent calls with one key', async () => {
    const payments = gateway({ latencyMs: 20 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => payments.charge(request())));
    expect(new Set(answers.map((answer) => answer.chargeId)).size).toBe(1);
    expect(payments.allCharges()).toHaveLength(1);
  });

  it('declines without charging', async () => {
    const payments = gateway({ failure: 'decline' });
    await expect(payments.charge(request())).rejects.toMatchObject({ reason: 'card_declined' });
    await expect(payments.charge(request({ paymentMethodId: 'pm_other', idempotencyKey: 'key-2' }))).rejects.toBeInstanceOf(PaymentDeclinedError);
    expect(payments.allCharges()).toHaveLength(0);
  });
});

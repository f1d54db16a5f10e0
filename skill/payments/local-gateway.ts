/**
 * A payment gateway that runs on this machine and behaves like a real one where it matters to us: charges are
 * idempotent by key (a repeated key returns the first charge), refunds are idempotent, unknown payment methods
 * and declines are errors with the gateway's short codes, and a slow gateway hits our deadline. Failures can be
 * injected to rehearse the bad days. Amazon Pay for skills no longer exists; a merchant plugs its own gateway in here.
 */
import { randomUUID } from 'node:crypto';
import { DependencyError, PaymentDeclinedError } from '../core/errors';
import type { Charge, ChargeRequest, PaymentGateway } from '../core/ports';

export type InjectedFailure = 'none' | 'decline' | 'timeout' | 'error';

export interface LocalGatewayOptions {
  /** Payment methods the gateway knows, by id, with the customer each belongs to. */
  paymentMethods?: Map<string, string>;
  /** Deadline for one call; a slower gateway is a timeout for us. */
  timeoutMs?: number;
  /** Simulated processing time. */
  latencyMs?: number;
  failure?: InjectedFailure;
}

interface StoredCharge extends Charge {
  customerId: string;
  refunded: boolean;
}

export class LocalPaymentGateway implements PaymentGateway {
  private readonly charges = new Map<string, StoredCharge>();
  private readonly inFlight = new Map<string, Promise<Charge>>();
  failure: InjectedFailure;

  constructor(private readonly options: LocalGatewayOptions = {}) {
    this.failure = options.failure ?? 'none';
  }

  registerPaymentMethod(paymentMethodId: string, customerId: string): void {
    this.options.paymentMethods ??= new Map();
    this.options.paymentMethods.set(paymentMethodId, customerId);
  }

  /** Charges made and not refunded: what the tests count. */
  capturedCharges(): StoredCharge[] {
    return [...this.charges.values()].filter((charge) => !charge.refunded);
  }

  allCharges(): StoredCharge[] {
    return [...this.charges.values()];
  }

  async charge(request: ChargeRequest): Promise<Charge> {
    const existing = this.charges.get(request.idempotencyKey);
    if (existing) {
      if (existing.amountCents !== request.amountCents) throw new PaymentDeclinedError('idempotency_key_reused');
      return { chargeId: existing.chargeId, amountCents: existing.amountCents, currency: existing.currency };
    }
    // Concurrent calls with one key share the one charge in flight, as a real gateway serialises them.
    let pending = this.inFlight.get(request.idempotencyKey);
    if (!pending) {
      pending = this.process(request).finally(() => this.inFlight.delete(request.idempotencyKey));
      this.inFlight.set(request.idempotencyKey, pending);
    }
    return pending;
  }

  private async process(request: ChargeRequest): Promise<Charge> {
    const timeoutMs = this.options.timeoutMs ?? 2500;
    const work = (async () => {
      if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
      if (this.failure === 'error') throw new Error('gateway answered 502 Bad Gateway');
      const owner = this.options.paymentMethods?.get(request.paymentMethodId);
      if (owner !== request.customerId) throw new PaymentDeclinedError('invalid_payment_method');
      if (this.failure === 'decline') throw new PaymentDeclinedError('card_declined');
      if (request.amountCents <= 0) throw new PaymentDeclinedError('invalid_amount');
      // A timeout happens after the gateway took the money: exactly the ambiguous case a refund-by-key covers.
      const charge: StoredCharge = { chargeId: `ch_${randomUUID().replace(/-/g, '').slice(0, 24)}`, amountCents: request.amountCents, currency: request.currency, customerId: request.customerId, refunded: false };
      this.charges.set(request.idempotencyKey, charge);
      if (this.failure === 'timeout') await new Promise((resolve) => setTimeout(resolve, timeoutMs + 50));
      return { chargeId: charge.chargeId, amountCents: charge.amountCents, currency: charge.currency };
    })();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DependencyError('payment', `no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([work, deadline]);
    } catch (error) {
      if (error instanceof PaymentDeclinedError || error instanceof DependencyError) throw error;
      throw new DependencyError('payment', 'the gateway failed', { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  async refund(idempotencyKey: string): Promise<void> {
    await this.inFlight.get(idempotencyKey)?.catch(() => undefined);
    const charge = this.charges.get(idempotencyKey);
    if (charge) charge.refunded = true;
  }
}

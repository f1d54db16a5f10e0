/**
 * A payment gateway that runs on this machine and behaves like a real one where it matters to us: a repeated key
 * returns the first charge as it stands now (refunded included), as Stripe does; refunds are by key, idempotent,
 * and void the key, so a charge still being processed when our deadline passed ends refunded when it completes;
 * unknown payment methods and declines are errors with the gateway's short codes; a slow gateway hits our
 * deadline while its processing carries on. Failures can be injected to rehearse the bad days. Amazon Pay for
 * skills no longer exists; a merchant plugs its own gateway in behind the same port.
 */
import { randomUUID } from 'node:crypto';
import { DependencyError, PaymentDeclinedError } from '../core/errors';
import type { Charge, ChargeRequest, ChargeStatus, PaymentGateway } from '../core/ports';

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

export interface StoredCharge extends Charge {
  idempotencyKey: string;
  customerId: string;
}

export class LocalPaymentGateway implements PaymentGateway {
  private readonly charges = new Map<string, StoredCharge>();
  /** The gateway's own processing per key: it runs on after a caller's deadline, as a remote gateway's would. */
  private readonly processing = new Map<string, Promise<StoredCharge>>();
  /** Keys refunded by key: whatever completes under them later is refunded on arrival. */
  private readonly voided = new Set<string>();
  failure: InjectedFailure;

  constructor(private readonly options: LocalGatewayOptions = {}) {
    this.failure = options.failure ?? 'none';
  }

  get chargeTimeoutMs(): number {
    return this.options.timeoutMs ?? 2500;
  }

  registerPaymentMethod(paymentMethodId: string, customerId: string): void {
    this.options.paymentMethods ??= new Map();
    this.options.paymentMethods.set(paymentMethodId, customerId);
  }

  /** Charges that hold money now (succeeded, not refunded): what the tests count. */
  capturedCharges(): StoredCharge[] {
    return this.allCharges().filter((charge) => charge.status === 'succeeded');
  }

  allCharges(): StoredCharge[] {
    return [...this.charges.values()].map((charge) => ({ ...charge }));
  }

  /** Resolves once every charge still being processed has completed or failed (late completions included). */
  async settled(): Promise<void> {
    while (this.processing.size > 0) await Promise.allSettled([...this.processing.values()]);
  }

  async charge(request: ChargeRequest): Promise<Charge> {
    if (!Number.isSafeInteger(request.amountCents) || request.amountCents <= 0) throw new PaymentDeclinedError('invalid_amount');
    const existing = this.charges.get(request.idempotencyKey);
    if (existing) return answerFor(existing, request);
    // Concurrent calls with one key share the one charge in flight, as a real gateway serialises them; each
    // caller still has its own deadline.
    let pending = this.processing.get(request.idempotencyKey);
    if (!pending) {
      pending = this.process(request);
      this.processing.set(request.idempotencyKey, pending);
      const forget = () => this.processing.delete(request.idempotencyKey);
      pending.then(forget, forget);
    }
    return this.withinDeadline(pending.then((charge) => answerFor(charge, request)));
  }

  private async process(request: ChargeRequest): Promise<StoredCharge> {
    if (this.options.latencyMs) await sleep(this.options.latencyMs);
    if (this.failure === 'error') throw new Error('gateway answered 502 Bad Gateway');
    const owner = this.options.paymentMethods?.get(request.paymentMethodId);
    if (owner !== request.customerId) throw new PaymentDeclinedError('invalid_payment_method');
    if (this.failure === 'decline') throw new PaymentDeclinedError('card_declined');
    const status: ChargeStatus = this.voided.has(request.idempotencyKey) ? 'refunded' : 'succeeded';
    const charge: StoredCharge = {
      chargeId: `ch_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      amountCents: request.amountCents,
      currency: request.currency,
      status,
      idempotencyKey: request.idempotencyKey,
      customerId: request.customerId,
    };
    this.charges.set(request.idempotencyKey, charge);
    // A timeout happens after the gateway took the money: exactly the ambiguous case a refund-by-key covers.
    if (this.failure === 'timeout') await sleep(this.chargeTimeoutMs + 50);
    return charge;
  }

  private async withinDeadline(work: Promise<Charge>): Promise<Charge> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DependencyError('payment', `no answer within ${this.chargeTimeoutMs} ms`)), this.chargeTimeoutMs);
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
    this.voided.add(idempotencyKey);
    const charge = this.charges.get(idempotencyKey);
    if (charge?.status === 'succeeded') charge.status = 'refunded';
  }
}

/** A repeated key gets the first charge as it stands, unless the amount differs (then it is refused, like Stripe). */
function answerFor(charge: StoredCharge, request: ChargeRequest): Charge {
  if (charge.amountCents !== request.amountCents || charge.currency !== request.currency) throw new PaymentDeclinedError('idempotency_key_reused');
  return { chargeId: charge.chargeId, amountCents: charge.amountCents, currency: charge.currency, status: charge.status };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

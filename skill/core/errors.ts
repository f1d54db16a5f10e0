/** Typed errors the core understands. Each carries its cause so logs show the chain without guessing. */

export class VocartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The database, a gateway or another dependency failed or timed out: the turn apologises and keeps state. */
export class DependencyError extends VocartError {
  constructor(
    readonly dependency: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${dependency}: ${message}`, options);
  }
}

/** Someone else changed the record between our read and our write (optimistic locking). */
export class ConcurrentUpdateError extends VocartError {}

/** A request that cannot be understood at all: the host answers 4xx with the reason. */
export class BadRequestError extends VocartError {}

/** The payment method was declined; `reason` is the gateway's short code (card_declined, insufficient_funds…). */
export class PaymentDeclinedError extends VocartError {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`payment declined: ${reason}`, options);
  }
}

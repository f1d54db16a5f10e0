/**
 * Typed errors the core understands. Each carries its cause so logs show the chain without guessing, and names
 * itself in a string: bundles are minified without keepNames, so a class name would not survive into the logs.
 */

export class VocartError extends Error {
  override name = 'VocartError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The database, a gateway or another dependency failed or timed out: the turn apologises and keeps state. */
export class DependencyError extends VocartError {
  override name = 'DependencyError';
  constructor(
    readonly dependency: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${dependency}: ${message}`, options);
  }
}

/** Someone else changed the record between our read and our write (optimistic locking). */
export class ConcurrentUpdateError extends VocartError {
  override name = 'ConcurrentUpdateError';
}

/** A request that cannot be understood at all: the host answers 4xx with the reason. */
export class BadRequestError extends VocartError {
  override name = 'BadRequestError';
}

/** The payment method was declined; `reason` is the gateway's short code (card_declined, insufficient_funds…). */
export class PaymentDeclinedError extends VocartError {
  override name = 'PaymentDeclinedError';
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`payment declined: ${reason}`, options);
  }
}

/** Why a placement attempt did not charge or did not order, as typed errors the log can name. */
import { VocartError } from '../errors';

/** Money is whole cents: an amount that is not a positive integer never reaches the gateway. */
export class InvalidChargeAmountError extends VocartError {
  override name = 'InvalidChargeAmountError';
  constructor(readonly amountCents: number) {
    super(`charge amount must be a positive whole number of cents, got ${amountCents}`);
  }
}

/** The gateway answered, but not with money taken now for this attempt (refunded, pending, another amount). */
export class ChargeNotCapturedError extends VocartError {
  override name = 'ChargeNotCapturedError';
  constructor(
    readonly status: string,
    message = `charge is ${status}, not succeeded`,
  ) {
    super(message);
  }
}

/** An earlier attempt's charge could not be refunded, so this attempt did not charge on top of it. */
export class EarlierAttemptUnsettledError extends VocartError {
  override name = 'EarlierAttemptUnsettledError';
}

/** A duplicate waited on another request's attempt at the same confirmation, and that attempt failed. */
export class OtherAttemptFailedError extends VocartError {
  override name = 'OtherAttemptFailedError';
}

import { VocartError } from '../errors';

/** Purchase data the predictor cannot use as given (an order older than the state it would update, a bad id). */
export class ReplenishmentInputError extends VocartError {
  override name = 'ReplenishmentInputError';
}

import { VocartError } from '../../skill/core/errors';

/** Offline understanding cannot be built: a model file is missing or unreadable, or a locale is unknown. */
export class NluError extends VocartError {
  override name = 'NluError';
}

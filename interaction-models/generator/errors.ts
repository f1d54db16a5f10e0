import { VocartError } from '../../skill/core/errors';

/** The neutral model breaks a rule one of the platforms enforces (duplicate sample, bad character…). */
export class ModelError extends VocartError {
  override name = 'ModelError';
}

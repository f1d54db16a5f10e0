import { ConcurrentUpdateError, DependencyError } from '../core/errors';

/** A conditional write that found the item changed (ConditionalCheckFailedException), by name or by message. */
export function isConditionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = (error as { name?: string }).name ?? '';
  return name === 'ConditionalCheckFailedException' || /conditional request failed/i.test(error.message);
}

/**
 * A transaction cancelled because one of its conditions failed (TransactionCanceledException with a
 * ConditionalCheckFailed reason), as opposed to one cancelled by a conflict, throttling or a validation error.
 */
export function isTransactionConditionFailure(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons.length === 0 ? /ConditionalCheckFailed/.test(error.message) : reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
}

/** Wraps any store failure in the core's typed errors, keeping the original as the cause. */
export function storeError(operation: string, error: unknown): Error {
  if (error instanceof DependencyError || error instanceof ConcurrentUpdateError) return error;
  if (isConditionFailure(error)) return new ConcurrentUpdateError(`${operation}: the item changed since it was read`, { cause: error });
  return new DependencyError('dynamodb', `${operation} failed`, { cause: error });
}

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
  const codes = cancellationCodes(error);
  if (!codes) return false;
  return codes.length === 0 ? /ConditionalCheckFailed/.test((error as Error).message) : codes.includes('ConditionalCheckFailed');
}

/** Cancelled for a conflicting write and for nothing else: no condition failed, nothing was written. */
export function isTransactionConflictOnly(error: unknown): boolean {
  const codes = cancellationCodes(error);
  return codes !== undefined && codes.includes('TransactionConflict') && codes.every((code) => code === 'TransactionConflict' || code === 'None');
}

/** The reason code of each action of a cancelled transaction ('None' where it had none); undefined for other errors. */
function cancellationCodes(error: unknown): string[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  return ((error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}

/** Wraps any store failure in the core's typed errors, keeping the original as the cause. */
export function storeError(operation: string, error: unknown): Error {
  if (error instanceof DependencyError || error instanceof ConcurrentUpdateError) return error;
  if (isConditionFailure(error)) return new ConcurrentUpdateError(`${operation}: the item changed since it was read`, { cause: error });
  return new DependencyError('dynamodb', `${operation} failed`, { cause: error });
}

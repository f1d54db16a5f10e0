import { ConcurrentUpdateError, DependencyError } from '../core/errors';

/** Conditional-write failures as DynamoDB and dynamoose report them. */
export function isConditionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = (error as { name?: string }).name ?? '';
  return name === 'ConditionalCheckFailedException' || /conditional request failed/i.test(error.message);
}

/** Wraps any store failure in the core's typed errors, keeping the original as the cause. */
export function storeError(operation: string, error: unknown): Error {
  if (error instanceof DependencyError || error instanceof ConcurrentUpdateError) return error;
  if (isConditionFailure(error)) return new ConcurrentUpdateError(`${operation}: the item changed since it was read`, { cause: error });
  return new DependencyError('dynamodb', `${operation} failed`, { cause: error });
}

/**
 * What can go wrong talking to a help desk, as one typed error: the relay decides from `retryable` whether a stream
 * record is worth another try (a timeout, a 5xx, a 429) or needs a person (a wrong token, a missing inbox).
 */

export type HelpDeskFailure =
  /** The help desk refused our credentials (401/403): a configuration mistake, retrying will not help. */
  | 'unauthorized'
  /** The account, inbox or conversation we named does not exist there (404). */
  | 'not-found'
  /** The help desk refused the request's content (400/422). */
  | 'rejected'
  /** The help desk is down, overloaded or rate-limiting (5xx, 429) or unreachable. */
  | 'unavailable'
  /** No answer within the deadline. */
  | 'timeout'
  /** It answered 2xx with a body we cannot read. */
  | 'bad-response';

const RETRYABLE: ReadonlySet<HelpDeskFailure> = new Set(['unavailable', 'timeout']);

export class HelpDeskError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly failure: HelpDeskFailure,
    /** Which call failed, e.g. "create conversation": what a log line names (never a payload). */
    readonly operation: string,
    message: string,
    options?: { status?: number; cause?: unknown },
  ) {
    super(`${operation}: ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    // A string literal, not the class name: the bundles are minified without keepNames.
    this.name = 'HelpDeskError';
    this.status = options?.status;
    this.retryable = RETRYABLE.has(failure);
  }

  readonly status: number | undefined;
}

/** The failure an HTTP status means, for a help desk that answers with conventional statuses. */
export function failureOfStatus(status: number): HelpDeskFailure {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 429 || status >= 500) return 'unavailable';
  return 'rejected';
}

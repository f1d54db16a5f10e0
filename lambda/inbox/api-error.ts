/**
 * A failure the inbox API can name to its caller: an HTTP status, a stable code a client can branch on, and a fixed
 * sentence. Whatever else goes wrong is answered 500 with a fixed sentence too (router.ts), never with a stack.
 */
import type { ApiResponse } from './http';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options);
    this.name = 'ApiError';
    this.headers = options?.headers;
  }

  readonly headers: Record<string, string> | undefined;
}

/** The one error body of the API: `{"error": {"code", "message"}}`, never cached. */
export function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'cache-control': 'no-store', ...headers }, body: { error: { code, message } } };
}

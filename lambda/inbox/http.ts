/**
 * The agent inbox's API in host-neutral terms: express (npm start) and the Lambda Function URL (AWS) both turn
 * their requests into an ApiRequest and write back the ApiResponse, so every route is written and tested once.
 */

export interface ApiRequest {
  method: string;
  /** The path without the query string, e.g. "/api/handoffs/abc/reply". */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The body as received (UTF-8), for routes that check a signature over the exact bytes. */
  rawBody: string;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless `headers['content-type']` says otherwise (then it must be a string). */
  body?: unknown;
}

export interface ApiRoute {
  method: 'GET' | 'POST';
  /** Segments, with ":name" for a parameter: "/api/handoffs/:id/reply". */
  pattern: string;
  /**
   * bearer: the router checks `Authorization: Bearer <CONSOLE_TOKEN>` before the route runs. own: the route checks
   * its caller itself (a help desk's webhook signed with its own secret).
   */
  auth: 'bearer' | 'own';
  handle(request: ApiRequest, params: Record<string, string>): Promise<ApiResponse>;
}

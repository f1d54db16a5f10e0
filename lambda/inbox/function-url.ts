/**
 * The inbox on a Lambda Function URL (payload format 2.0): /api/* through the host-neutral router, the inbox page at
 * /console/inbox from files bundled as text, "/" sent to the page, anything else 404 JSON. Built on the first
 * request and kept for the container's life, like the skill's handlers.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { errorResponse } from './api-error';
import type { ApiRequest, ApiResponse } from './http';
import { INBOX_PAGE_PATH, inboxPageResponse, type InboxPageFile } from './page';
import type { ApiHandler } from './router';

export interface FunctionUrlInbox {
  api: ApiHandler;
  /** The page's files by name (bundled as text in lambda/inbox.ts). */
  page: Readonly<Record<InboxPageFile, string>>;
}

export type FunctionUrlHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

function toApiRequest(event: APIGatewayProxyEventV2): ApiRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
  const body = event.body ?? '';
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    query: new URLSearchParams(event.rawQueryString ?? ''),
    headers,
    rawBody: event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body,
  };
}

function toResult(response: ApiResponse): APIGatewayProxyStructuredResultV2 {
  const headers = { ...(response.headers ?? {}) };
  let body = '';
  if (response.body !== undefined) {
    if (headers['content-type']) {
      body = String(response.body);
    } else {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(response.body);
    }
  }
  return { statusCode: response.status, headers, body };
}

export function createFunctionUrlHandler(build: () => FunctionUrlInbox): FunctionUrlHandler {
  let inbox: FunctionUrlInbox | undefined;
  return async (event) => {
    inbox ??= build();
    const request = toApiRequest(event);
    if (request.path === '/api' || request.path.startsWith('/api/')) return toResult(await inbox.api(request));
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (request.path === '/' || request.path === '/console' || request.path === '/console/') {
        return { statusCode: 302, headers: { location: INBOX_PAGE_PATH, 'cache-control': 'no-store' }, body: '' };
      }
      const page = inboxPageResponse(request.path, (file) => inbox!.page[file]);
      if (page) return toResult(request.method === 'HEAD' ? { ...page, body: '' } : page);
    }
    return toResult(errorResponse(404, 'not_found', `No such route. Try GET ${INBOX_PAGE_PATH} or /api/handoffs.`));
  };
}

/**
 * The inbox API's dispatcher, the same for express and the Function URL: it matches a request to a route, checks
 * the bearer token for routes that ask for it, refuses oversized bodies, and turns every failure into a JSON error
 * with a reason. Nothing here knows a host.
 */
import type { Log } from '../../skill/core/ports';
import { ApiError, errorResponse } from './api-error';
import { bearerToken, tokensMatch } from './bearer';
import type { ApiRequest, ApiResponse, ApiRoute } from './http';
import { MAX_BODY_BYTES } from './input';

export type ApiHandler = (request: ApiRequest) => Promise<ApiResponse>;

export interface RouterOptions {
  routes: ApiRoute[];
  /**
   * The token bearer routes require, read when a request needs it (the Function URL host fetches it from Secrets
   * Manager once per container). A failure to read it answers 503 and lets no one in.
   */
  token: () => Promise<string>;
  log: Log;
}

interface CompiledRoute {
  route: ApiRoute;
  segments: string[];
  /** Literal segments count: "/api/handoffs/figures" wins over "/api/handoffs/:id". */
  literals: number;
}

export class TokenUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('the inbox token could not be read', options);
    this.name = 'TokenUnavailableError';
  }
}

const UNAUTHORIZED = 'Send Authorization: Bearer <CONSOLE_TOKEN> (the token `npm start` prints, or the secret the stack made).';

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function compile(route: ApiRoute): CompiledRoute {
  const segments = split(route.pattern);
  return { route, segments, literals: segments.filter((segment) => !segment.startsWith(':')).length };
}

/** The route's parameters when the path fits its pattern; undefined otherwise. Parameters are URL-decoded. */
function match(compiled: CompiledRoute, path: string[]): Record<string, string> | undefined {
  if (compiled.segments.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of compiled.segments.entries()) {
    const actual = path[index]!;
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}

export function createApiRouter(options: RouterOptions): ApiHandler {
  const compiled = options.routes.map(compile).sort((a, b) => b.literals - a.literals);

  const authorize = async (request: ApiRequest): Promise<void> => {
    let expected: string;
    try {
      expected = await options.token();
    } catch (error) {
      throw new TokenUnavailableError({ cause: error });
    }
    if (!tokensMatch(bearerToken(request.headers.authorization), expected)) {
      throw new ApiError(401, 'unauthorized', UNAUTHORIZED, { headers: { 'www-authenticate': 'Bearer realm="vocart inbox"' } });
    }
  };

  return async (request) => {
    let pattern = 'none';
    try {
      const path = split(request.path);
      const fits = compiled.map((candidate) => ({ candidate, params: match(candidate, path) })).filter((fit) => fit.params !== undefined);
      const fit = fits.find(({ candidate }) => candidate.route.method === request.method.toUpperCase());
      // Every /api/ request without a route of its own needs the token before it learns which routes exist.
      if (!fit) await authorize(request);
      if (fits.length === 0) throw new ApiError(404, 'not_found', 'No such API route.');
      if (!fit) {
        const allowed = [...new Set(fits.map(({ candidate }) => candidate.route.method))].join(', ');
        throw new ApiError(405, 'method_not_allowed', `This route answers ${allowed}.`, { headers: { allow: allowed } });
      }
      pattern = fit.candidate.route.pattern;
      if (fit.candidate.route.auth === 'bearer') await authorize(request);
      if (Buffer.byteLength(request.rawBody, 'utf8') > MAX_BODY_BYTES) {
        throw new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
      }
      return await fit.candidate.route.handle(request, fit.params!);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message, error.headers);
      if (error instanceof TokenUnavailableError) {
        options.log.error('inbox: token unavailable', { cause: error.cause instanceof Error ? error.cause.name : typeof error.cause });
        return errorResponse(503, 'token_unavailable', 'The inbox cannot check tokens right now; try again shortly.');
      }
      // The route's pattern, not the path: a path carries ids an operator does not need in a log line.
      options.log.error('inbox: request failed', { method: request.method, route: pattern, error: error instanceof Error ? error.name : typeof error });
      return errorResponse(500, 'internal_error', 'The inbox could not answer; see the server log.');
    }
  };
}

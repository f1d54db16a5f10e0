/**
 * Amazon's out-of-session path into the skill: a Login with Amazon token for the skill's own credentials
 * (client_credentials, scope alexa:skill_messaging), then POST /v1/skillmessages/users/{userId}. Alexa answers
 * 202 and later delivers the data to the skill as a Messaging.MessageReceived request, which carries the
 * in-session apiAccessToken the Reminders API needs to create a reminder.
 */
import type { Clock } from '../../core/ports';

export const SKILL_MESSAGING_SCOPE = 'alexa:skill_messaging';

/** Renew this long before Amazon's expiry, so a token never runs out between the check and the call. */
const EXPIRY_MARGIN_MS = 60_000;

type Fetch = typeof fetch;

/** Why a call to Amazon failed, in the terms the caller decides on. */
export type AmazonFailure =
  /** 400: our request is wrong; repeating it changes nothing. */
  | 'rejected'
  /** 401: the token is not (or no longer) accepted. */
  | 'unauthorized'
  /** 403: the skill may not message this user (e.g. messaging not enabled for it). */
  | 'forbidden'
  /** 404/410: the user does not exist for this skill any more (skill disabled, account closed). */
  | 'user-gone'
  /** 429: throttled. */
  | 'throttled'
  /** 5xx, a timeout or a network error: worth another try later. */
  | 'unavailable';

export class LwaTokenError extends Error {
  constructor(
    readonly status: number | undefined,
    /** LWA's `error` field (invalid_client, invalid_scope…), when it sent one. */
    readonly code: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LwaTokenError';
  }

  /** Wrong client id or secret, or a scope the skill lacks: no retry will help. */
  get permanent(): boolean {
    return this.status !== undefined && this.status >= 400 && this.status < 500 && this.status !== 429;
  }
}

export class SkillMessageError extends Error {
  constructor(
    readonly failure: AmazonFailure,
    readonly status: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SkillMessageError';
  }
}

export function failureOfStatus(status: number): AmazonFailure {
  if (status === 400) return 'rejected';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'user-gone';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'unavailable';
  return 'rejected';
}

export interface LwaTokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  timeoutMs?: number;
  clock?: Clock;
  fetch?: Fetch;
}

const systemClock: Clock = { now: () => new Date() };

/**
 * One access token per process, reused until shortly before it expires (LWA tokens last an hour; asking for a
 * new one per message would be slow and throttled). Concurrent callers share one request.
 */
export class LwaTokenSource {
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private readonly clock: Clock;
  private readonly fetch: Fetch;

  constructor(private readonly options: LwaTokenSourceOptions) {
    this.clock = options.clock ?? systemClock;
    this.fetch = options.fetch ?? fetch;
  }

  async token(): Promise<string> {
    if (this.cached && this.clock.now().getTime() < this.cached.expiresAt - EXPIRY_MARGIN_MS) return this.cached.token;
    this.pending ??= this.request().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forget the token (Amazon said 401 with it): the next call asks LWA again. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async request(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
      scope: this.options.scope ?? SKILL_MESSAGING_SCOPE,
    });
    let response: Response;
    try {
      response = await this.fetch(this.options.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw new LwaTokenError(undefined, undefined, 'LWA token request failed (network or timeout)', { cause: error });
    }
    const payload = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!response.ok) {
      const code = typeof payload?.error === 'string' ? payload.error : undefined;
      throw new LwaTokenError(response.status, code, `LWA refused the token request: HTTP ${response.status}${code ? ` ${code}` : ''}`);
    }
    const token = payload?.access_token;
    const expiresIn = payload?.expires_in;
    if (typeof token !== 'string' || token.length === 0 || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      throw new LwaTokenError(response.status, undefined, 'LWA answered without access_token and expires_in');
    }
    this.cached = { token, expiresAt: this.clock.now().getTime() + expiresIn * 1000 };
    return token;
  }
}

export interface SkillMessagingClientOptions {
  /** https://api.amazonalexa.com (North America), https://api.eu.amazonalexa.com, https://api.fe.amazonalexa.com. */
  apiEndpoint: string;
  tokens: Pick<LwaTokenSource, 'token' | 'invalidate'>;
  timeoutMs?: number;
  fetch?: Fetch;
}

/** Amazon keeps retrying delivery to the skill for this long; a day-old reminder is still useful, a week-old one not. */
export const DEFAULT_MESSAGE_EXPIRY_SECONDS = 12 * 3600;

export class SkillMessagingClient {
  private readonly fetch: Fetch;

  constructor(private readonly options: SkillMessagingClientOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  /**
   * Sends one message; resolves when Alexa accepted it (202), throws SkillMessageError otherwise. A 401 is retried
   * once with a fresh token (the cached one may have been revoked early); LwaTokenError passes through.
   */
  async send(userId: string, data: Record<string, string>, expiresAfterSeconds = DEFAULT_MESSAGE_EXPIRY_SECONDS): Promise<void> {
    try {
      await this.post(userId, data, expiresAfterSeconds);
    } catch (error) {
      if (!(error instanceof SkillMessageError) || error.failure !== 'unauthorized') throw error;
      this.options.tokens.invalidate();
      await this.post(userId, data, expiresAfterSeconds);
    }
  }

  private async post(userId: string, data: Record<string, string>, expiresAfterSeconds: number): Promise<void> {
    const token = await this.options.tokens.token();
    const url = `${this.options.apiEndpoint.replace(/\/+$/, '')}/v1/skillmessages/users/${encodeURIComponent(userId)}`;
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ data, expiresAfterSeconds }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw new SkillMessageError('unavailable', undefined, 'skill message not sent (network or timeout)', { cause: error });
    }
    // Drain the body either way, so the connection goes back to the pool.
    await response.text().catch(() => '');
    if (response.status === 202 || response.ok) return;
    // Amazon's error body may echo the request; only the status is kept.
    throw new SkillMessageError(failureOfStatus(response.status), response.status, `skill message refused: HTTP ${response.status}`);
  }
}

/**
 * A client of Alexa's Reminders API for one request, over fetch: `POST {apiEndpoint}/v1/alerts/reminders` creates a
 * reminder, `GET {apiEndpoint}/v1/alerts/reminders` lists the skill's reminders for the user, both authorised by the
 * request's `context.System.apiAccessToken` as a bearer token. Amazon answers 200 with the reminder (create) or
 * `{totalCount, alerts, links}` (list), and a failure as an HTTP status with `{code, message}`.
 *
 * vocart's own instead of ask-sdk-model's ReminderManagementServiceClient: that one lives in a 61 KB CommonJS file of
 * every Alexa service client, which would then ride in the Lambda bundle for the two calls made here
 * (infra/bundling/ask-sdk-model-stub.ts). ask-sdk-model stays the source of the types.
 */
import type { services } from 'ask-sdk-model';

type Fetch = typeof fetch;

export const REMINDERS_PATH = '/v1/alerts/reminders';

/** A fraction of Alexa's 8 s per turn; callers may shorten it further. */
export const DEFAULT_REMINDERS_TIMEOUT_MS = 2500;

/** Amazon answered with an error status; `code` and `detail` are its `{code, message}` when it sent them. */
export class RemindersApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string | undefined,
    readonly detail: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(`the Reminders API answered HTTP ${statusCode}${code ? ` ${code}` : ''}`, options);
    this.name = 'RemindersApiError';
  }
}

/** No answer within the deadline (the call is aborted), or no answer at all (network failure). */
export class RemindersUnreachableError extends Error {
  constructor(
    readonly timedOut: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RemindersUnreachableError';
  }
}

export interface RemindersClientOptions {
  /** `context.System.apiEndpoint` of the request (https://api.amazonalexa.com, …eu…, …fe…). */
  apiEndpoint: string;
  /** `context.System.apiAccessToken` of the same request. */
  apiAccessToken: string;
  timeoutMs?: number;
  fetch?: Fetch;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class RemindersClient {
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly fetch: Fetch;

  constructor(private readonly options: RemindersClientOptions) {
    this.url = `${options.apiEndpoint.replace(/\/+$/, '')}${REMINDERS_PATH}`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REMINDERS_TIMEOUT_MS;
    this.fetch = options.fetch ?? fetch;
  }

  async createReminder(request: services.reminderManagement.ReminderRequest): Promise<services.reminderManagement.ReminderResponse> {
    return (await this.call('POST', request)) as services.reminderManagement.ReminderResponse;
  }

  async getReminders(): Promise<services.reminderManagement.GetRemindersResponse> {
    return (await this.call('GET')) as services.reminderManagement.GetRemindersResponse;
  }

  private async call(method: 'GET' | 'POST', body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.options.apiAccessToken}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // One signal for the request and the body: a server that sends headers and then stalls is cut off too.
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(this.url, { method, headers, signal, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      text = await response.text();
    } catch (error) {
      const timedOut = signal.aborted;
      throw new RemindersUnreachableError(
        timedOut,
        timedOut ? `the Reminders API did not answer within ${this.timeoutMs} ms` : 'the Reminders API could not be reached',
        { cause: error },
      );
    }
    let payload: unknown;
    try {
      payload = text === '' ? undefined : JSON.parse(text);
    } catch {
      payload = undefined;
    }
    if (!response.ok) {
      const code = isRecord(payload) && typeof payload.code === 'string' ? payload.code : undefined;
      const detail = isRecord(payload) && typeof payload.message === 'string' ? payload.message : undefined;
      throw new RemindersApiError(response.status, code, detail);
    }
    return payload ?? {};
  }
}

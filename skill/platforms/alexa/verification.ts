import type { IncomingHttpHeaders } from 'node:http';
import type { Skill } from 'ask-sdk-core';
import { ExpressAdapter } from 'ask-sdk-express-adapter';

export class RequestVerificationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RequestVerificationError';
  }
}

/** The signature check downloads Amazon's certificate chain without a deadline of its own; Alexa waits 8 s. */
const VERIFY_DEADLINE_MS = 4000;

/**
 * Reuses ask-sdk-express-adapter's choice of verifiers (signature + certificate chain, timestamp) but not
 * its request handlers: those parse any content type, cap the body at 100 KB, answer bad JSON with a 500
 * and errors as text/html (checked on express 5). The host puts its own parsing and JSON errors in front.
 */
export class AlexaRequestVerifier extends ExpressAdapter {
  constructor(skill: Skill, verifySignature: boolean, verifyTimestamp: boolean) {
    super(skill, verifySignature, verifyTimestamp);
  }

  get enabled(): boolean {
    return this.verifiers.length > 0;
  }

  /** Resolves when every verifier accepts the raw body (exactly as received) and its headers. */
  async verify(rawBody: string, headers: IncomingHttpHeaders): Promise<void> {
    if (this.verifiers.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestVerificationError('verification timed out')), VERIFY_DEADLINE_MS);
    });
    try {
      await Promise.race([Promise.all(this.verifiers.map((verifier) => verifier.verify(rawBody, headers))), deadline]);
    } catch (error) {
      if (error instanceof RequestVerificationError) throw error;
      throw new RequestVerificationError(error instanceof Error ? error.message : String(error), { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}

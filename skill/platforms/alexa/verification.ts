/**
 * Is this request from Alexa? Amazon's checks, cheapest first: the timestamp (no network), then the signature
 * headers and the certificate URL (no network), and only then the certificate chain, from a cache or a download
 * with a deadline, and the RSA-SHA256 signature over the raw body. A forged request is refused before it can make
 * the server open a connection, unless it names a new URL in Amazon's bucket, and then once a minute at most.
 *
 * Written on node:crypto and node:https rather than ask-sdk-express-adapter's verifiers: those fetch without a
 * deadline (a caller that gives up leaves the socket open), check the URL without normalising it, accept
 * timestamps from the future and answer with their internal messages.
 */
import { verify as verifySignatureBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { normaliseCertChainUrl } from './cert-chain-url';
import { CertificateCache, CertificateUnavailableError } from './certificate-cache';
import { isTimestampFresh } from './request-timestamp';

export type VerificationFailure =
  | 'stale_timestamp'
  | 'missing_certificate_url'
  | 'missing_signature'
  | 'invalid_certificate_url'
  | 'invalid_signature_format'
  | 'certificate_unavailable'
  | 'certificate_invalid'
  | 'signature_mismatch';

/** Plain, fixed reasons: the refusal's message reaches the caller, so it names the rule, never an internal error. */
const REASONS: Readonly<Record<VerificationFailure, string>> = {
  stale_timestamp: 'The request timestamp is more than 150 seconds away from now.',
  missing_certificate_url: 'The SignatureCertChainUrl header is missing.',
  missing_signature: 'The Signature-256 header is missing.',
  invalid_certificate_url: 'The SignatureCertChainUrl is not an https URL under s3.amazonaws.com/echo.api/.',
  invalid_signature_format: 'The Signature-256 header is not a base64 signature.',
  certificate_unavailable: 'The signing certificate could not be obtained.',
  certificate_invalid: 'The signing certificate is not a valid Alexa certificate.',
  signature_mismatch: 'The signature does not match the request body.',
};

export class RequestVerificationError extends Error {
  constructor(
    readonly failure: VerificationFailure,
    options?: { cause?: unknown },
  ) {
    super(REASONS[failure], options);
    this.name = 'RequestVerificationError';
  }
}

export interface AlexaVerifierOptions {
  /** Off for local development only (ALEXA_VERIFY_SIGNATURE=false); see the README. */
  verifySignature: boolean;
  /** Replay protection; only meaningful together with the signature, which is what makes the timestamp trustworthy. */
  verifyTimestamp: boolean;
  certificates?: CertificateCache;
  now?: () => number;
}

/** What the timestamp check reads from an envelope that already passed the shape check. */
export interface TimestampedRequest {
  request: { type: string; timestamp: string };
}

/** 2048-bit RSA is 344 base64 characters; 4096-bit is 684. */
const MAX_SIGNATURE_CHARS = 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export class AlexaRequestVerifier {
  private readonly certificates: CertificateCache;
  private readonly now: () => number;

  constructor(private readonly options: AlexaVerifierOptions) {
    this.certificates = options.certificates ?? new CertificateCache();
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.verifySignature || this.options.verifyTimestamp;
  }

  /** No network: refuses a request sent more than 150 s before or after now. */
  checkTimestamp(envelope: TimestampedRequest): void {
    if (!this.options.verifyTimestamp) return;
    if (!isTimestampFresh(envelope.request.type, envelope.request.timestamp, this.now())) {
      throw new RequestVerificationError('stale_timestamp');
    }
  }

  /** The signature check; refuses bad headers and bad certificate URLs before any download. */
  async checkSignature(rawBody: string, headers: IncomingHttpHeaders): Promise<void> {
    if (!this.options.verifySignature) return;
    // Node lowercases header names.
    const urlHeader = singleHeader(headers, 'signaturecertchainurl');
    if (!urlHeader) throw new RequestVerificationError('missing_certificate_url');
    const signatureHeader = singleHeader(headers, 'signature-256');
    if (!signatureHeader) throw new RequestVerificationError('missing_signature');
    const url = normaliseCertChainUrl(urlHeader);
    if (!url) throw new RequestVerificationError('invalid_certificate_url');
    if (signatureHeader.length > MAX_SIGNATURE_CHARS || !BASE64.test(signatureHeader)) {
      throw new RequestVerificationError('invalid_signature_format');
    }
    let publicKey;
    try {
      ({ publicKey } = await this.certificates.signingCertificate(url));
    } catch (error) {
      const invalid = error instanceof CertificateUnavailableError && error.problem === 'invalid_chain';
      throw new RequestVerificationError(invalid ? 'certificate_invalid' : 'certificate_unavailable', { cause: error });
    }
    const matches = verifySignatureBytes('RSA-SHA256', Buffer.from(rawBody, 'utf8'), publicKey, Buffer.from(signatureHeader, 'base64'));
    if (!matches) throw new RequestVerificationError('signature_mismatch');
  }

  /** Both checks in their order, for hosts that have nothing cheaper to do in between. */
  async verify(rawBody: string, headers: IncomingHttpHeaders, envelope: TimestampedRequest): Promise<void> {
    this.checkTimestamp(envelope);
    await this.checkSignature(rawBody, headers);
  }
}

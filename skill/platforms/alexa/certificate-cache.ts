/**
 * Where the signing key for a certificate URL comes from: a cache of validated chains, a short memory of URLs
 * that failed, one shared download per URL in flight and a cap on downloads at once. A flood of forged requests
 * naming certificate URLs therefore costs at most one download per URL per minute and never more than a few
 * connections, while Alexa's own requests (a handful of URLs) are answered from the cache.
 */
import type { X509Certificate } from 'node:crypto';
import { downloadCertificateChain } from './cert-download';
import { SigningCertificateError, bundledRootCertificates, validateSigningChain, type SigningCertificate } from './signing-certificate';

export type CertificateSourceProblem = 'download_failed' | 'invalid_chain' | 'busy';

export class CertificateUnavailableError extends Error {
  constructor(
    readonly problem: CertificateSourceProblem,
    options?: { cause?: unknown },
  ) {
    super(`signing certificate unavailable: ${problem}`, options);
    this.name = 'CertificateUnavailableError';
  }
}

export interface CertificateCacheOptions {
  download?: (url: URL) => Promise<string>;
  trustedRoots?: () => readonly X509Certificate[];
  now?: () => number;
  /** A URL that failed is not tried again for this long. */
  failureTtlMs?: number;
  /** A validated chain is kept this long at most (and never past its signing certificate's expiry). */
  successTtlMs?: number;
  maxConcurrentDownloads?: number;
  /** Entries per map; the oldest goes first. */
  maxEntries?: number;
}

interface CachedKey {
  certificate: SigningCertificate;
  expiresAtMs: number;
}

interface CachedFailure {
  error: CertificateUnavailableError;
  expiresAtMs: number;
}

function remember<V>(map: Map<string, V>, key: string, value: V, maxEntries: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > maxEntries) map.delete(map.keys().next().value as string);
}

export class CertificateCache {
  private readonly keys = new Map<string, CachedKey>();
  private readonly failures = new Map<string, CachedFailure>();
  private readonly inFlight = new Map<string, Promise<SigningCertificate>>();
  private readonly download: (url: URL) => Promise<string>;
  private readonly trustedRoots: () => readonly X509Certificate[];
  private readonly now: () => number;
  private readonly failureTtlMs: number;
  private readonly successTtlMs: number;
  private readonly maxConcurrentDownloads: number;
  private readonly maxEntries: number;
  /** Downloads started since creation; tests and operators read it to see the cache working. */
  downloads = 0;

  constructor(options: CertificateCacheOptions = {}) {
    this.download = options.download ?? ((url) => downloadCertificateChain(url));
    this.trustedRoots = options.trustedRoots ?? bundledRootCertificates;
    this.now = options.now ?? Date.now;
    this.failureTtlMs = options.failureTtlMs ?? 60_000;
    this.successTtlMs = options.successTtlMs ?? 24 * 3_600_000;
    this.maxConcurrentDownloads = options.maxConcurrentDownloads ?? 4;
    this.maxEntries = options.maxEntries ?? 100;
  }

  /** The validated signing certificate for a normalised certificate URL. */
  async signingCertificate(url: URL): Promise<SigningCertificate> {
    const key = url.href;
    const now = this.now();
    const cached = this.keys.get(key);
    if (cached && now < cached.expiresAtMs) return cached.certificate;
    if (cached) this.keys.delete(key);
    const failure = this.failures.get(key);
    if (failure && now < failure.expiresAtMs) throw failure.error;
    if (failure) this.failures.delete(key);
    const running = this.inFlight.get(key);
    if (running) return running;
    // Past the cap the request is refused rather than queued: a queue would hold the shopper's turn hostage.
    if (this.inFlight.size >= this.maxConcurrentDownloads) throw new CertificateUnavailableError('busy');
    const loading = this.load(url).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  private async load(url: URL): Promise<SigningCertificate> {
    const key = url.href;
    try {
      this.downloads += 1;
      const pem = await this.download(url);
      const certificate = validateSigningChain(pem, { nowMs: this.now(), trustedRoots: this.trustedRoots() });
      const expiresAtMs = Math.min(certificate.validUntilMs, this.now() + this.successTtlMs);
      remember(this.keys, key, { certificate, expiresAtMs }, this.maxEntries);
      return certificate;
    } catch (error) {
      const problem: CertificateSourceProblem = error instanceof SigningCertificateError ? 'invalid_chain' : 'download_failed';
      const refusal = new CertificateUnavailableError(problem, { cause: error });
      remember(this.failures, key, { error: refusal, expiresAtMs: this.now() + this.failureTtlMs }, this.maxEntries);
      throw refusal;
    }
  }
}

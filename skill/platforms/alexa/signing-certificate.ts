/**
 * Amazon's checks on the downloaded certificate chain (PEM, the signing certificate first): the signing
 * certificate is within its validity dates and names echo-api.amazon.com among its subject alternative names, and
 * every certificate is signed by the next, up to one signed by a trusted root CA. Built on node:crypto's
 * X509Certificate; the trusted roots are Node's bundled Mozilla list unless a test hands in its own.
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import { rootCertificates } from 'node:tls';

const ALEXA_SIGNING_DOMAIN = 'echo-api.amazon.com';
/** Amazon's chain has three or four certificates; a long "chain" is somebody's experiment. */
const MAX_CHAIN_LENGTH = 6;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export type CertificateProblem = 'unparsable' | 'expired' | 'wrong_domain' | 'untrusted';

export class SigningCertificateError extends Error {
  constructor(
    readonly problem: CertificateProblem,
    options?: { cause?: unknown },
  ) {
    super(`signing certificate chain refused: ${problem}`, options);
    this.name = 'SigningCertificateError';
  }
}

export interface SigningCertificate {
  publicKey: KeyObject;
  /** When the signing certificate expires (ms since the epoch): a cached copy is not used past this. */
  validUntilMs: number;
}

let bundledRoots: X509Certificate[] | undefined;

/** Node's bundled roots, parsed once, on the first download rather than at start (keeps cold starts cheap). */
export function bundledRootCertificates(): X509Certificate[] {
  bundledRoots ??= rootCertificates.flatMap((pem) => {
    try {
      return [new X509Certificate(pem)];
    } catch {
      return [];
    }
  });
  return bundledRoots;
}

function parseChain(pem: string): X509Certificate[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0 || blocks.length > MAX_CHAIN_LENGTH) throw new SigningCertificateError('unparsable');
  try {
    return blocks.map((block) => new X509Certificate(block));
  } catch (error) {
    throw new SigningCertificateError('unparsable', { cause: error });
  }
}

function isCurrent(certificate: X509Certificate, nowMs: number): boolean {
  return Date.parse(certificate.validFrom) <= nowMs && nowMs <= Date.parse(certificate.validTo);
}

function namesAlexaDomain(certificate: X509Certificate): boolean {
  // subjectAltName reads like "DNS:echo-api.amazon.com, DNS:other.example"; an exact entry is required.
  return (certificate.subjectAltName ?? '').split(',').some((name) => name.trim() === `DNS:${ALEXA_SIGNING_DOMAIN}`);
}

function signedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}

export function validateSigningChain(pem: string, options: { nowMs: number; trustedRoots: readonly X509Certificate[] }): SigningCertificate {
  const chain = parseChain(pem);
  const signing = chain[0]!;
  if (!chain.every((certificate) => isCurrent(certificate, options.nowMs))) throw new SigningCertificateError('expired');
  if (!namesAlexaDomain(signing)) throw new SigningCertificateError('wrong_domain');
  for (let index = 0; index + 1 < chain.length; index += 1) {
    const issuer = chain[index + 1]!;
    if (!issuer.ca || !signedBy(chain[index]!, issuer)) throw new SigningCertificateError('untrusted');
  }
  const top = chain.at(-1)!;
  const anchored = options.trustedRoots.some(
    (root) => root.fingerprint256 === top.fingerprint256 || (root.ca && isCurrent(root, options.nowMs) && signedBy(top, root)),
  );
  if (!anchored) throw new SigningCertificateError('untrusted');
  return { publicKey: signing.publicKey, validUntilMs: Date.parse(signing.validTo) };
}

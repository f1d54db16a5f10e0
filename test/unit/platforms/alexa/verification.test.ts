import { beforeAll, describe, expect, it } from 'vitest';
import { CertificateCache } from '../../../../skill/platforms/alexa/certificate-cache';
import { AlexaRequestVerifier, RequestVerificationError, type VerificationFailure } from '../../../../skill/platforms/alexa/verification';
import { alexaFixture } from '../../../fixtures/alexa/load';
import { createTestPki, type TestPki } from './test-pki';

const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-13.pem';

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});

/** A verifier whose certificate downloads are served from memory and counted. */
function verifierWith(serve: (url: URL) => string | Promise<string>, options: { now?: () => number } = {}) {
  const fetched: string[] = [];
  const certificates = new CertificateCache({
    download: async (url) => {
      fetched.push(url.href);
      return serve(url);
    },
    trustedRoots: () => [pki.root],
    ...(options.now ? { now: options.now } : {}),
  });
  const verifier = new AlexaRequestVerifier({ verifySignature: true, verifyTimestamp: true, certificates });
  return { verifier, fetched, certificates };
}

function signedRequest(mutate: (envelope: ReturnType<typeof alexaFixture>) => void = () => {}) {
  const envelope = alexaFixture('launch-echo-dot');
  mutate(envelope);
  const body = JSON.stringify(envelope);
  return { envelope, body, headers: { signaturecertchainurl: CERT_URL, 'signature-256': pki.signBody(body) } };
}

async function failure(promise: Promise<unknown>): Promise<VerificationFailure> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RequestVerificationError);
  return (error as RequestVerificationError).failure;
}

describe('AlexaRequestVerifier', () => {
  it('does nothing when both checks are switched off', async () => {
    const verifier = new AlexaRequestVerifier({ verifySignature: false, verifyTimestamp: false });
    expect(verifier.enabled).toBe(false);
    await expect(verifier.verify('not even json', {}, { request: { type: 'LaunchRequest', timestamp: 'whenever' } })).resolves.toBeUndefined();
  });

  it('accepts a request signed by a certificate that chains to a trusted root', async () => {
    const { verifier, fetched } = verifierWith(() => pki.chainPem);
    const { envelope, body, headers } = signedRequest();
    await expect(verifier.verify(body, headers, envelope)).resolves.toBeUndefined();
    expect(fetched).toEqual([CERT_URL]);
  });

  it('refuses a body changed after signing, a wrong domain, a broken chain and an unknown root', async () => {
    const { envelope, body, headers } = signedRequest();
    expect(await failure(verifierWith(() => pki.chainPem).verifier.verify(`${body} `, headers, envelope))).toBe('signature_mismatch');
    expect(await failure(verifierWith(() => pki.wrongDomainChainPem).verifier.verify(body, headers, envelope))).toBe('certificate_invalid');
    expect(await failure(verifierWith(() => pki.brokenChainPem).verifier.verify(body, headers, envelope))).toBe('certificate_invalid');
    const strangers = new AlexaRequestVerifier({
      verifySignature: true,
      verifyTimestamp: true,
      certificates: new CertificateCache({ download: async () => pki.chainPem }),
    });
    expect(await failure(strangers.verify(body, headers, envelope))).toBe('certificate_invalid');
  });

  it('refuses a chain whose certificates have expired', async () => {
    const later = Date.now() + 400 * 24 * 3_600_000;
    const { verifier } = verifierWith(() => pki.chainPem, { now: () => later });
    const { envelope, body, headers } = signedRequest();
    expect(await failure(verifier.verify(body, headers, envelope))).toBe('certificate_invalid');
  });

  it.each([
    ['ten minutes old', -10 * 60_000],
    ['151 seconds old', -151_000],
    ['151 seconds in the future', 151_000],
    ['an hour in the future', 3_600_000],
  ])('refuses a timestamp %s before downloading anything', async (_label, offsetMs) => {
    const { verifier, fetched } = verifierWith(() => pki.chainPem);
    const { envelope, body, headers } = signedRequest((e) => {
      e.request.timestamp = new Date(Date.now() + offsetMs).toISOString();
    });
    expect(await failure(verifier.verify(body, headers, envelope))).toBe('stale_timestamp');
    expect(fetched).toEqual([]);
  });

  it('accepts timestamps within 150 seconds either way, and a skill event up to an hour late', async () => {
    const { verifier } = verifierWith(() => pki.chainPem);
    for (const offsetMs of [-140_000, 140_000]) {
      const { envelope, body, headers } = signedRequest((e) => {
        e.request.timestamp = new Date(Date.now() + offsetMs).toISOString();
      });
      await expect(verifier.verify(body, headers, envelope)).resolves.toBeUndefined();
    }
    const event = alexaFixture('skill-enabled-event');
    event.request.timestamp = new Date(Date.now() - 30 * 60_000).toISOString();
    expect(() => verifier.checkTimestamp(event)).not.toThrow();
    event.request.timestamp = new Date(Date.now() + 30 * 60_000).toISOString();
    expect(() => verifier.checkTimestamp(event)).toThrow(RequestVerificationError);
  });

  it('refuses missing headers and certificate URLs outside Amazon’s bucket without any download', async () => {
    const { verifier, fetched } = verifierWith(() => pki.chainPem);
    const { body } = signedRequest();
    expect(await failure(verifier.checkSignature(body, {}))).toBe('missing_certificate_url');
    expect(await failure(verifier.checkSignature(body, { signaturecertchainurl: CERT_URL }))).toBe('missing_signature');
    for (const url of [
      'http://s3.amazonaws.com/echo.api/cert.pem',
      'https://s3.amazonaws.com/other/cert.pem',
      'https://s3.amazonaws.com:8443/echo.api/cert.pem',
      'https://s3.amazonaws.com/echo.api/../evil/cert.pem',
      'https://evil.example/echo.api/cert.pem',
    ]) {
      expect(await failure(verifier.checkSignature(body, { signaturecertchainurl: url, 'signature-256': 'c2ln' }))).toBe('invalid_certificate_url');
    }
    expect(await failure(verifier.checkSignature(body, { signaturecertchainurl: CERT_URL, 'signature-256': 'not base64!' }))).toBe('invalid_signature_format');
    expect(fetched).toEqual([]);
  });

  it('downloads from the normalised URL, and once for URLs that mean the same certificate', async () => {
    const { verifier, fetched } = verifierWith(() => pki.chainPem);
    const { body, headers } = signedRequest();
    for (const url of [
      'HTTPS://S3.AmazonAWS.com/echo.api/../echo.api/echo-api-cert-13.pem',
      'https://s3.amazonaws.com:443/echo.api/echo-api-cert-13.pem',
      'https://s3.amazonaws.com/echo.api/%65cho-api-cert-13.pem',
    ]) {
      await expect(verifier.checkSignature(body, { ...headers, signaturecertchainurl: url })).resolves.toBeUndefined();
    }
    expect(fetched).toEqual([CERT_URL]);
  });

  it('keeps a failed certificate URL for a minute, so a flood causes one download', async () => {
    let now = Date.now();
    const { verifier, fetched } = verifierWith(
      () => {
        throw new Error('connect ECONNREFUSED 52.216.0.1:443');
      },
      { now: () => now },
    );
    const { body, headers } = signedRequest();
    const failures = await Promise.all(Array.from({ length: 100 }, () => failure(verifier.checkSignature(body, headers))));
    expect(new Set(failures)).toEqual(new Set(['certificate_unavailable']));
    expect(fetched).toHaveLength(1);
    now += 30_000;
    await failure(verifier.checkSignature(body, headers));
    expect(fetched).toHaveLength(1);
    now += 31_000;
    await failure(verifier.checkSignature(body, headers));
    expect(fetched).toHaveLength(2);
  });

  it('refuses new certificate URLs past the download cap instead of queueing them', async () => {
    const gate: Array<() => void> = [];
    const { verifier, fetched } = verifierWith(() => new Promise((resolve) => gate.push(() => resolve(pki.chainPem))));
    const { body, headers } = signedRequest();
    const waiting = [1, 2, 3, 4].map((n) => verifier.checkSignature(body, { ...headers, signaturecertchainurl: `https://s3.amazonaws.com/echo.api/${n}.pem` }));
    expect(await failure(verifier.checkSignature(body, { ...headers, signaturecertchainurl: 'https://s3.amazonaws.com/echo.api/5.pem' }))).toBe('certificate_unavailable');
    expect(fetched).toHaveLength(4);
    for (const release of gate) release();
    await Promise.all(waiting);
  });

  it('says why in a fixed sentence, never an internal message', async () => {
    const { verifier } = verifierWith(() => {
      throw new TypeError("Cannot read properties of null (reading 'statusCode')");
    });
    const { body, headers } = signedRequest();
    const error = await verifier.checkSignature(body, headers).catch((reason: unknown) => reason as Error);
    expect(error?.message).toBe('The signing certificate could not be obtained.');
  });
});

import { SkillBuilders } from 'ask-sdk-core';
import { describe, expect, it } from 'vitest';
import { AlexaRequestVerifier, RequestVerificationError } from '../../../../skill/platforms/alexa/verification';
import { alexaFixture } from '../../../fixtures/alexa/load';

const skill = SkillBuilders.custom().create();

describe('AlexaRequestVerifier', () => {
  it('does nothing when both checks are switched off', async () => {
    const verifier = new AlexaRequestVerifier(skill, false, false);
    expect(verifier.enabled).toBe(false);
    await expect(verifier.verify('not even json', {})).resolves.toBeUndefined();
  });

  it('accepts a fresh timestamp and refuses one older than Alexa’s 150 second tolerance', async () => {
    const verifier = new AlexaRequestVerifier(skill, false, true);
    const fresh = alexaFixture('launch-echo-dot');
    await expect(verifier.verify(JSON.stringify(fresh), {})).resolves.toBeUndefined();

    const stale = alexaFixture('launch-echo-dot');
    stale.request.timestamp = new Date(Date.now() - 10 * 60 * 1000).toISOString();
    const failure = verifier.verify(JSON.stringify(stale), {});
    await expect(failure).rejects.toBeInstanceOf(RequestVerificationError);
    await expect(failure).rejects.toThrow(/Timestamp verification failed/);
  });

  it('refuses a request whose signature header is missing, before any download', async () => {
    const verifier = new AlexaRequestVerifier(skill, true, false);
    const failure = verifier.verify(JSON.stringify(alexaFixture('launch-echo-dot')), {
      signaturecertchainurl: 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem',
    });
    await expect(failure).rejects.toThrow(/Missing Signature/);
  });

  it('refuses a certificate URL that is not Amazon’s echo.api bucket over HTTPS', async () => {
    const verifier = new AlexaRequestVerifier(skill, true, false);
    for (const url of ['http://s3.amazonaws.com/echo.api/cert.pem', 'https://s3.amazonaws.com/other/cert.pem', 'https://s3.amazonaws.com:8443/echo.api/cert.pem']) {
      await expect(verifier.verify('{}', { signaturecertchainurl: url, 'signature-256': 'c2ln' })).rejects.toBeInstanceOf(RequestVerificationError);
    }
  });
});

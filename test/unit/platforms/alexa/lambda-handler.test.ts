import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../../../skill/core/errors';
import { createAlexaLambdaHandler } from '../../../../skill/platforms/alexa/lambda-handler';
import { alexaFixture } from '../../../fixtures/alexa/load';
import { MemoryLog, RecordingCore } from './fake-core';

describe('createAlexaLambdaHandler', () => {
  function setup() {
    const core = new RecordingCore();
    let builds = 0;
    const handler = createAlexaLambdaHandler(() => {
      builds += 1;
      return { core, log: new MemoryLog(), config: {} };
    });
    return { core, handler, builds: () => builds };
  }

  it('builds the app on the first event only, not at import or creation', async () => {
    const { handler, builds } = setup();
    expect(builds()).toBe(0);
    await handler(alexaFixture('launch-echo-dot'));
    await handler(alexaFixture('search-echo-show'));
    expect(builds()).toBe(1);
  });

  it('returns the response envelope for a request envelope event', async () => {
    const { handler, core } = setup();
    core.reply = { speech: 'Two oat milks.', endSession: false, sessionState: { lastResults: ['p-0042'] } };
    const result = await handler(alexaFixture('search-echo-show'));
    expect(core.lastTurn.slots.product).toEqual({ raw: 'oat milk', ids: ['p-0042', 'p-0043'] });
    expect(result.response.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>Two oat milks.</speak>' });
    expect(result.sessionAttributes).toEqual({ lastResults: ['p-0042'] });
  });

  it.each([
    ['an empty object', {}],
    ['null', null],
    ['a request without context', { version: '1.0', request: alexaFixture('launch-echo-dot').request }],
    ['an IntentRequest without intent', { ...alexaFixture('launch-echo-dot'), request: { type: 'IntentRequest', requestId: 'r', timestamp: 't' } }],
  ])('rejects %s with a BadRequestError that names the problem', async (_label, event) => {
    const { handler, builds } = setup();
    const failure = handler(event);
    await expect(failure).rejects.toBeInstanceOf(BadRequestError);
    await expect(failure).rejects.toThrow(/Not an Alexa/);
    expect(builds()).toBe(0);
  });
});

import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAlexaSkill } from '../../../../skill/platforms/alexa/skill';
import { alexaFixture } from '../../../fixtures/alexa/load';
import { MemoryLog, RecordingCore } from './fake-core';

const SKILL_ID = 'amzn1.ask.skill.0b9c4d2e-1a7f-4c6b-8e53-7d1f2a9b6c30';

describe('createAlexaSkill', () => {
  let core: RecordingCore;
  let log: MemoryLog;
  const invoke = (envelope: RequestEnvelope, skillId?: string): Promise<ResponseEnvelope> =>
    createAlexaSkill({ core, log, config: { ALEXA_SKILL_ID: skillId } }).invoke(envelope);

  beforeEach(() => {
    core = new RecordingCore();
    log = new MemoryLog();
  });

  it('answers a launch with what the core said', async () => {
    core.reply = { speech: 'Welcome to the shop.', reprompt: 'What do you need?', endSession: false, sessionState: {} };
    const result = await invoke(alexaFixture('launch-echo-dot'));
    expect(core.lastTurn.intent).toBe('Launch');
    expect(result.version).toBe('1.0');
    expect(result.response.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>Welcome to the shop.</speak>' });
    expect(result.response.shouldEndSession).toBe(false);
  });

  it('stores the reply session state in sessionAttributes and reads it back on the next request', async () => {
    const state = { lastResults: ['p-7', 'p-9'], resultOffset: 2, pending: { kind: 'add', productId: 'p-7', quantity: 3 } };
    core.reply = { speech: 'Found two.', endSession: false, sessionState: state };
    const first = await invoke(alexaFixture('launch-echo-dot'));
    expect(first.sessionAttributes).toEqual(state);

    const next = alexaFixture('search-echo-show');
    next.session!.attributes = first.sessionAttributes;
    await invoke(next);
    expect(core.lastTurn.session).toEqual(state);
  });

  it('passes SessionEndedRequest to the core but answers with an empty response', async () => {
    core.reply = { speech: 'This must not be spoken.', endSession: true, sessionState: {} };
    const result = await invoke(alexaFixture('session-ended'));
    expect(core.lastTurn.intent).toBe('SessionEnded');
    expect(result.response).toEqual({});
  });

  it.each(['skill-enabled-event', 'exception-encountered'] as const)('answers %s with a valid empty response, without the core', async (name) => {
    const result = await invoke(alexaFixture(name));
    expect(result.version).toBe('1.0');
    expect(result.response).toEqual({});
    expect(core.turns).toHaveLength(0);
  });

  it('apologises in the shopper’s language when translation fails, and never speaks the error', async () => {
    core.failWith = new Error('secret stack detail');
    const english = await invoke(alexaFixture('launch-echo-dot'));
    expect(english.response.outputSpeech).toMatchObject({ ssml: expect.stringContaining('Sorry') });
    expect(JSON.stringify(english)).not.toContain('secret stack detail');
    expect(english.response.shouldEndSession).toBe(false);

    const german = await invoke(alexaFixture('add-to-cart-de-dialog'));
    expect(german.response.outputSpeech).toMatchObject({ ssml: expect.stringContaining('Entschuldigung') });
    expect(log.entries.filter((entry) => entry.level === 'error')).toHaveLength(2);
  });

  it('accepts its own skill id and refuses another skill’s request when ALEXA_SKILL_ID is set', async () => {
    await expect(invoke(alexaFixture('launch-echo-dot'), SKILL_ID)).resolves.toMatchObject({ version: '1.0' });
    await expect(invoke(alexaFixture('launch-echo-dot'), 'amzn1.ask.skill.someone-else')).rejects.toThrow(/ID verification failed/);
  });
});

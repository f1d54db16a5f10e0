/** The one sentence the adapters say on their own is the same on both platforms. */
import { describe, expect, it } from 'vitest';
import { apologyFor } from '../../../skill/platforms/apology';
import { createAlexaSkill } from '../../../skill/platforms/alexa/skill';
import { GoogleFulfillment } from '../../../skill/platforms/google/fulfillment';
import { parseWebhookRequest } from '../../../skill/platforms/google/webhook-request';
import { alexaFixture } from '../../fixtures/alexa/load';
import { MemoryLog, RecordingCore } from './alexa/fake-core';
import { fixture, ScriptedCore, RecordingLog } from './google/fakes';

describe('the shared apology', () => {
  it('is what Alexa says when the request cannot be answered', async () => {
    const core = new RecordingCore();
    core.failWith = new TypeError('translation bug');
    const response = await createAlexaSkill({ core, log: new MemoryLog(), config: {} }).invoke(alexaFixture('launch-echo-dot'));
    expect(response.response.outputSpeech).toEqual({ type: 'SSML', ssml: `<speak>${apologyFor('en-US').speech}</speak>` });
    expect(response.response.reprompt?.outputSpeech).toEqual({ type: 'SSML', ssml: `<speak>${apologyFor('en-US').reprompt}</speak>` });
  });

  it('is what Dialogflow says when the core fails', async () => {
    const core = new ScriptedCore(() => {
      throw new TypeError('core bug');
    });
    const response = await new GoogleFulfillment(core, new RecordingLog()).fulfill(parseWebhookRequest(fixture('assistant-welcome.en.json')));
    expect(response.fulfillmentText).toBe(apologyFor('en-US').speech);
  });
});

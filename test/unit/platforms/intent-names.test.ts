import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../../interaction-models/source/intents';
import { toCoreIntent } from '../../../skill/platforms/alexa/intents';
import { mapIntent } from '../../../skill/platforms/google/request-to-turn';
import { coreIntentOf, LISTED_INTENTS, platformIntentNames } from '../../../skill/platforms/intent-names';

const FALLBACKS = new Set(['FallbackIntent', 'DefaultFallbackIntent']);

describe('intent names, one table for both adapters and the models', () => {
  it('lists only intents the neutral model has', () => {
    const names = new Set(INTENTS.map((intent) => intent.name));
    for (const listed of LISTED_INTENTS) expect(names.has(listed), listed).toBe(true);
  });

  it('maps every intent the models send to a core intent, the same on both platforms', () => {
    for (const intent of INTENTS) {
      const { alexa, dialogflow } = platformIntentNames(intent.name);
      const onAlexa = alexa === null ? undefined : toCoreIntent(alexa);
      const onDialogflow = dialogflow === null ? undefined : mapIntent(dialogflow);
      for (const core of [onAlexa, onDialogflow]) {
        if (core === undefined) continue;
        if (FALLBACKS.has(intent.name)) expect(core).toBe('Fallback');
        else expect(core, intent.name).not.toBe('Fallback');
      }
      if (onAlexa && onDialogflow) expect(onAlexa, intent.name).toBe(onDialogflow);
    }
  });

  it('names built-ins the platform way and custom intents alike', () => {
    expect(platformIntentNames('HelpIntent')).toEqual({ alexa: 'AMAZON.HelpIntent', dialogflow: 'HelpIntent' });
    expect(platformIntentNames('WelcomeIntent')).toEqual({ alexa: null, dialogflow: 'Default Welcome Intent' });
    expect(platformIntentNames('SelectItemIntent')).toEqual({ alexa: 'SelectItemIntent', dialogflow: 'SelectItemIntent' });
  });

  it('lets no request smuggle in a request-level name or another platform\'s built-in', () => {
    expect(coreIntentOf('alexa', 'Launch')).toBe('Fallback');
    expect(coreIntentOf('dialogflow', 'SessionEnded')).toBe('Fallback');
    expect(coreIntentOf('dialogflow', 'AMAZON.HelpIntent')).toBe('Fallback');
    expect(coreIntentOf('alexa', 'Default Welcome Intent')).toBe('Fallback');
    expect(coreIntentOf('alexa', 'VoicePinAnswerIntent')).toBe('Fallback');
    expect(coreIntentOf('dialogflow', undefined)).toBe('Fallback');
  });
});

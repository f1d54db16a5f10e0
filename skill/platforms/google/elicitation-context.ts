/**
 * Dialogflow ES has no "elicit this slot" directive. The webhook instead opens a short-lived output context, and
 * an agent intent that only matches inside that context takes the bare answer: "one two three four" after the
 * PIN question reaches VoicePinIntent with its pin parameter, and nowhere else is a bare number read as a PIN.
 */
import type { Reply } from '../../core/turn';
import type { OutputContext } from './session';

/** The context that is open while the voice PIN is asked for; the agent's PIN-answer intent requires it. */
export const PIN_CONTEXT = 'vocart-pin';
/** The agent intent that takes a bare PIN inside that context; its name lives with the other intent names. */
export { PIN_ANSWER_INTENT } from '../intent-names';

/** The output context for what the reply asks the shopper to say, if anything: only for the very next query. */
export function elicitationContext(session: string, reply: Reply): OutputContext | undefined {
  if (reply.endSession || reply.ask?.kind !== 'elicit' || reply.ask.slot !== 'pin') return undefined;
  return { name: `${session}/contexts/${PIN_CONTEXT}`, lifespanCount: 1 };
}

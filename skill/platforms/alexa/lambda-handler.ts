import type { Context } from 'aws-lambda';
import type { ResponseEnvelope } from 'ask-sdk-model';
import type { Skill } from 'ask-sdk-core';
import { parseAlexaEnvelope } from './envelope';
import { createAlexaSkill, type AlexaSkillDeps } from './skill';

export type AlexaLambdaHandler = (event: unknown, context?: Context) => Promise<ResponseEnvelope>;

/**
 * The Lambda trigger for an Alexa skill: the event is the request envelope, the result the response
 * envelope. No signature check here: only the skill named in the function's invoke permission can call it.
 * The app is built on the first request and kept for the container's life, so a cold start costs no
 * network and later requests reuse clients and the catalog index.
 */
export function createAlexaLambdaHandler(buildDeps: () => AlexaSkillDeps): AlexaLambdaHandler {
  let skill: Skill | undefined;
  return async (event, context) => {
    // A malformed event throws BadRequestError naming the problem; Lambda reports it as the invocation error.
    const envelope = parseAlexaEnvelope(event);
    skill ??= createAlexaSkill(buildDeps());
    return skill.invoke(envelope, context);
  };
}

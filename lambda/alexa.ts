/** Lambda entry point for the Alexa skill (see skill/platforms/alexa/lambda-handler.ts). */
import { createApp } from '../skill/app';
import { loadConfig } from '../skill/config';
import { createAlexaLambdaHandler } from '../skill/platforms/alexa/lambda-handler';

export const handler = createAlexaLambdaHandler(() => createApp(loadConfig()));

/** Lambda entry point for the Dialogflow ES webhook (see skill/platforms/google/lambda-handler.ts). */
import { createApp } from '../skill/app';
import { loadConfig, type Config } from '../skill/config';
import { createGoogleLambdaHandler } from '../skill/platforms/google/lambda-handler';

let config: Config | undefined;

function configOnce(): Config {
  config ??= loadConfig();
  return config;
}

export const handler = createGoogleLambdaHandler({ secret: () => configOnce().GOOGLE_WEBHOOK_SECRET, buildDeps: () => createApp(configOnce()) });

/**
 * The CDK app (`cdk.json`: `npx tsx infra/app.ts`). The stack goes to the account and Region of the
 * current AWS credentials; without credentials (`cdk synth` offline) it stays environment-agnostic.
 */
import { App } from 'aws-cdk-lib';
import { CatalogIndexMissingError } from './constructs/skill-function';
import { StackSettingsError } from './stack-settings';
import { VocartStack } from './vocart-stack';

const app = new App();
try {
  new VocartStack(app, 'VocartStack', {
    description: 'vocart: voice-commerce skill service (Alexa + Dialogflow ES on DynamoDB)',
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  app.synth();
} catch (error) {
  // A settings mistake is the user's to fix: one line that says how, not a stack trace.
  if (error instanceof StackSettingsError || error instanceof CatalogIndexMissingError) {
    console.error(`vocart: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}

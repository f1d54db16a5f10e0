/**
 * vocart in one stack: the table, the Alexa endpoint, the Dialogflow webhook and the daily replenishment run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, CfnOutput, CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlexaSkillEndpoint } from './constructs/alexa-skill-endpoint';
import { GoogleWebhook } from './constructs/google-webhook';
import { ReplenishmentJob } from './constructs/replenishment-job';
import { DUE_DAY_INDEX, ShopTable } from './constructs/shop-table';
import { readStackSettings, StackSettingsError } from './stack-settings';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..');

/** Must match the minimum in skill/config.ts, so a secret CloudFormation accepts also passes the handler's check. */
export const WEBHOOK_SECRET_MIN_LENGTH = 16;

export interface HandlerEntries {
  alexa: string;
  google: string;
  replenish: string;
}

export interface VocartStackProps extends StackProps {
  /** Where the code lives; defaults to this repository. */
  projectRoot?: string;
  /** Handler files; defaults to lambda/alexa.ts, lambda/google.ts and lambda/replenish.ts. */
  entries?: Partial<HandlerEntries>;
  /** Prebuilt catalog index shipped with the conversation functions; defaults to skill/data/demo-index.bin. */
  catalogIndexPath?: string;
}

export class VocartStack extends Stack {
  constructor(scope: Construct, id: string, props: VocartStackProps = {}) {
    super(scope, id, props);
    const settings = readStackSettings(this);
    if (settings.usesPlaceholderSkillId) {
      Annotations.of(this).addWarningV2(
        'vocart:placeholder-skill-id',
        'alexaSkillId is the placeholder: no Alexa skill can invoke this function. Deploy with -c alexaSkillId=<your skill id>.',
      );
    }
    const root = props.projectRoot ?? REPOSITORY_ROOT;
    const entries: HandlerEntries = {
      alexa: path.join(root, 'lambda', 'alexa.ts'),
      google: path.join(root, 'lambda', 'google.ts'),
      replenish: path.join(root, 'lambda', 'replenish.ts'),
      ...props.entries,
    };
    const catalogIndexPath = props.catalogIndexPath ?? path.join(root, 'skill', 'data', 'demo-index.bin');
    const priorsPath = settings.replenishmentPriors ? path.resolve(root, settings.replenishmentPriors) : undefined;
    if (priorsPath && this.bundlingRequired && !existsSync(priorsPath)) {
      throw new StackSettingsError(`The replenishment priors file ${priorsPath} does not exist; build it with npm run replenish:priors.`);
    }

    // At stack level so its logical id, which `cdk deploy --parameters` names, stays exactly this.
    const webhookSecret = new CfnParameter(this, 'GoogleWebhookSecret', {
      type: 'String',
      noEcho: true,
      minLength: WEBHOOK_SECRET_MIN_LENGTH,
      description: `Shared secret Dialogflow sends in its webhook header (at least ${WEBHOOK_SECRET_MIN_LENGTH} characters).`,
    });

    const { table } = new ShopTable(this, 'Shop');
    const alexa = new AlexaSkillEndpoint(this, 'Alexa', {
      entry: entries.alexa,
      projectRoot: root,
      table,
      alexaSkillId: settings.alexaSkillId,
      catalogIndexPath,
      ...(priorsPath ? { priorsPath } : {}),
    });
    const google = new GoogleWebhook(this, 'Google', {
      entry: entries.google,
      projectRoot: root,
      table,
      catalogIndexPath,
      ...(priorsPath ? { priorsPath } : {}),
      webhookSecret: webhookSecret.valueAsString,
    });
    if (!settings.alexaMessagingSecret) {
      Annotations.of(this).addWarningV2(
        'vocart:no-messaging-secret',
        'No alexaMessagingSecret: the daily replenishment run will deliver no reminders outside a session. Deploy with -c alexaMessagingSecret=<secret name>.',
      );
    }
    new ReplenishmentJob(this, 'Replenishment', {
      entry: entries.replenish,
      projectRoot: root,
      table,
      dueDayIndexName: DUE_DAY_INDEX,
      ...(settings.alexaMessagingSecret ? { messagingSecretName: settings.alexaMessagingSecret } : {}),
    });

    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'DynamoDB table (TABLE_NAME)' });
    new CfnOutput(this, 'AlexaFunctionArn', {
      value: alexa.function.functionArn,
      description: 'Endpoint for skill.json (manifest.apis.custom.endpoint.uri)',
    });
    new CfnOutput(this, 'GoogleWebhookUrl', {
      value: google.url.url,
      description: 'Dialogflow ES fulfillment webhook URL',
    });
  }
}

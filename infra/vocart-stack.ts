/**
 * vocart in one stack: the table, the Alexa endpoint, the Dialogflow webhook and the daily replenishment run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, CfnOutput, CfnParameter, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { AlexaSkillEndpoint } from './constructs/alexa-skill-endpoint';
import { GoogleWebhook } from './constructs/google-webhook';
import { HandoffInbox } from './constructs/handoff-inbox';
import { HandoffRelay } from './constructs/handoff-relay';
import { ReplenishmentJob } from './constructs/replenishment-job';
import { DUE_DAY_INDEX, ShopTable } from './constructs/shop-table';
import { readStackSettings, StackSettingsError, type ChatwootSettings } from './stack-settings';
import { CHATWOOT_WEBHOOK_PATH } from '../skill/helpdesk/chatwoot/protocol';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..');

/** Must match the minimum in skill/config.ts, so a secret CloudFormation accepts also passes the handler's check. */
export const WEBHOOK_SECRET_MIN_LENGTH = 16;

export interface HandlerEntries {
  alexa: string;
  google: string;
  replenish: string;
  inbox: string;
  handoffRelay: string;
}

export interface VocartStackProps extends StackProps {
  /** Where the code lives; defaults to this repository. */
  projectRoot?: string;
  /** Handler files; defaults to lambda/alexa.ts, google.ts, replenish.ts, inbox.ts and handoff-relay.ts. */
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
      inbox: path.join(root, 'lambda', 'inbox.ts'),
      handoffRelay: path.join(root, 'lambda', 'handoff-relay.ts'),
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

    const { chatwoot } = settings;
    // The stream exists for the relay alone: without a help desk beyond the built-in inbox nobody reads it.
    const { table } = new ShopTable(this, 'Shop', { stream: chatwoot !== undefined });
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

    const helpDesk = chatwoot ? this.chatwootEnvironment(chatwoot) : undefined;
    const inbox = new HandoffInbox(this, 'Inbox', {
      entry: entries.inbox,
      projectRoot: root,
      table,
      dueDayIndexName: DUE_DAY_INDEX,
      catalogIndexPath,
      ...(helpDesk ? { environment: helpDesk.webhook } : {}),
    });
    if (helpDesk) {
      new HandoffRelay(this, 'HandoffRelay', {
        entry: entries.handoffRelay,
        projectRoot: root,
        table,
        dueDayIndexName: DUE_DAY_INDEX,
        catalogIndexPath,
        environment: helpDesk.relay,
      });
      new CfnOutput(this, 'ChatwootWebhookUrl', {
        // The Function URL ends in a slash; the route's path starts with one.
        value: Fn.join('', [inbox.url.url, CHATWOOT_WEBHOOK_PATH.slice(1)]),
        description: "Webhook URL for the Chatwoot API-channel inbox (Settings → Inboxes → the inbox's Webhook URL)",
      });
    }

    new CfnOutput(this, 'InboxUrl', { value: inbox.url.url, description: 'Agent inbox API (send Authorization: Bearer <token>)' });
    new CfnOutput(this, 'InboxTokenSecretArn', {
      value: inbox.token.secretArn,
      description: 'The inbox bearer token: aws secretsmanager get-secret-value --secret-id <this ARN> --query SecretString',
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

  /**
   * The help desk's settings for the two functions that talk to it. The secrets arrive as CloudFormation dynamic
   * references, resolved at deploy time into the (KMS-encrypted) environment: no Secrets Manager call in the relay's
   * path, at the price that a rotated secret reaches the functions with the next deployment. The webhook side never
   * gets the API token; config.ts wants the webhook secret wherever HELPDESK=chatwoot, so the relay gets both.
   */
  private chatwootEnvironment(chatwoot: ChatwootSettings): { webhook: Record<string, string>; relay: Record<string, string> } {
    const secret = Secret.fromSecretNameV2(this, 'ChatwootCredentials', chatwoot.secretName);
    const webhook = {
      HELPDESK: 'chatwoot',
      CHATWOOT_BASE_URL: chatwoot.baseUrl,
      CHATWOOT_ACCOUNT_ID: String(chatwoot.accountId),
      CHATWOOT_INBOX_ID: String(chatwoot.inboxId),
      CHATWOOT_WEBHOOK_SECRET: secret.secretValueFromJson('webhookSecret').unsafeUnwrap(),
    };
    return { webhook, relay: { ...webhook, CHATWOOT_API_TOKEN: secret.secretValueFromJson('apiToken').unsafeUnwrap() } };
  }
}

/**
 * The daily replenishment run: an EventBridge rule starts a function that pages through today's partition
 * of the due-day index. The function is safe to run twice (conditional writes), so EventBridge may retry,
 * and it fails its invocation when reminders were left for a retry, so Lambda's asynchronous retry reruns it.
 *
 * The skill's messaging credentials come from a Secrets Manager secret through CloudFormation dynamic references
 * ({{resolve:secretsmanager:…}}), resolved at deploy time into the function's (KMS-encrypted) environment. That needs
 * no Secrets Manager client in the bundle and no secretsmanager:GetSecretValue on the function's role; the price is
 * that a rotated secret reaches the function with the next deployment.
 */
import { Duration } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SkillFunction } from './skill-function';
import { grantReplenishmentAccess } from './table-access';

export interface ReplenishmentJobProps {
  entry: string;
  projectRoot: string;
  table: ITableV2;
  dueDayIndexName: string;
  /** UTC hour of the daily run; 06:00 UTC is early morning in Europe and the night before in the Americas. */
  hourUtc?: number;
  /** Name of the secret with {"clientId", "clientSecret"}; without it the run delivers nothing. */
  messagingSecretName?: string;
  /** Alexa API host of the skill's region (default North America). */
  amazonApiEndpoint?: string;
}

export class ReplenishmentJob extends Construct {
  readonly function: IFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ReplenishmentJobProps) {
    super(scope, id);
    const { function: fn } = new SkillFunction(this, 'Handler', {
      entry: props.entry,
      projectRoot: props.projectRoot,
      description: 'vocart daily replenishment run over the due-day index',
      serviceName: 'vocart-replenish',
      // A batch job, not a conversation: room to page through a busy day's partition.
      timeout: Duration.minutes(5),
      environment: {
        TABLE_NAME: props.table.tableName,
        ...(props.amazonApiEndpoint ? { AMAZON_API_ENDPOINT: props.amazonApiEndpoint } : {}),
        ...this.credentials(props.messagingSecretName),
      },
    });
    grantReplenishmentAccess(props.table, props.dueDayIndexName, fn);
    this.rule = new Rule(this, 'Daily', {
      description: 'Starts the vocart replenishment run once a day',
      schedule: Schedule.cron({ minute: '0', hour: String(props.hourUtc ?? 6) }),
      targets: [new LambdaFunction(fn, { retryAttempts: 2, maxEventAge: Duration.hours(2) })],
    });
    this.function = fn;
  }

  private credentials(secretName: string | undefined): Record<string, string> {
    if (!secretName) return {};
    const secret = Secret.fromSecretNameV2(this, 'MessagingCredentials', secretName);
    return {
      // Dynamic references: CloudFormation puts the values in at deploy time; the template only names the secret.
      ALEXA_CLIENT_ID: secret.secretValueFromJson('clientId').unsafeUnwrap(),
      ALEXA_CLIENT_SECRET: secret.secretValueFromJson('clientSecret').unsafeUnwrap(),
    };
  }
}

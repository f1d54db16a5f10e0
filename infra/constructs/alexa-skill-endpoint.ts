/**
 * The Alexa skill's endpoint: a Lambda function Alexa invokes directly (the skill's endpoint is the
 * function ARN), with a resource policy that lets exactly one skill in.
 *
 * No ALEXA_VERIFY_SIGNATURE here: request signatures exist to authenticate HTTPS endpoints. A Lambda
 * trigger is authenticated by IAM (the alexa-appkit principal plus the skill id as event source token),
 * and the handler still checks the skill id in each request when ALEXA_SKILL_ID is set.
 */
import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SkillFunction } from './skill-function';
import { grantConversationAccess } from './table-access';

export const ALEXA_PRINCIPAL = 'alexa-appkit.amazon.com';

export interface AlexaSkillEndpointProps {
  entry: string;
  projectRoot: string;
  table: ITableV2;
  alexaSkillId: string;
  catalogIndexPath: string;
  /** Replenishment priors shipped with the function, when the stack has them. */
  priorsPath?: string;
}

export class AlexaSkillEndpoint extends Construct {
  readonly function: IFunction;

  constructor(scope: Construct, id: string, props: AlexaSkillEndpointProps) {
    super(scope, id);
    const { function: fn } = new SkillFunction(this, 'Handler', {
      entry: props.entry,
      projectRoot: props.projectRoot,
      description: 'vocart Alexa skill endpoint',
      serviceName: 'vocart-alexa',
      // Alexa gives up after 8 s; stopping at 7 s leaves room for the platform round trip.
      timeout: Duration.seconds(7),
      catalogIndexPath: props.catalogIndexPath,
      ...(props.priorsPath ? { priorsPath: props.priorsPath } : {}),
      environment: {
        TABLE_NAME: props.table.tableName,
        ALEXA_SKILL_ID: props.alexaSkillId,
      },
    });
    fn.addPermission('InvokeBySkill', {
      principal: new ServicePrincipal(ALEXA_PRINCIPAL),
      action: 'lambda:InvokeFunction',
      // Without the token any skill of any developer could invoke the function.
      eventSourceToken: props.alexaSkillId,
    });
    grantConversationAccess(props.table, fn);
    this.function = fn;
  }
}

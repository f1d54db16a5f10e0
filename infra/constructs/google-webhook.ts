/**
 * The Dialogflow ES fulfillment webhook: a Lambda function behind a Function URL.
 *
 * Function URL rather than an HTTP API: Dialogflow needs one HTTPS POST endpoint and nothing else an API
 * offers (routes, authorisers, custom domains). The URL costs nothing extra, adds no hop to a 5-second
 * budget and has no API Gateway quota to tune. What it lacks is throttling and WAF in front of the code,
 * so the handler rejects a request without the shared-secret header before touching the database.
 * Auth type NONE because Dialogflow cannot sign requests with SigV4; the secret header is the auth.
 */
import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FunctionUrlAuthType, InvokeMode, type IFunction, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SkillFunction } from './skill-function';
import { grantConversationAccess } from './table-access';

export interface GoogleWebhookProps {
  entry: string;
  projectRoot: string;
  table: ITableV2;
  catalogIndexPath: string;
  /** Replenishment priors shipped with the function, when the stack has them. */
  priorsPath?: string;
  /**
   * The shared secret Dialogflow sends in a header (a NoEcho stack parameter). Delivered as an environment
   * variable: no Secrets Manager call at init, which matters on a cold start inside Dialogflow's 5 s. The
   * price: anyone allowed lambda:GetFunctionConfiguration can read it, and rotating it means a redeploy.
   */
  webhookSecret: string;
}

export class GoogleWebhook extends Construct {
  readonly function: IFunction;
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: GoogleWebhookProps) {
    super(scope, id);
    const { function: fn } = new SkillFunction(this, 'Handler', {
      entry: props.entry,
      projectRoot: props.projectRoot,
      description: 'vocart Dialogflow ES fulfillment webhook',
      serviceName: 'vocart-google',
      // Dialogflow waits 5 s for a webhook answer.
      timeout: Duration.seconds(4),
      catalogIndexPath: props.catalogIndexPath,
      ...(props.priorsPath ? { priorsPath: props.priorsPath } : {}),
      environment: {
        TABLE_NAME: props.table.tableName,
        GOOGLE_WEBHOOK_SECRET: props.webhookSecret,
      },
    });
    this.url = fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE, invokeMode: InvokeMode.BUFFERED });
    grantConversationAccess(props.table, fn);
    this.function = fn;
  }
}

/**
 * The handoff relay: the table's stream feeds a function that opens each new handoff case at the help desk and
 * passes the shopper's later messages on (lambda/handoff-relay.ts). The skill functions never call the help desk
 * themselves: a turn's latency and availability stay the table's alone.
 *
 * Only handoff case items reach the function (event filters: sort key HANDOFF#…, but not the answers item
 * HANDOFF#ANSWERS; inserts and changes, and removals of cases that were relayed, which is how a shopper's erasure
 * reaches the help desk), so carts, orders and the transcript ring cost no invocation. A relayed case that expires
 * (TTL) reaches the function too and is ignored there: telling the TTL's removal apart needs a rule on the absence of
 * the record's userIdentity, and a filter that silently matched nothing would silently erase nothing.
 * A failing record is retried in order (the function reports the first failed record, the mapping also bisects a
 * failing batch), and after the retries its stream coordinates go to a queue where an operator can see which case
 * did not arrive; the case itself stays in the built-in inbox either way. A removal in that queue is an erasure the
 * help desk did not take (a wrong or agent's token, an outage past the retries): an operator finishes it there by
 * hand, from the record's keys while the stream still holds it (24 hours).
 */
import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SkillFunction } from './skill-function';
import { grantRelayAccess } from './table-access';
// The key layout's one home: the filter must pass exactly the items the store writes as cases.
import { SK } from '../../skill/store/keys';


/** How often a failing record is tried again before it goes to the failure queue. */
export const RELAY_RETRY_ATTEMPTS = 8;

export interface HandoffRelayProps {
  entry: string;
  projectRoot: string;
  /** Must have a NEW_AND_OLD_IMAGES stream (ShopTable with `stream: true`). */
  table: ITableV2;
  dueDayIndexName: string;
  catalogIndexPath?: string;
  /** The help desk's settings and credentials (dynamic references to Secrets Manager for the secrets). */
  environment: Record<string, string>;
}

export class HandoffRelay extends Construct {
  readonly function: IFunction;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: HandoffRelayProps) {
    super(scope, id);
    const { function: fn } = new SkillFunction(this, 'Handler', {
      entry: props.entry,
      projectRoot: props.projectRoot,
      description: 'vocart handoff relay: table stream to the help desk',
      serviceName: 'vocart-handoff-relay',
      // Up to five calls to the help desk per record, each with its own deadline (HELPDESK_CALL_TIMEOUT_MS, 8 s), for a
      // batch of five: a slow but working help desk must not time the whole batch out into a retry.
      timeout: Duration.minutes(5),
      memorySizeMb: 256,
      ...(props.catalogIndexPath ? { catalogIndexPath: props.catalogIndexPath } : {}),
      environment: { TABLE_NAME: props.table.tableName, ...props.environment },
    });
    grantRelayAccess(props.table, props.dueDayIndexName, fn);

    this.failures = new Queue(this, 'Failures', {
      // Holds stream coordinates (shard, sequence numbers), not cases; two weeks to notice and replay.
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    fn.addEventSource(
      new DynamoEventSource(props.table, {
        // From the deployment on: replaying the last 24 h on a new mapping would pass shopper messages on twice.
        startingPosition: StartingPosition.LATEST,
        batchSize: 5,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: RELAY_RETRY_ATTEMPTS,
        // A case older than a day is better answered from the built-in inbox than relayed late.
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.failures),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: {
              Keys: { sk: { S: FilterRule.beginsWith(SK.handoffPrefix) } },
              // The answers item shares the prefix. Its key is also in every image, where a second rule can refuse it.
              NewImage: { sk: { S: FilterRule.notEquals(SK.handoffAnswers) } },
            },
          }),
          // A removal has only the old image; a case never relayed (no external id) leaves nothing to erase there.
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('REMOVE'),
            dynamodb: {
              Keys: { sk: { S: FilterRule.beginsWith(SK.handoffPrefix) } },
              OldImage: { sk: { S: FilterRule.notEquals(SK.handoffAnswers) }, externalId: { S: FilterRule.exists() } },
            },
          }),
        ],
      }),
    );
    this.function = fn;
  }
}

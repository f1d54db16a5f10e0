/**
 * The daily replenishment run: an EventBridge rule starts a function that pages through today's partition
 * of the due-day index. The function is safe to run twice (conditional writes), so EventBridge may retry.
 */
import { Duration } from 'aws-cdk-lib';
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
}

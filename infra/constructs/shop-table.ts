/**
 * The one DynamoDB table of the single-table design (see skill/store/keys.ts for the item layout).
 *
 * Encryption: the AWS managed key (aws/dynamodb). It adds what the default AWS-owned key lacks (every use
 * of the key shows in CloudTrail) without what a customer-managed key costs: a monthly key fee, a key
 * policy and kms:Decrypt grants to keep right, and the risk that disabling or scheduling the key for
 * deletion makes a RETAINed table unreadable. Switch to a customer-managed key when someone needs to
 * revoke access by key or to crypto-shred the data; the grants in table-access.ts would then add kms actions.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2, type ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/** Must match DUE_INDEX in skill/store/table.ts: the store queries the index by this name. */
export const DUE_DAY_INDEX = 'dueDay';

/** Items with this epoch-seconds attribute expire on their own (snoozes, handoff records, stale tokens). */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface ShopTableProps {
  /**
   * A stream of every change with its before and after image, for the handoff relay (a help desk beyond the built-in
   * inbox). Off otherwise: a stream nobody reads costs nothing, but it is one more copy of shoppers' data for 24 h.
   * Switching it on or off is a property change of the table, never a replacement.
   */
  stream?: boolean;
}

export class ShopTable extends Construct {
  readonly table: ITableV2;

  constructor(scope: Construct, id: string, props: ShopTableProps = {}) {
    super(scope, id);
    // TableV2 (AWS::DynamoDB::GlobalTable) rather than Table: adding a replica Region later is a property
    // change, whereas moving a Table to a global table means replacing the resource that holds the data.
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      ...(props.stream ? { dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES } : {}),
      // Carts and order history outlive any stack: deleting the stack or the table by hand must not take them.
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      globalSecondaryIndexes: [
        {
          // gsi1pk holds the day a replenishment falls due ("DUE#2026-11-23"), so the daily job reads one partition.
          indexName: DUE_DAY_INDEX,
          partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
          sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
        },
      ],
    });
  }
}

/**
 * The table's shape that code on the Lambda path needs to know (ensure-table.ts creates it, due-index.ts queries
 * it), kept apart from table.ts so that reading it does not load dynamoose.
 */

/** The global secondary index partitioned by the day a replenishment falls due (gsi1pk = DUE#day). */
export const DUE_INDEX = 'dueDay';

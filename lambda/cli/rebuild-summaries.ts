/**
 * Rebuilds every shopper's purchase SUMMARY and prediction basis (the states on the RHYTHM item), or one shopper's,
 * from the ORDER and LINE items of the table:
 *
 *   DYNAMODB_ENDPOINT=http://127.0.0.1:8000 TABLE_NAME=vocart npm run store:rebuild-summaries [-- --customer <id>]
 *
 * For tables written before summaries or the basis existed, or after repairing orders by hand. Safe to run again.
 * Without DYNAMODB_ENDPOINT it talks to AWS with the default credentials and AWS_REGION. The products' categories
 * come from the catalog index (CATALOG_INDEX, else the demo index). Prints counts only.
 */
import { createDynamoClient } from '../../skill/store/dynamo-client';
import { loadCatalogFile } from '../../skill/store/catalog-file';
import { rebuildSummaries } from '../../skill/store/summary-rebuild';

function customerArgument(argv: readonly string[]): string | undefined {
  const args = argv.filter((arg) => arg !== '--');
  if (args.length === 0) return undefined;
  if (args.length !== 2 || args[0] !== '--customer' || !args[1]) throw new Error('usage: store:rebuild-summaries [-- --customer <id>]');
  return args[1];
}

async function main(): Promise<void> {
  const customerId = customerArgument(process.argv.slice(2));
  const tableName = process.env.TABLE_NAME ?? 'vocart';
  // A scan of a large table takes longer than a turn's deadline allows one call.
  const client = createDynamoClient({ region: process.env.AWS_REGION ?? 'us-east-1', timeoutMs: 30_000, ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}) });
  const started = Date.now();
  const catalog = loadCatalogFile(process.env.CATALOG_INDEX || undefined);
  const result = await rebuildSummaries(client, tableName, { catalog, ...(customerId ? { customerId } : {}) });
  console.log(`rebuilt ${result.customers} summaries and ${result.bases} prediction bases from ${result.itemsRead} items in ${((Date.now() - started) / 1000).toFixed(1)} s (table ${tableName})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exitCode = 1;
});

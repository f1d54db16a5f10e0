/** `npm run demo:reset` as a developer runs it: against DYNAMODB_ENDPOINT, or through the running server. */
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../lambda/local/dynamodb-local';
import { uniqueTableName } from '../../helpers/store';
import { runCli as run } from './run-cli';

describe('npm run demo:reset', () => {
  it('resets the demo data of the database DYNAMODB_ENDPOINT names, creating the table when it is fresh', { timeout: 60_000 }, async () => {
    const { code, stdout } = await run('lambda/cli/demo-reset.ts', [], '', { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: uniqueTableName('vocart-reset') });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Demo data reset: 0 item\(s\) deleted; "demo-customer" seeded again with 10 past orders\.$/m);
  });

  it('without DYNAMODB_ENDPOINT and no server running, says how to get one', { timeout: 30_000 }, async () => {
    const { code, stderr } = await run('lambda/cli/demo-reset.ts', [], '', { PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(stderr).toMatch(/No vocart server answers at http:\/\/127\.0\.0\.1:\d+\/console\/api\/reset, and DYNAMODB_ENDPOINT is not set\. Start the server with `npm start`/);
  });
});

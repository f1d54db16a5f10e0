/**
 * The CDK app as `cdk synth` runs it (cdk.json: `npx tsx infra/app.ts`): a settings mistake ends the
 * process with one readable line and a non-zero status, before anything is bundled. One spawn only:
 * loading aws-cdk-lib through tsx takes seconds; the stack test covers the other bad values.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('infra/app.ts', () => {
  it('exits non-zero with one line naming alexaSkillId when it is missing', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'infra', 'app.ts')], {
      cwd: ROOT,
      // The CDK CLI hands context to the app through CDK_CONTEXT_JSON: here, none.
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({}) },
      encoding: 'utf8',
      timeout: 80_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^vocart: Missing context value "alexaSkillId"\. .*-c alexaSkillId=amzn1\.ask\.skill\./m);
    // A settings mistake is not a crash: no stack trace.
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});

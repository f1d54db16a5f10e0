/**
 * `npm run chat` as a developer runs it: a real process on the test run's DynamoDB Local (DYNAMODB_ENDPOINT set, so it
 * starts no database of its own), with utterances piped in.
 */
import { describe, expect, inject, it } from 'vitest';
import { uniqueTableName } from '../../helpers/store';
import { runCli as run } from './run-cli';

describe('npm run chat', () => {
  it('holds a conversation from piped input and prints the replies, with the intent understood under --verbose', { timeout: 90_000 }, async () => {
    const env = { DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: uniqueTableName('vocart-chat') };
    const { code, stdout } = await run('lambda/cli/chat.ts', ['--platform', 'dialogflow', '--locale', 'de-DE', '--verbose'], 'such nach bananen\nwas ist in meinem warenkorb\n/quit\n', env);
    expect(code).toBe(0);
    expect(stdout).toContain('vocart chat · dialogflow · de-DE · linked to the demo account');
    expect(stdout).toMatch(/vocart> Willkommen zurück bei vocart/);
    expect(stdout).toMatch(/\[SearchProductIntent \{"product":"bananen"\} \(score [\d.]+.*\) → SearchProductIntent; [\d.]+ ms\]/);
    expect(stdout).toMatch(/vocart> Ich habe Bananen, 910 g, 1,29 € gefunden/);
    expect(stdout).toMatch(/vocart> Dein Warenkorb ist leer/);
  });

  it('refuses options it does not know, with the usage', async () => {
    const { code, stderr } = await run('lambda/cli/chat.ts', ['--platform', 'siri'], '');
    expect(code).toBe(2);
    expect(stderr).toContain('--platform must be alexa or dialogflow');
    expect(stderr).toContain('usage: npm run chat');
  });
});

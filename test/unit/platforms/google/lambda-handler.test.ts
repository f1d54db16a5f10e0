import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createGoogleLambdaHandler } from '../../../../skill/platforms/google/lambda-handler';
import { SECRET_HEADER } from '../../../../skill/platforms/google/webhook';
import { RecordingLog, ScriptedCore, fixture, simpleReply } from './fakes';

function event(body: unknown, headers: Record<string, string> = {}, method = 'POST'): APIGatewayProxyEventV2 {
  return {
    body: JSON.stringify(body),
    isBase64Encoded: false,
    headers: { 'content-type': 'application/json', ...headers },
    requestContext: { http: { method } },
  } as unknown as APIGatewayProxyEventV2;
}

function setup(secret?: string) {
  const core = new ScriptedCore(() => simpleReply({ speech: 'Hello from the core.' }));
  let builds = 0;
  const handler = createGoogleLambdaHandler({
    secret: () => secret,
    buildDeps: () => {
      builds += 1;
      return { core, config: { GOOGLE_WEBHOOK_SECRET: secret }, log: new RecordingLog() };
    },
  });
  return { handler, core, builds: () => builds };
}

describe('createGoogleLambdaHandler', () => {
  it('answers a webhook call through the core and builds the app once per container', async () => {
    const { handler, core, builds } = setup();
    const first = await handler(event(fixture('assistant-welcome.en.json')));
    await handler(event(fixture('assistant-welcome.en.json')));
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body as string).fulfillmentText).toBe('Hello from the core.');
    expect(core.turns).toHaveLength(2);
    expect(builds()).toBe(1);
  });

  it('refuses a wrong secret and a GET before building anything', async () => {
    const { handler, builds } = setup('s3cret');
    expect((await handler(event({}, { [SECRET_HEADER]: 'wrong' }))).statusCode).toBe(401);
    const get = await handler(event({}, {}, 'GET'));
    expect(get.statusCode).toBe(405);
    expect(get.headers?.allow).toBe('POST');
    expect(builds()).toBe(0);
  });

  it('answers a configuration failure with a 500 that names nothing', async () => {
    const handler = createGoogleLambdaHandler({
      secret: () => {
        throw new Error('GOOGLE_WEBHOOK_SECRET is malformed');
      },
      buildDeps: () => {
        throw new Error('unreachable');
      },
    });
    const result = await handler(event({}));
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toMatch(/malformed/);
  });
});

import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogIndexMissingError, CATALOG_INDEX_PATH_IN_LAMBDA, PRIORS_PATH_IN_LAMBDA } from '../../infra/constructs/skill-function';
import { PLACEHOLDER_ALEXA_SKILL_ID, StackSettingsError } from '../../infra/stack-settings';
import { VocartStack } from '../../infra/vocart-stack';

const FIXTURE_ENTRY = path.join(import.meta.dirname, 'fixtures', 'unbundled-handler.ts');
const ENTRIES = { alexa: FIXTURE_ENTRY, google: FIXTURE_ENTRY, replenish: FIXTURE_ENTRY, inbox: FIXTURE_ENTRY, handoffRelay: FIXTURE_ENTRY };
const SKILL_ID = 'amzn1.ask.skill.3f1c9d2e-7a4b-4c1d-9e8f-0a1b2c3d4e5f';

/**
 * Bundling skipped: the tests neither need lambda/*.ts to compile nor spend seconds in esbuild. CDK's
 * built-in CloudFormation validation (seconds of WebAssembly per synth) runs once, in its own test below.
 */
function buildStack(context: Record<string, unknown>, catalogIndexPath?: string, validate = false): VocartStack {
  const app = new App({ builtinCloudFormationValidation: validate, context: { 'aws:cdk:bundling-stacks': [], ...context } });
  return new VocartStack(app, 'VocartTest', { entries: ENTRIES, ...(catalogIndexPath ? { catalogIndexPath } : {}) });
}

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

function onlyResource(template: Template, type: string, props?: unknown): [string, Resource] {
  const found = Object.entries(template.findResources(type, props ? { Properties: props } : undefined));
  expect(found, `expected exactly one ${type}`).toHaveLength(1);
  return found[0] as [string, Resource];
}

function functionOf(template: Template, serviceName: string): [string, Resource] {
  return onlyResource(template, 'AWS::Lambda::Function', {
    Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: serviceName }) },
  });
}

/** Every policy statement attached to the role of the given function. */
function statementsOf(template: Template, fn: Resource): Array<{ Action: string | string[]; Resource: unknown }> {
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
  return policies
    .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

const actionsOf = (statement: { Action: string | string[] }) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

describe('VocartStack', () => {
  let template: Template;
  let tableId: string;

  beforeAll(() => {
    template = Template.fromStack(buildStack({ alexaSkillId: SKILL_ID }));
    [tableId] = onlyResource(template, 'AWS::DynamoDB::GlobalTable');
  });

  describe('table', () => {
    it('is keyed pk/sk (strings), on demand, with TTL on expiresAt', () => {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ]),
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      });
    });

    it('has point-in-time recovery and KMS encryption with the AWS managed key', () => {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      });
      const [, table] = onlyResource(template, 'AWS::DynamoDB::GlobalTable');
      // A customer-managed key would show up as a KMSMasterKeyId; this stack deliberately has none.
      expect(JSON.stringify(table.Properties)).not.toContain('KMSMasterKeyId');
    });

    it('has the dueDay index keyed gsi1pk/gsi1sk (strings)', () => {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'S' },
        ]),
        GlobalSecondaryIndexes: [
          Match.objectLike({
            IndexName: 'dueDay',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
          }),
        ],
      });
    });

    it('survives deleting the stack, and its name is a stack output', () => {
      template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      template.hasOutput('TableName', { Value: { Ref: tableId } });
    });
  });

  describe('functions', () => {
    it.each([
      ['vocart-alexa', 7],
      ['vocart-google', 4],
      ['vocart-replenish', 300],
      ['vocart-inbox', 10],
    ])('%s runs Node.js 22 on arm64 with a %i s timeout, source maps on, no reserved concurrency', (service, timeout) => {
      const [, fn] = functionOf(template, service);
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: timeout,
        MemorySize: 512,
      });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        TABLE_NAME: { Ref: tableId },
        LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      });
      expect(fn.Properties).not.toHaveProperty('ReservedConcurrentExecutions');
    });

    it.each(['vocart-alexa', 'vocart-google', 'vocart-replenish', 'vocart-inbox'])('%s logs to its own group kept 30 days', (service) => {
      const [, fn] = functionOf(template, service);
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      expect(template.toJSON().Resources[logGroupId]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 30 },
      });
    });

    it('gives the Alexa function the skill id and the bundled catalog index, without signature verification', () => {
      const [, fn] = functionOf(template, 'vocart-alexa');
      const env = fn.Properties.Environment.Variables;
      expect(env).toMatchObject({ ALEXA_SKILL_ID: SKILL_ID, CATALOG_INDEX: CATALOG_INDEX_PATH_IN_LAMBDA });
      expect(env).not.toHaveProperty('ALEXA_VERIFY_SIGNATURE');
    });

    it('lets only the configured skill invoke the Alexa function', () => {
      const [alexaId] = functionOf(template, 'vocart-alexa');
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'alexa-appkit.amazon.com',
        EventSourceToken: SKILL_ID,
        FunctionName: { 'Fn::GetAtt': [alexaId, 'Arn'] },
      });
      const alexaPermissions = Object.values(template.findResources('AWS::Lambda::Permission', {
        Properties: { Principal: 'alexa-appkit.amazon.com' },
      })) as Resource[];
      expect(alexaPermissions.every((permission) => permission.Properties.EventSourceToken === SKILL_ID)).toBe(true);
    });

    it('serves the Google webhook on a public Function URL and hands it the NoEcho secret parameter', () => {
      const [googleId, fn] = functionOf(template, 'vocart-google');
      const [urlId] = onlyResource(template, 'AWS::Lambda::Url', { AuthType: 'NONE', TargetFunctionArn: { 'Fn::GetAtt': [googleId, 'Arn'] } });
      template.hasOutput('GoogleWebhookUrl', { Value: { 'Fn::GetAtt': [urlId, 'FunctionUrl'] } });
      template.hasParameter('GoogleWebhookSecret', { Type: 'String', NoEcho: true, MinLength: 16 });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        GOOGLE_WEBHOOK_SECRET: { Ref: 'GoogleWebhookSecret' },
        CATALOG_INDEX: CATALOG_INDEX_PATH_IN_LAMBDA,
      });
    });

    it('starts the replenishment function every day at 06:00 UTC', () => {
      const [replenishId] = functionOf(template, 'vocart-replenish');
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: 'cron(0 6 * * ? *)',
        State: 'ENABLED',
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [replenishId, 'Arn'] } })],
      });
      const [ruleId] = onlyResource(template, 'AWS::Events::Rule');
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Principal: 'events.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [replenishId, 'Arn'] },
        SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
      });
    });
  });

  describe('least privilege', () => {
    it('grants no wildcard, scan or table administration anywhere', () => {
      const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
      expect(policies.length).toBeGreaterThanOrEqual(3);
      const actions = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement.flatMap(actionsOf));
      const forbidden = /^dynamodb:(\*|Scan|DeleteTable|CreateTable|UpdateTable|DescribeTable)$|\*$/;
      expect(actions.filter((action) => forbidden.test(action))).toEqual([]);
    });

    it.each(['vocart-alexa', 'vocart-google'])('%s reads and writes items of the table only, not its indexes', (service) => {
      const [, fn] = functionOf(template, service);
      const statements = statementsOf(template, fn);
      expect(statements.map((statement) => statement.Resource)).toEqual(statements.map(() => ({ 'Fn::GetAtt': [tableId, 'Arn'] })));
      expect(new Set(statements.flatMap(actionsOf))).toEqual(
        new Set([
          'dynamodb:GetItem',
          'dynamodb:BatchGetItem',
          'dynamodb:Query',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
        ]),
      );
    });

    it('lets the replenishment function query only the dueDay index, batch-read consents and update claims', () => {
      const [, fn] = functionOf(template, 'vocart-replenish');
      const statements = statementsOf(template, fn);
      const indexArn = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/dueDay']] };
      const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
      const byResource = (resource: unknown) =>
        new Set(statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(resource)).flatMap(actionsOf));
      expect(byResource(indexArn)).toEqual(new Set(['dynamodb:Query']));
      expect(byResource(tableArn)).toEqual(new Set(['dynamodb:BatchGetItem', 'dynamodb:UpdateItem']));
      // Nothing else: no PutItem, no Secrets Manager (credentials arrive through dynamic references).
      expect(statements.flatMap(actionsOf)).toHaveLength(3);
    });
  });

  describe('skill messaging credentials', () => {
    it('without alexaMessagingSecret leaves them out of the replenishment function and warns', () => {
      const [, fn] = functionOf(template, 'vocart-replenish');
      expect(fn.Properties.Environment.Variables).not.toHaveProperty('ALEXA_CLIENT_ID');
      expect(fn.Properties.Environment.Variables).not.toHaveProperty('ALEXA_CLIENT_SECRET');
      Annotations.fromStack(buildStack({ alexaSkillId: SKILL_ID })).hasWarning('*', Match.stringLikeRegexp('alexaMessagingSecret'));
    });

    it('with alexaMessagingSecret resolves both values from the secret at deploy time, only for the replenishment function', () => {
      const withSecret = Template.fromStack(buildStack({ alexaSkillId: SKILL_ID, alexaMessagingSecret: 'vocart/alexa-messaging' }));
      const [, fn] = functionOf(withSecret, 'vocart-replenish');
      const env = JSON.stringify(fn.Properties.Environment.Variables);
      expect(env).toMatch(/\{\{resolve:secretsmanager:.*vocart\/alexa-messaging.*:SecretString:clientId::\}\}/);
      expect(env).toMatch(/\{\{resolve:secretsmanager:.*vocart\/alexa-messaging.*:SecretString:clientSecret::\}\}/);
      for (const service of ['vocart-alexa', 'vocart-google']) {
        const [, other] = functionOf(withSecret, service);
        expect(JSON.stringify(other.Properties.Environment.Variables)).not.toContain('secretsmanager');
      }
      // Only the inbox reads a secret at run time (its own token); the messaging credentials need no grant.
      const [, replenish] = functionOf(withSecret, 'vocart-replenish');
      expect(JSON.stringify(statementsOf(withSecret, replenish))).not.toContain('secretsmanager:');
    });

    it('refuses a secret name Secrets Manager would not accept', () => {
      expect(() => buildStack({ alexaSkillId: SKILL_ID, alexaMessagingSecret: 'no spaces allowed' })).toThrow(/not a Secrets Manager secret name/);
    });
  });
});

const CHATWOOT_CONTEXT = {
  alexaSkillId: SKILL_ID,
  helpdesk: 'chatwoot',
  chatwootBaseUrl: 'https://chatwoot.shop.example/',
  chatwootAccountId: '7',
  chatwootInboxId: 3,
  chatwootSecret: 'vocart/chatwoot',
};

const secretStatements = (template: Template, fn: Resource) =>
  statementsOf(template, fn).filter((statement) => actionsOf(statement).some((action) => action.startsWith('secretsmanager:')));

describe('VocartStack agent inbox', () => {
  let template: Template;
  let tableId: string;

  beforeAll(() => {
    template = Template.fromStack(buildStack({ alexaSkillId: SKILL_ID }));
    [tableId] = onlyResource(template, 'AWS::DynamoDB::GlobalTable');
  });

  it('serves the inbox API on a Function URL the code authenticates (auth NONE), without CORS, and prints its URL', () => {
    const [inboxId] = functionOf(template, 'vocart-inbox');
    const [urlId, url] = onlyResource(template, 'AWS::Lambda::Url', { TargetFunctionArn: { 'Fn::GetAtt': [inboxId, 'Arn'] } });
    expect(url.Properties).toMatchObject({ AuthType: 'NONE', InvokeMode: 'BUFFERED' });
    expect(url.Properties).not.toHaveProperty('Cors');
    template.hasOutput('InboxUrl', { Value: { 'Fn::GetAtt': [urlId, 'FunctionUrl'] } });
  });

  it('generates the bearer token in Secrets Manager: 48 letters and digits, nothing a header must escape', () => {
    const [secretId, secret] = onlyResource(template, 'AWS::SecretsManager::Secret');
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true, IncludeSpace: false });
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
    template.hasOutput('InboxTokenSecretArn', { Value: { Ref: secretId } });
    const [, fn] = functionOf(template, 'vocart-inbox');
    expect(fn.Properties.Environment.Variables).toMatchObject({ CONSOLE_TOKEN_SECRET_ARN: { Ref: secretId }, TABLE_NAME: { Ref: tableId } });
    // The token itself is never in an environment.
    expect(fn.Properties.Environment.Variables).not.toHaveProperty('CONSOLE_TOKEN');
  });

  it('lets the inbox function, and no other, read the token secret', () => {
    const [secretId] = onlyResource(template, 'AWS::SecretsManager::Secret');
    const [, inbox] = functionOf(template, 'vocart-inbox');
    const reads = secretStatements(template, inbox);
    expect(reads).toHaveLength(1);
    expect(new Set(actionsOf(reads[0]!))).toEqual(new Set(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']));
    expect(reads[0]!.Resource).toEqual({ Ref: secretId });
    for (const service of ['vocart-alexa', 'vocart-google', 'vocart-replenish']) {
      expect(secretStatements(template, functionOf(template, service)[1]), service).toEqual([]);
    }
  });

  it('lets the inbox read and write case items and query the dueDay index (where cases are filed by state), nothing more', () => {
    const [, fn] = functionOf(template, 'vocart-inbox');
    const statements = statementsOf(template, fn).filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
    const indexArn = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/dueDay']] };
    const byResource = (resource: unknown) =>
      new Set(statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(resource)).flatMap(actionsOf));
    expect(byResource(indexArn)).toEqual(new Set(['dynamodb:Query']));
    expect(byResource({ 'Fn::GetAtt': [tableId, 'Arn'] })).toEqual(
      new Set(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem']),
    );
  });

  it('without a help desk: no stream on the table, no relay, no help-desk settings in the inbox', () => {
    const [, table] = onlyResource(template, 'AWS::DynamoDB::GlobalTable');
    expect(table.Properties).not.toHaveProperty('StreamSpecification');
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 0);
    template.resourceCountIs('AWS::SQS::Queue', 0);
    expect(Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'vocart-handoff-relay' }) } } }))).toEqual([]);
    expect(functionOf(template, 'vocart-inbox')[1].Properties.Environment.Variables).not.toHaveProperty('HELPDESK');
    expect(Object.keys(template.toJSON().Outputs)).not.toContain('ChatwootWebhookUrl');
  });
});

describe('VocartStack with helpdesk=chatwoot', () => {
  let template: Template;
  let tableId: string;

  beforeAll(() => {
    template = Template.fromStack(buildStack(CHATWOOT_CONTEXT));
    [tableId] = onlyResource(template, 'AWS::DynamoDB::GlobalTable');
  });

  it('gives the table a stream with old and new images', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
  });

  it('feeds the relay only handoff case items (not the answers item): inserts, changes and removals of relayed cases, from the deployment on', () => {
    const [relayId] = functionOf(template, 'vocart-handoff-relay');
    const [, mapping] = onlyResource(template, 'AWS::Lambda::EventSourceMapping');
    expect(mapping.Properties).toMatchObject({
      FunctionName: { Ref: relayId },
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      StartingPosition: 'LATEST',
    });
    const patterns = (mapping.Properties.FilterCriteria.Filters as Array<{ Pattern: string }>).map((filter) => JSON.parse(filter.Pattern));
    expect(patterns).toEqual([
      {
        eventName: ['INSERT', 'MODIFY'],
        dynamodb: {
          Keys: { sk: { S: [{ prefix: 'HANDOFF#' }] } },
          NewImage: { sk: { S: [{ 'anything-but': ['HANDOFF#ANSWERS'] }] } },
        },
      },
      {
        // A shopper's erasure removes their relayed cases: the relay erases them at the help desk too.
        eventName: ['REMOVE'],
        dynamodb: {
          Keys: { sk: { S: [{ prefix: 'HANDOFF#' }] } },
          OldImage: { sk: { S: [{ 'anything-but': ['HANDOFF#ANSWERS'] }] }, externalId: { S: [{ exists: true }] } },
        },
      },
    ]);
  });

  it('retries a failing record in order, bisects a failing batch, and sends what still fails to an encrypted queue', () => {
    const [, mapping] = onlyResource(template, 'AWS::Lambda::EventSourceMapping');
    const [queueId, queue] = onlyResource(template, 'AWS::SQS::Queue');
    expect(mapping.Properties).toMatchObject({
      BatchSize: 5,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 8,
      MaximumRecordAgeInSeconds: 86400,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86400 });
    const [, relay] = functionOf(template, 'vocart-handoff-relay');
    // A batch of slow help-desk calls fits: five records, five calls of at most 8 s each.
    expect(relay.Properties.Timeout).toBe(300);
    const sends = statementsOf(template, relay).filter((statement) => actionsOf(statement).includes('sqs:SendMessage'));
    expect(sends.map((statement) => statement.Resource)).toEqual([{ 'Fn::GetAtt': [queueId, 'Arn'] }]);
  });

  it('hands the relay the Chatwoot settings and both secrets as deploy-time references, and the inbox only the webhook secret', () => {
    const [, relay] = functionOf(template, 'vocart-handoff-relay');
    const [, inbox] = functionOf(template, 'vocart-inbox');
    const relayEnv = relay.Properties.Environment.Variables;
    const inboxEnv = inbox.Properties.Environment.Variables;
    const settings = {
      HELPDESK: 'chatwoot',
      CHATWOOT_BASE_URL: 'https://chatwoot.shop.example',
      CHATWOOT_ACCOUNT_ID: '7',
      CHATWOOT_INBOX_ID: '3',
      TABLE_NAME: { Ref: tableId },
    };
    expect(relayEnv).toMatchObject(settings);
    expect(inboxEnv).toMatchObject(settings);
    const reference = (key: string) => new RegExp(`\\{\\{resolve:secretsmanager:.*vocart/chatwoot.*:SecretString:${key}::\\}\\}`);
    expect(JSON.stringify(relayEnv.CHATWOOT_API_TOKEN)).toMatch(reference('apiToken'));
    expect(JSON.stringify(relayEnv.CHATWOOT_WEBHOOK_SECRET)).toMatch(reference('webhookSecret'));
    expect(JSON.stringify(inboxEnv.CHATWOOT_WEBHOOK_SECRET)).toMatch(reference('webhookSecret'));
    expect(inboxEnv).not.toHaveProperty('CHATWOOT_API_TOKEN');
    for (const service of ['vocart-alexa', 'vocart-google', 'vocart-replenish']) {
      const env = JSON.stringify(functionOf(template, service)[1].Properties.Environment.Variables);
      expect(env, service).not.toContain('CHATWOOT');
    }
    // Dynamic references need no run-time grant: the relay reads no secret itself.
    expect(secretStatements(template, relay)).toEqual([]);
  });

  it("lets the relay read the table's stream, find and read a case, and link it; nothing else on the table", () => {
    const [, relay] = functionOf(template, 'vocart-handoff-relay');
    const statements = statementsOf(template, relay).filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    const indexArn = { 'Fn::Join': ['', [tableArn, '/index/dueDay']] };
    const streamArn = { 'Fn::GetAtt': [tableId, 'StreamArn'] };
    const byResource = (resource: unknown) =>
      new Set(statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(resource)).flatMap(actionsOf));
    expect(byResource(tableArn)).toEqual(new Set(['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem']));
    expect(byResource(indexArn)).toEqual(new Set(['dynamodb:Query']));
    expect(byResource(streamArn)).toEqual(new Set(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams']));
  });

  it('prints the webhook URL to enter in the Chatwoot inbox', () => {
    const [inboxId] = functionOf(template, 'vocart-inbox');
    const [urlId] = onlyResource(template, 'AWS::Lambda::Url', { TargetFunctionArn: { 'Fn::GetAtt': [inboxId, 'Arn'] } });
    template.hasOutput('ChatwootWebhookUrl', { Value: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [urlId, 'FunctionUrl'] }, 'api/helpdesk/chatwoot']] } });
  });

  it.each([
    ['an unknown help desk', { helpdesk: 'zendesk' }, /use inbox .* or chatwoot/],
    ['a missing secret name', { chatwootSecret: '' }, /needs chatwootSecret/],
    ['a plain-HTTP URL', { chatwootBaseUrl: 'http://chatwoot.shop.example' }, /not an https:\/\/ URL/],
    ['an account id that is no number', { chatwootAccountId: 'seven' }, /not a Chatwoot id/],
    ['a secret name with spaces', { chatwootSecret: 'vocart chatwoot' }, /not a Secrets Manager secret name/],
  ])('refuses %s with a sentence that says how to fix it', (_label, change, message) => {
    expect(() => buildStack({ ...CHATWOOT_CONTEXT, ...change })).toThrow(StackSettingsError);
    expect(() => buildStack({ ...CHATWOOT_CONTEXT, ...change })).toThrow(message);
  });
});

describe('VocartStack template', () => {
  it('passes CloudFormation validation, with findings treated as errors', () => {
    const stack = buildStack({ alexaSkillId: SKILL_ID, '@aws-cdk/core:validateAgainstDefaultRules': true }, undefined, true);
    expect(() => Template.fromStack(stack)).not.toThrow();
  }, 90_000);

  it('passes CloudFormation validation with the Chatwoot relay too (stream, filter, failure queue)', () => {
    const stack = buildStack({ ...CHATWOOT_CONTEXT, '@aws-cdk/core:validateAgainstDefaultRules': true }, undefined, true);
    expect(() => Template.fromStack(stack)).not.toThrow();
  }, 90_000);
});

describe('VocartStack settings', () => {
  it('refuses to synthesize without alexaSkillId and says how to pass it', () => {
    expect(() => buildStack({})).toThrow(StackSettingsError);
    expect(() => buildStack({})).toThrow(/Missing context value "alexaSkillId".*-c alexaSkillId=amzn1\.ask\.skill\./);
  });

  it.each([
    ['another id format', 'amzn1.echo-sdk-ams.app.3f1c9d2e-7a4b-4c1d-9e8f-0a1b2c3d4e5f'],
    ['a truncated uuid', 'amzn1.ask.skill.3f1c9d2e-7a4b'],
    ['upper case, which Lambda would never match', SKILL_ID.toUpperCase().replace('AMZN1.ASK.SKILL.', 'amzn1.ask.skill.')],
    ['a number', 12345],
  ])('refuses %s as alexaSkillId', (_label, value) => {
    expect(() => buildStack({ alexaSkillId: value })).toThrow(/not an Alexa skill id/);
  });

  it('accepts the documented placeholder but warns that no skill can invoke the function', () => {
    const stack = buildStack({ alexaSkillId: PLACEHOLDER_ALEXA_SKILL_ID });
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('placeholder'));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Permission', { EventSourceToken: PLACEHOLDER_ALEXA_SKILL_ID });
  });

  it('does not warn about a real skill id', () => {
    const stack = buildStack({ alexaSkillId: SKILL_ID });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('placeholder'));
  });

  it('stops a bundling synth whose catalog index is missing, naming the command that builds it', () => {
    const missing = path.join(import.meta.dirname, 'fixtures', 'no-such-index.json');
    // No bundling-stacks context: this stack would be bundled, so the index is required.
    const build = () =>
      new VocartStack(new App({ context: { alexaSkillId: SKILL_ID } }), 'VocartBundled', { entries: ENTRIES, catalogIndexPath: missing });
    expect(build).toThrow(CatalogIndexMissingError);
    expect(build).toThrow(/npm run catalog:build/);
  });

  it('ships replenishment priors with both conversation functions when given, and not with the daily run', () => {
    const template = Template.fromStack(buildStack({ alexaSkillId: SKILL_ID, replenishmentPriors: 'priors.json' }));
    for (const service of ['vocart-alexa', 'vocart-google']) {
      expect(functionOf(template, service)[1].Properties.Environment.Variables).toMatchObject({ REPLENISHMENT_PRIORS: PRIORS_PATH_IN_LAMBDA });
    }
    expect(functionOf(template, 'vocart-replenish')[1].Properties.Environment.Variables).not.toHaveProperty('REPLENISHMENT_PRIORS');
    const without = Template.fromStack(buildStack({ alexaSkillId: SKILL_ID }));
    expect(functionOf(without, 'vocart-alexa')[1].Properties.Environment.Variables).not.toHaveProperty('REPLENISHMENT_PRIORS');
  });

  it('stops a bundling synth whose priors file is missing, naming the command that builds it', () => {
    const build = () =>
      new VocartStack(new App({ context: { alexaSkillId: SKILL_ID, replenishmentPriors: 'no-such-priors.json' } }), 'VocartPriors', { entries: ENTRIES });
    expect(build).toThrow(StackSettingsError);
    expect(build).toThrow(/npm run replenish:priors/);
  });

  it('ignores a missing catalog index when bundling is skipped', () => {
    const missing = path.join(import.meta.dirname, 'fixtures', 'no-such-index.json');
    expect(() => buildStack({ alexaSkillId: SKILL_ID }, missing)).not.toThrow();
  });
});

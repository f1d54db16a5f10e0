/**
 * Starts one DynamoDB Local for the whole test run (unless DYNAMODB_ENDPOINT points at one already) and
 * hands its endpoint to the test files through vitest's provide/inject.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../lambda/local/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let running: RunningDynamoDb | undefined;

export async function setup(project: TestProject): Promise<void> {
  const given = process.env.DYNAMODB_ENDPOINT;
  if (given) {
    project.provide('dynamoEndpoint', given);
    return;
  }
  running = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', running.endpoint);
}

export async function teardown(): Promise<void> {
  await running?.stop();
}

/**
 * The one DynamoDB client of a process, with deadlines well inside Alexa's 8 s and Dialogflow's 5 s, so a slow
 * database turns into a spoken apology instead of a platform timeout.
 */
import dynamoose from 'dynamoose';

export interface DynamoSettings {
  region: string;
  endpoint?: string;
  timeoutMs: number;
}

export function createDynamoClient(settings: DynamoSettings) {
  const local = settings.endpoint !== undefined;
  return new dynamoose.aws.ddb.DynamoDB({
    region: settings.region,
    maxAttempts: 2,
    // throwOnRequestTimeout: without it the SDK only warns and keeps waiting past the deadline.
    requestHandler: { requestTimeout: settings.timeoutMs, connectionTimeout: Math.min(settings.timeoutMs, 1000), throwOnRequestTimeout: true },
    ...(local
      ? {
          endpoint: settings.endpoint,
          // DynamoDB Local accepts any key; real AWS uses the default credential chain.
          credentials: {
            accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
            secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
          },
        }
      : {}),
  });
}

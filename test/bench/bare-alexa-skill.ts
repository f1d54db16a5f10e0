/**
 * The yardstick of `npm run bench:cold`: the smallest honest Alexa skill on the same stack, ask-sdk-core with
 * one handler that makes the one DynamoDB Query a vocart turn makes (the customer's partition), bundled with
 * vocart's own options. vocart's cold start is reported as a multiple of this one's.
 */
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { SkillBuilders } from 'ask-sdk-core';

const client = new DynamoDBClient({});

export const handler = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: () => true,
    async handle(input) {
      const userId = input.requestEnvelope.context.System.user.userId;
      const result = await client.send(
        new QueryCommand({
          TableName: process.env.TABLE_NAME ?? 'vocart',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: `CUSTOMER#${userId}` } },
          Limit: 20,
        }),
      );
      return input.responseBuilder.speak(`Welcome. ${result.Count ?? 0} items.`).reprompt('What would you like?').getResponse();
    },
  })
  .lambda();

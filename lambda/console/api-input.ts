/** The console API's inputs, checked before any work: a bad one is a 400 with a reason, never a stack trace. */
import { z } from 'zod';
import { LOCALES, PLATFORMS } from './simulator/types';

export const newConversationInput = z
  .object({
    platform: z.enum(PLATFORMS),
    locale: z.enum(LOCALES),
    screen: z.boolean().default(true),
    linked: z.boolean().default(true),
    returning: z.boolean().default(false),
    /** Open the session with a launch right away. */
    launch: z.boolean().default(true),
  })
  .strict();

export const turnInput = z.union([
  z.object({ say: z.string().trim().min(1, 'say is empty').max(500, 'say is longer than 500 characters') }).strict(),
  z.object({ launch: z.literal(true) }).strict(),
]);

/** A customer id as the skill writes them: the demo account's, or platform:userId. */
export const stateQuery = z
  .object({
    shopper: z.string().min(1).max(256).regex(/^[\w.:@-]+$/, 'shopper is not a customer id').optional(),
    conversation: z.string().uuid('conversation is not a conversation id').optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict()
  .refine((query) => query.shopper !== undefined || query.conversation !== undefined, 'give shopper or conversation');

export const conversationId = z.string().uuid('not a conversation id');

export class ApiInputError extends Error {
  readonly status = 400;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiInputError';
  }
}

/** Parses or throws an ApiInputError naming the first problem (field and rule, never the value sent). */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new ApiInputError(`${where}${issue?.message ?? 'invalid input'}`, { cause: parsed.error });
}

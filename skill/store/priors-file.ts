/**
 * The replenishment priors from a file built by `npm run replenish:priors`, read once per process. Without a
 * file the skill predicts from each shopper's own history alone.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { validationMessage } from '../validation-messages';
import { emptyPriors, type ReplenishmentPriors } from '../core/replenishment/priors';

export class PriorsFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PriorsFileError';
  }
}

const gap = z.object({ customers: z.number(), meanSum: z.number(), meanSumSq: z.number(), withinSS: z.number(), withinDf: z.number() });
const tally = z.object({ buyers: z.number(), repeatBuyers: z.number(), purchases: z.number(), opportunities: z.number(), dayGaps: gap, orderGaps: gap });
/** zod/mini keeps this module off the full zod on the Lambdas' cold path; its messages are vocart's (validation-messages.ts). */
const priorsSchema = z.object({
  version: z.literal(1),
  customers: z.number(),
  orders: z.number(),
  lines: z.number(),
  repeatLines: z.number(),
  rhythm: gap,
  all: tally,
  products: z.record(z.string(), z.extend(tally, { categoryId: z.optional(z.string()) })),
  categories: z.record(z.string(), tally),
});

export function loadPriorsFile(path: string | undefined): ReplenishmentPriors {
  if (!path) return emptyPriors();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PriorsFileError(`Cannot read replenishment priors at ${path}; build them with \`npm run replenish:priors\` or unset REPLENISHMENT_PRIORS.`, { cause: error });
  }
  const parsed = z.safeParse(priorsSchema, json, { error: validationMessage });
  if (!parsed.success) {
    throw new PriorsFileError(`${path} is not a replenishment priors file (version 1): ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
  }
  return parsed.data as ReplenishmentPriors;
}

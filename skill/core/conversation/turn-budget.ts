/**
 * How long a turn may take before the shopper hears an apology instead: well inside what each platform waits
 * (Alexa 8 s, Dialogflow 5 s), leaving room for the network and the platform's own work.
 */
import type { Platform } from '../turn';

export const TURN_BUDGET_MS: Readonly<Record<Platform, number>> = { alexa: 7000, google: 4000 };

/** Raised when a turn's budget is spent; the engine answers with an apology and keeps the session. */
export class TurnBudgetExceededError extends Error {
  constructor(readonly budgetMs: number) {
    super(`turn took longer than ${budgetMs} ms`);
    this.name = 'TurnBudgetExceededError';
  }
}

/** Resolves with `work`, or rejects with TurnBudgetExceededError when `deadline` (epoch ms) passes first. */
export async function withinBudget<T>(work: Promise<T>, deadline: number, budgetMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TurnBudgetExceededError(budgetMs)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

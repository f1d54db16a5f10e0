/**
 * The problems with a delivered order a shopper can name ("my order arrived damaged", "items are missing"): the ids
 * the interaction models resolve the OrderProblemIntent's `problem` slot to, and what a case records.
 */
export const ORDER_PROBLEMS = ['damaged', 'missing', 'wrong', 'late'] as const;
export type OrderProblem = (typeof ORDER_PROBLEMS)[number];

/** The problem a slot resolved to, if it is one of ours (a raw word is not trusted to be an id). */
export function orderProblemOf(ids: readonly string[] | undefined): OrderProblem | undefined {
  return ids?.find((id): id is OrderProblem => (ORDER_PROBLEMS as readonly string[]).includes(id));
}

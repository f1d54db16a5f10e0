/** Search, "more", choosing from what was read out ("the second one", "the cheaper one"), and the one-result offer. */
import { choiceOf } from '../../i18n/vocabulary';
import type { Reply } from '../../turn';
import type { QuestionAnswers } from '../answers';
import type { TurnContext } from '../context';
import { parseOrdinal } from '../numbers';
import { personalWeights } from '../personal';
import { addProduct } from '../steps/cart-writes';
import { chooseFromResults, offerPlainInstead, readResults, readResultsPage, RESULTS_KEPT, RESULTS_PER_PAGE } from '../steps/result-list';

export async function searchProducts(ctx: TurnContext): Promise<Reply> {
  const query = ctx.turn.slots.product?.raw?.trim();
  if (!query) return ctx.ask(ctx.msg.whatProduct, ctx.msg.whatProduct, { ask: { kind: 'elicit', slot: 'product' } });
  const hits = ctx.deps.catalog.search(query, { locale: ctx.locale, limit: RESULTS_KEPT, personal: await personalWeights(ctx) });
  if (hits.length === 0) {
    delete ctx.session.lastResults;
    delete ctx.session.resultOffset;
    const plain = await offerPlainInstead(ctx, query);
    if (plain) return plain;
    ctx.missed = true;
    return ctx.ask(ctx.msg.notFound(query), ctx.msg.helpReprompt);
  }
  return readResults(ctx, query, hits.map((hit) => hit.product.id));
}

export async function more(ctx: TurnContext): Promise<Reply> {
  const results = ctx.session.lastResults ?? [];
  const next = (ctx.session.resultOffset ?? 0) + RESULTS_PER_PAGE;
  if (results.length === 0) return ctx.ask(ctx.msg.noResultsToChoose, ctx.msg.helpReprompt);
  if (next >= results.length) return ctx.ask(ctx.msg.noMoreResults, ctx.msg.whichOne);
  ctx.session.resultOffset = next;
  return readResultsPage(ctx);
}

export async function selectItem(ctx: TurnContext): Promise<Reply> {
  const choiceSlot = ctx.turn.slots.choice;
  const words = [ctx.turn.slots.ordinal?.raw, choiceSlot?.raw].filter(Boolean).join(' ');
  const choice = chooseFromResults(ctx, words, choiceSlot, await personalWeights(ctx));
  if (choice === undefined) {
    // "The second one" with no list heard: nothing to point at.
    ctx.missed = true;
    return ctx.ask(ctx.msg.noResultsToChoose, ctx.msg.helpReprompt);
  }
  if (choice === null) {
    const position = parseOrdinal(words, ctx.locale);
    // A choice that fits none of them ("the other one" after a single result) is not a number missing from the list.
    if (position === undefined || choiceOf(choiceSlot, ctx.locale) !== undefined) return ctx.ask(ctx.msg.noMoreResults, ctx.msg.whichOne);
    return ctx.ask(ctx.msg.noSuchChoice(position), ctx.msg.whichOne);
  }
  return addProduct(ctx, choice, 1);
}

/** "I found one: X. Shall I add it?" — the yes adds exactly the product and quantity offered. */
export const addOfferAnswers: QuestionAnswers<'add'> = {
  async yes(ctx, question) {
    const product = ctx.deps.catalog.get(question.productId);
    if (!product) return ctx.ask(ctx.msg.noResultsToChoose, ctx.msg.helpReprompt);
    return addProduct(ctx, product, question.quantity);
  },
  async no(ctx) {
    return ctx.ask(ctx.msg.cancelledPending, ctx.msg.helpReprompt);
  },
};

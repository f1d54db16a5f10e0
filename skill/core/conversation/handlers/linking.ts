/**
 * Linking a conversation to a shop account by a one-time code ("my link code is 4 8 1 5 2 3"): the way in on a
 * surface that has no OAuth and no app for a linking card (a web chat, a phone line), and on any other too.
 * The code is never logged and never said back.
 */
import { canSendLinkingCard, type Locale, type Reply } from '../../turn';
import { parseCardinal } from '../numbers';
import type { TurnContext } from '../context';
import { joinAccount, platformIdentity } from '../steps/identities';

/** Digits in a link code. */
export const LINK_CODE_LENGTH = 6;

/**
 * The digits of a code as it arrives: typed ("481523", "481 523") or said word by word ("four eight one five two
 * three", "vier acht eins fünf zwei drei"), each word read by the core's number parser; undefined unless the
 * digits make exactly one code.
 */
export function linkCodeOf(said: string | undefined, locale: Locale): string | undefined {
  if (!said) return undefined;
  let digits = '';
  for (const word of said.toLowerCase().split(/[\s,.;:\-–/]+/).filter(Boolean)) {
    if (/^\d+$/.test(word)) {
      // Typed digits keep their leading zeros, which a number would drop.
      digits += word;
      continue;
    }
    const value = parseCardinal(word, locale);
    // Only single digits said one by one: "one" also stands for the article, and a count is not part of a code.
    if (value === undefined || value > 9 || !/^\p{L}+$/u.test(word)) return undefined;
    digits += String(value);
  }
  return digits.length === LINK_CODE_LENGTH ? digits : undefined;
}

/** A PIN-shaped turn that carries six digits, said with no PIN question pending, is a link code. */
export function looksLikeLinkCode(raw: string | undefined, locale: Locale): boolean {
  return linkCodeOf(raw, locale) !== undefined;
}

export async function linkAccountIntent(ctx: TurnContext): Promise<Reply> {
  if (await ctx.isLinked()) return ctx.ask(ctx.msg.linkCodeAlreadyLinked, ctx.msg.anythingElse);
  const links = ctx.deps.links;
  if (!links) {
    // Without the code store only the platform's own linking is left.
    return canSendLinkingCard(ctx.turn.device) ? ctx.tell(ctx.msg.linkAccount, { linkAccount: true }) : ctx.ask(ctx.msg.trouble, ctx.msg.helpReprompt);
  }
  const code = linkCodeOf(ctx.turn.slots.code?.raw ?? ctx.turn.slots.pin?.raw, ctx.locale);
  if (!code) return ctx.ask(ctx.msg.linkCodeAsk, ctx.msg.linkCodeAsk);
  const redeemed = await links.redeemCode(code, platformIdentity(ctx));
  switch (redeemed.result) {
    case 'linked': {
      ctx.deps.log.info('conversation linked by code', { platform: ctx.turn.customer.platform });
      const carried = await joinAccount(ctx, redeemed.customerId);
      return ctx.ask([ctx.msg.linkCodeLinked, carried].filter(Boolean).join(' '), ctx.msg.anythingElse);
    }
    case 'wrong':
      return ctx.ask(ctx.msg.linkCodeWrong(redeemed.triesLeft), ctx.msg.linkCodeAsk);
    case 'locked':
      return ctx.ask(ctx.msg.linkCodeLocked, ctx.msg.anythingElse);
  }
}

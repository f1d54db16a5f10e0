/**
 * One shopper across channels (issue 12, item 5), in the core: the pre-link cart joins the account's once, a
 * one-time code links a conversation where there is no OAuth, and a surface without an app is never told to look
 * at a card in it. The platform adapters and the store have their own tests; this one pins the core's decisions.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createConversationCore } from '../../../../skill/core/conversation/engine';
import { linkCodeOf } from '../../../../skill/core/conversation/handlers/linking';
import { joinCarts } from '../../../../skill/core/conversation/steps/identities';
import { MAX_LINE_QUANTITY } from '../../../../skill/core/cart/cart';
import type { CartCarryOver, CartJoin, ChannelLinks, LinkCodeRedemption } from '../../../../skill/core/ports';
import type { DeviceInfo, Reply, Turn } from '../../../../skill/core/turn';
import { MemoryAccounts, MemoryCustomers, SilentLog, memoryCoreDeps, turn } from '../../../helpers/fakes';

/** Links and codes in memory, with the store's contract: a code works once, the pre-link cart moves once. */
class MemoryLinks implements ChannelLinks {
  readonly codes = new Map<string, string>();
  readonly redeemed: string[] = [];
  /** Links the core learnt from a load: a cold container knows none, so every link is found through the load. */
  readonly learnt = new Map<string, string>();
  constructor(private readonly customers: MemoryCustomers) {}
  knownLink(): string | undefined {
    return undefined;
  }
  learnLink(identity: string, customerId: string): void {
    this.learnt.set(identity, customerId);
  }
  async redeemCode(code: string, identity: string): Promise<LinkCodeRedemption> {
    this.redeemed.push(identity);
    const customerId = this.codes.get(code);
    if (!customerId) return { result: 'wrong', triesLeft: 4 };
    this.codes.delete(code);
    this.customers.channelLinks.set(identity, customerId);
    return { result: 'linked', customerId };
  }
  async carryOverCart(from: string, to: string, join: CartJoin): Promise<CartCarryOver | undefined> {
    const guest = this.customers.carts.get(from);
    if (!guest || guest.lines.length === 0) return undefined;
    const account = this.customers.carts.get(to) ?? { lines: [], version: 0 };
    const joined = join(guest.lines, account.lines);
    const cart = { lines: joined.lines, version: account.version + 1 };
    this.customers.carts.set(to, cart);
    this.customers.carts.set(from, { lines: [], version: guest.version + 1 });
    return { cart, moved: joined.moved, skipped: joined.skipped };
  }
}

const WEB_CHAT: DeviceInfo = { hasScreen: true, app: false, accountLinkingCard: false, outOfSessionReminders: false };
const ALEXA_APP: DeviceInfo = { hasScreen: false, app: true, accountLinkingCard: true, outOfSessionReminders: true };
const GREETED = '2026-01-01T00:00:00.000Z';

describe('one shopper across channels', () => {
  let customers: MemoryCustomers;
  let links: MemoryLinks;
  let log: SilentLog;
  let core: ReturnType<typeof createConversationCore>;

  beforeEach(() => {
    customers = new MemoryCustomers();
    links = new MemoryLinks(customers);
    log = new SilentLog();
    core = createConversationCore(memoryCoreDeps({ customers, links, log, accounts: new MemoryAccounts(new Map([['token-7', 'merchant-7']])) }));
    for (const id of ['alexa:user-1', 'google:chat-1', 'merchant-7']) customers.profiles.set(id, { customerId: id, firstContactAt: GREETED });
  });

  const say = (partial: Partial<Turn> & Pick<Turn, 'intent'>, locale: Turn['locale'] = 'en-US'): Promise<Reply> => core.handle(turn(partial, locale));

  describe('the unlinked cart carried over when the shopper links', () => {
    it('adds the pre-link cart to the account cart on the first linked turn, says so once, and records the identity', async () => {
      customers.carts.set('alexa:user-1', { lines: [{ productId: 'milk-2', quantity: 2 }, { productId: 'coffee-1', quantity: 1 }], version: 3 });
      customers.carts.set('merchant-7', { lines: [{ productId: 'milk-2', quantity: 1 }], version: 5 });
      // The end of a session is heard by nobody: nothing moves there, so the notice is not lost.
      await say({ intent: 'SessionEnded', customer: { platform: 'alexa', platformUserId: 'user-1', accessToken: 'token-7' } });
      expect(customers.carts.get('alexa:user-1')!.lines).toHaveLength(2);
      const first = await say({ intent: 'ReadCartIntent', customer: { platform: 'alexa', platformUserId: 'user-1', accessToken: 'token-7' } });
      expect(first.speech).toMatch(/^I've added the 3 items from your cart before you linked to your account's cart\. You have 4 items in your cart/);
      expect(customers.carts.get('merchant-7')!.lines).toEqual([{ productId: 'milk-2', quantity: 3 }, { productId: 'coffee-1', quantity: 1 }]);
      expect(customers.carts.get('alexa:user-1')!.lines).toEqual([]);
      expect(customers.profiles.get('merchant-7')!.identities).toEqual(['alexa:user-1']);
      expect(customers.profiles.get('merchant-7')!.firstContactAt).toBe(GREETED);
      // A retry of the same request, or the next turn: nothing left to move, nothing said again.
      const again = await say({ intent: 'ReadCartIntent', customer: { platform: 'alexa', platformUserId: 'user-1', accessToken: 'token-7' } });
      expect(again.speech).not.toMatch(/before you linked/);
      expect(customers.carts.get('merchant-7')!.lines).toEqual([{ productId: 'milk-2', quantity: 3 }, { productId: 'coffee-1', quantity: 1 }]);
    });

    it('says it in German too', async () => {
      customers.carts.set('alexa:user-1', { lines: [{ productId: 'eggs-1', quantity: 1 }], version: 1 });
      const reply = await say({ intent: 'ReadCartIntent', customer: { platform: 'alexa', platformUserId: 'user-1', accessToken: 'token-7' } }, 'de-DE');
      expect(reply.speech).toMatch(/^Ich habe den Artikel aus deinem Warenkorb von vor der Verknüpfung in den Warenkorb deines Kontos gelegt\./);
    });

    it('keeps within the cart limits: a line is topped up to the most it may hold, the rest is left out and counted', () => {
      const joined = joinCarts(
        [{ productId: 'a', quantity: 10 }, { productId: 'b', quantity: 2 }],
        [{ productId: 'a', quantity: MAX_LINE_QUANTITY - 4 }],
      );
      expect(joined.lines).toEqual([{ productId: 'a', quantity: MAX_LINE_QUANTITY }, { productId: 'b', quantity: 2 }]);
      expect(joined.moved).toEqual([{ productId: 'a', quantity: 4 }, { productId: 'b', quantity: 2 }]);
      const full = joinCarts([{ productId: 'a', quantity: 1 }], [{ productId: 'a', quantity: MAX_LINE_QUANTITY }]);
      expect(full).toEqual({ lines: [{ productId: 'a', quantity: MAX_LINE_QUANTITY }], moved: [], skipped: 1 });
    });
  });

  describe('a one-time code links a conversation without OAuth', () => {
    it('reads the code said digit by digit or typed, in both languages, and nothing else', () => {
      expect(linkCodeOf('4 8 1 5 2 3', 'en-US')).toBe('481523');
      expect(linkCodeOf('four eight one five two three', 'en-US')).toBe('481523');
      expect(linkCodeOf('vier acht eins fünf zwei drei', 'de-DE')).toBe('481523');
      expect(linkCodeOf('048 152', 'en-US')).toBe('048152');
      expect(linkCodeOf('1234', 'en-US')).toBeUndefined();
      expect(linkCodeOf('twelve thirty four fifty six', 'en-US')).toBeUndefined();
      expect(linkCodeOf('my milk', 'en-US')).toBeUndefined();
    });

    it('links the conversation, carries its cart into the account and orders as the account from the next turn', async () => {
      links.codes.set('481523', 'merchant-7');
      customers.carts.set('google:chat-1', { lines: [{ productId: 'milk-2', quantity: 1 }], version: 1 });
      const chat = { platform: 'google' as const, platformUserId: 'chat-1' };
      const linked = await say({ intent: 'VoicePinIntent', slots: { pin: { raw: '4 8 1 5 2 3' } }, customer: chat, device: WEB_CHAT });
      expect(linked.speech).toBe("Thanks, your vocart account is linked here now. You can check out whenever you're ready. I've added the item from your cart before you linked to your account's cart.");
      expect(linked.endSession).toBe(false);
      expect(customers.carts.get('merchant-7')!.lines).toEqual([{ productId: 'milk-2', quantity: 1 }]);
      expect(customers.profiles.get('merchant-7')!.identities).toEqual(['google:chat-1']);
      // Never logged: neither the code nor the identity.
      expect(JSON.stringify(log.entries)).not.toMatch(/481523|chat-1/);
      const cart = await say({ intent: 'ReadCartIntent', customer: chat, device: WEB_CHAT });
      expect(cart.speech).toMatch(/^You have 1 item in your cart/);
      // Found with the identity's own load and remembered, so the next turns load the account at once.
      expect(links.learnt.get('google:chat-1')).toBe('merchant-7');
      const again = await say({ intent: 'LinkAccountIntent', slots: { code: { raw: '481523' } }, customer: chat, device: WEB_CHAT });
      expect(again.speech).toBe('Your vocart account is already linked here.');
    });

    it('says a wrong or spent code is not valid, and asks for the code when none was said', async () => {
      const chat = { platform: 'google' as const, platformUserId: 'chat-1' };
      const wrong = await say({ intent: 'LinkAccountIntent', slots: { code: { raw: '111111' } }, customer: chat, device: WEB_CHAT });
      expect(wrong.speech).toMatch(/^That code doesn't match a valid link code\. .* You can try 4 more times\.$/);
      expect(wrong.endSession).toBe(false);
      const ask = await say({ intent: 'LinkAccountIntent', customer: chat, device: WEB_CHAT }, 'de-DE');
      expect(ask.speech).toMatch(/^Bitte sag mir den sechsstelligen Verknüpfungscode/);
    });

    it('keeps a four-digit PIN with no PIN question a PIN matter, not a code', async () => {
      const reply = await say({ intent: 'VoicePinIntent', slots: { pin: { raw: '1234' } } });
      expect(links.redeemed).toEqual([]);
      expect(reply.speech).not.toMatch(/link code/);
    });
  });

  describe('no "card in your app" where there is no app', () => {
    it('on a surface without an app, checkout explains the code and keeps the conversation open', async () => {
      customers.carts.set('google:chat-1', { lines: [{ productId: 'milk-2', quantity: 1 }], version: 1 });
      const reply = await say({ intent: 'CheckoutIntent', customer: { platform: 'google', platformUserId: 'chat-1' }, device: WEB_CHAT });
      expect(reply.speech).toMatch(/link your account here, open your account page on the vocart shop website, get a six-digit link code/);
      expect(reply.speech).not.toMatch(/app/);
      expect(reply.linkAccount).toBeUndefined();
      expect(reply.endSession).toBe(false);
      const german = await say({ intent: 'CheckoutIntent', customer: { platform: 'google', platformUserId: 'chat-1' }, device: WEB_CHAT }, 'de-DE');
      expect(german.speech).toMatch(/Verknüpfungscode/);
      expect(german.speech).not.toMatch(/App/);
    });

    it('where the platform has an app, checkout still sends its linking card (decided by capability, whatever the platform)', async () => {
      const alexa = await say({ intent: 'CheckoutIntent', device: ALEXA_APP });
      expect(alexa).toMatchObject({ linkAccount: true, endSession: true });
      expect(alexa.speech).toMatch(/card to your app/);
      const assistantLike = await say({ intent: 'CheckoutIntent', customer: { platform: 'google', platformUserId: 'chat-1' }, device: ALEXA_APP });
      expect(assistantLike.linkAccount).toBe(true);
    });
  });
});

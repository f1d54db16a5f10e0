import { beforeEach, describe, expect, it } from 'vitest';
import { turn, type MemoryCustomers } from '../../../../helpers/fakes';
import { coreConversation } from '../../../../helpers/core-conversation';

describe('thanks and start over', () => {
  let customers: MemoryCustomers;
  let conversation: ReturnType<typeof coreConversation>;
  let say: ReturnType<typeof coreConversation>['say'];

  beforeEach(() => {
    conversation = coreConversation();
    ({ customers, say } = conversation);
  });

  it('"thanks" with a question open says you are welcome and asks it again; the yes still answers it', async () => {
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'oat milk' } } });
    const thanks = await say({ intent: 'ThanksIntent' });
    expect(thanks.speech).toMatch(/^You're welcome\. I found Oat Milk.*Shall I add it/);
    expect(thanks.endSession).toBe(false);
    await say({ intent: 'Yes' });
    expect((await customers.load('alexa:user-1')).cart.lines).toEqual([{ productId: 'milk-2', quantity: 1 }]);
  });

  it('"danke" with nothing open closes kindly', async () => {
    const thanks = await say({ intent: 'ThanksIntent' }, 'de-DE');
    expect(thanks.speech).toMatch(/^Gern geschehen/);
    expect(thanks.endSession).toBe(true);
  });

  it('"start over" forgets the results and the open question, keeps the cart, and says so', async () => {
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'eggs' } } });
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'oat milk' } } });
    const reply = await say({ intent: 'StartOverIntent' });
    expect(reply.speech).toMatch(/start over.*cart stays as it is/i);
    expect(reply.endSession).toBe(false);
    expect(conversation.session().lastResults).toBeUndefined();
    const yes = await say({ intent: 'Yes' });
    expect(yes.speech).toBe((await conversation.core.handle(turn({ intent: 'Yes', sessionId: 'other' }))).speech);
    expect((await customers.load('alexa:user-1')).cart.lines).toEqual([{ productId: 'eggs-1', quantity: 1 }]);
  });
});

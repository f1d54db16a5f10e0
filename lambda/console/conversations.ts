/**
 * The console's conversations, server-side (the console is local only): one simulated shopper each, with the turns
 * held so far (for a saved script). Bounded: the oldest conversation is dropped when a new one would exceed the limit.
 */
import { randomUUID } from 'node:crypto';
import type { SimulatedConversation, Simulator } from './simulator/simulator';
import type { ShopperOptions, TurnView } from './simulator/types';

export const MAX_CONVERSATIONS = 50;
/** Turns kept per conversation for its script; older ones are dropped. */
const MAX_TURNS = 200;

export interface HeldConversation {
  id: string;
  options: ShopperOptions;
  simulated: SimulatedConversation;
  /** Whether the conversation began with a launch. */
  launched: boolean;
  turns: TurnView[];
}

export class ConversationStore {
  private readonly held = new Map<string, HeldConversation>();

  constructor(private readonly simulator: Simulator) {}

  open(options: ShopperOptions): HeldConversation {
    if (this.held.size >= MAX_CONVERSATIONS) this.held.delete(this.held.keys().next().value!);
    const conversation: HeldConversation = { id: randomUUID(), options, simulated: this.simulator.conversation(options), launched: false, turns: [] };
    this.held.set(conversation.id, conversation);
    return conversation;
  }

  get(id: string): HeldConversation | undefined {
    return this.held.get(id);
  }

  record(conversation: HeldConversation, turn: TurnView): void {
    if (conversation.turns.length === 0 && turn.utterance === undefined) conversation.launched = true;
    conversation.turns.push(turn);
    if (conversation.turns.length > MAX_TURNS) conversation.turns.shift();
  }
}

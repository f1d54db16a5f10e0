import type { Reply, Turn } from '../turn';

/** The one entry point of the core: a platform-neutral turn in, a platform-neutral reply out. Never throws. */
export interface ConversationCore {
  handle(turn: Turn): Promise<Reply>;
}

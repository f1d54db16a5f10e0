import type { ConversationCore } from '../../../../skill/core/conversation/core';
import type { Log } from '../../../../skill/core/ports';
import type { Reply, Turn } from '../../../../skill/core/turn';

/** Records every Turn and answers with whatever reply the test sets (or throws, to exercise error paths). */
export class RecordingCore implements ConversationCore {
  readonly turns: Turn[] = [];
  reply: Reply = { speech: 'Hello from the core.', endSession: false, sessionState: {} };
  failWith: Error | undefined;

  async handle(turn: Turn): Promise<Reply> {
    this.turns.push(turn);
    if (this.failWith) throw this.failWith;
    return this.reply;
  }

  get lastTurn(): Turn {
    const turn = this.turns.at(-1);
    if (!turn) throw new Error('the core was not called');
    return turn;
  }
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export class MemoryLog implements Log {
  readonly entries: LogEntry[] = [];
  info(message: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'info', message, fields });
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'warn', message, fields });
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'error', message, fields });
  }
}

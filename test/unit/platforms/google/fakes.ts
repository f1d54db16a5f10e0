/** Test doubles for the Google adapter tests: a scripted core and a log that records what was logged. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConversationCore } from '../../../../skill/core/conversation/core';
import type { Log } from '../../../../skill/core/ports';
import type { Reply, Turn } from '../../../../skill/core/turn';

export class ScriptedCore implements ConversationCore {
  readonly turns: Turn[] = [];
  constructor(private readonly answer: (turn: Turn) => Reply | Promise<Reply>) {}
  async handle(turn: Turn): Promise<Reply> {
    this.turns.push(turn);
    return this.answer(turn);
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

export class RecordingLog implements Log {
  readonly entries: LogEntry[] = [];
  info(message: string, fields?: Record<string, unknown>) {
    this.entries.push({ level: 'info', message, fields });
  }
  warn(message: string, fields?: Record<string, unknown>) {
    this.entries.push({ level: 'warn', message, fields });
  }
  error(message: string, fields?: Record<string, unknown>) {
    this.entries.push({ level: 'error', message, fields });
  }
}

/** A fixture from test/fixtures/google, freshly parsed so a test may change it. */
export function fixture(name: string): Record<string, any> {
  const path = fileURLToPath(new URL(`../../../fixtures/google/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function simpleReply(overrides: Partial<Reply> = {}): Reply {
  return { speech: 'Here you go.', reprompt: 'Anything else?', endSession: false, sessionState: {}, ...overrides };
}

/**
 * Saved conversations: platform-neutral scripts of what the shopper says and what should come back, with the
 * shopper's options. The console saves one from a conversation; test/e2e/conversations.test.ts replays every
 * script in test/conversations/ on each platform it names, through the simulator.
 */
import { z } from 'zod';
import type { SimulatedConversation } from './simulator/simulator';
import { LOCALES, PLATFORMS, type ShopperOptions, type TurnView } from './simulator/types';

const expectation = z
  .object({
    /** The neutral intent the understanding must find. */
    intent: z.string().min(1).max(64).optional(),
    /** Phrases the spoken reply must contain (case-insensitive). */
    speechIncludes: z.array(z.string().min(1).max(300)).max(20).optional(),
    /** Phrases the spoken reply must not contain (case-insensitive). */
    speechExcludes: z.array(z.string().min(1).max(300)).max(20).optional(),
    /** Whether the reply ends the session. */
    endSession: z.boolean().optional(),
    /** At least this many items on the screen (Alexa APL list or Dialogflow list/cards), on a device with a screen. */
    minDisplayItems: z.number().int().min(0).max(100).optional(),
  })
  .strict();

export const scriptStepSchema = z.object({ say: z.string().trim().min(1).max(500), expect: expectation.optional() }).strict();

export const conversationScriptSchema = z
  .object({
    name: z.string().min(1).max(120),
    description: z.string().max(1000).optional(),
    locale: z.enum(LOCALES),
    /** The platforms to replay on; both unless the script says otherwise. */
    platforms: z.array(z.enum(PLATFORMS)).min(1).max(2).default([...PLATFORMS]),
    options: z
      .object({ screen: z.boolean().default(true), linked: z.boolean().default(false), returning: z.boolean().default(false) })
      .strict()
      .default({ screen: true, linked: false, returning: false }),
    /** Open the session with a launch first ("Alexa, open vocart"); otherwise the first step is a one-shot request. */
    launch: z.boolean().default(true),
    steps: z.array(scriptStepSchema).min(1).max(100),
  })
  .strict();

export type ConversationScript = z.output<typeof conversationScriptSchema>;
export type ScriptStep = z.output<typeof scriptStepSchema>;

export class ScriptFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScriptFormatError';
  }
}

export function parseScript(json: unknown, source = 'script'): ConversationScript {
  const parsed = conversationScriptSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ScriptFormatError(`${source}: ${issue?.path.join('.') || 'the script'} ${issue?.message ?? 'is invalid'}`, { cause: parsed.error });
}

/** How many items the turn shows on a screen. */
function displayItems(turn: TurnView): number {
  if (turn.apl) return turn.apl.items.length;
  const list = turn.richMessages?.find((message) => message.kind === 'Assistant list');
  if (list) return list.items?.length ?? 0;
  return turn.richMessages?.filter((message) => message.kind === 'card').length ?? 0;
}

/** What is wrong with a turn against its step's expectations (empty: it passed). */
export function checkStep(step: ScriptStep, turn: TurnView): string[] {
  const problems: string[] = [];
  const expect = step.expect;
  if (turn.status !== 200) problems.push(`the skill answered HTTP ${turn.status}`);
  if (!expect) return problems;
  const speech = turn.speech.toLowerCase();
  if (expect.intent && turn.understood?.intent !== expect.intent) problems.push(`understood ${turn.understood?.intent ?? 'nothing'}, expected ${expect.intent}`);
  for (const phrase of expect.speechIncludes ?? []) if (!speech.includes(phrase.toLowerCase())) problems.push(`the reply does not say "${phrase}"`);
  for (const phrase of expect.speechExcludes ?? []) if (speech.includes(phrase.toLowerCase())) problems.push(`the reply says "${phrase}"`);
  if (expect.endSession !== undefined && turn.endSession !== expect.endSession) problems.push(expect.endSession ? 'the session stayed open' : 'the session ended');
  if (expect.minDisplayItems !== undefined && displayItems(turn) < expect.minDisplayItems) problems.push(`the screen shows ${displayItems(turn)} item(s), expected at least ${expect.minDisplayItems}`);
  return problems;
}

export interface StepResult {
  step: ScriptStep;
  turn: TurnView;
  problems: string[];
}

/** Plays the script's steps on a conversation (a launch first when the script says so); stops at nothing. */
export async function playScript(script: ConversationScript, conversation: SimulatedConversation): Promise<{ launch?: TurnView; steps: StepResult[] }> {
  const launch = script.launch ? await conversation.launch() : undefined;
  const steps: StepResult[] = [];
  for (const step of script.steps) {
    const turn = await conversation.say(step.say);
    steps.push({ step, turn, problems: checkStep(step, turn) });
  }
  return { ...(launch ? { launch } : {}), steps };
}

export function shopperOptions(script: ConversationScript, platform: ShopperOptions['platform']): ShopperOptions {
  return { platform, locale: script.locale, ...script.options };
}

/** A conversation held in the console, as a script: what was said, and the intent it reached as the expectation. */
export function scriptFromTurns(name: string, options: ShopperOptions, launched: boolean, turns: TurnView[]): ConversationScript {
  return {
    name,
    description: `Saved from the vocart console (${options.platform}, ${options.locale}). Add speechIncludes to the steps to pin what the reply must say.`,
    locale: options.locale,
    platforms: [...PLATFORMS],
    options: { screen: options.screen, linked: options.linked, returning: options.returning },
    launch: launched,
    steps: turns
      .filter((turn) => turn.utterance !== undefined)
      .map((turn) => ({ say: turn.utterance!, ...(turn.understood ? { expect: { intent: turn.understood.intent } } : {}) })),
  };
}

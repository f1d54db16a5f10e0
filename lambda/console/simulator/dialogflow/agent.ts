/**
 * The generated Dialogflow ES agent of one language, as Dialogflow uses it to shape a WebhookRequest: each
 * intent's id (for its resource name) and every parameter it declares, and the custom entities whose entries map
 * the spoken words onto a reference value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type DialogflowLanguage = 'en' | 'de';

export interface AgentIntent {
  id: string;
  parameters: Array<{ name: string; dataType: string }>;
}

const AGENT_DIR = fileURLToPath(new URL('../../../../interaction-models/google/dialogflow/', import.meta.url));

/** Dialogflow's default ML classification threshold, where agent.json names none. */
const DEFAULT_ML_MIN_CONFIDENCE = 0.3;

export class DialogflowAgent {
  private readonly intents = new Map<string, AgentIntent>();
  /** Below this the agent matches no intent (agent.json mlMinConfidence): between it and 1 a match is unsure. */
  readonly mlMinConfidence: number;
  /** Entity name → lower-cased synonym → reference value. */
  private readonly entities = new Map<string, Map<string, string>>();

  constructor(readonly language: DialogflowLanguage, directory = AGENT_DIR) {
    const threshold = Number(JSON.parse(readFileSync(join(directory, 'agent.json'), 'utf8')).mlMinConfidence);
    this.mlMinConfidence = Number.isFinite(threshold) && threshold >= 0 && threshold <= 1 ? threshold : DEFAULT_ML_MIN_CONFIDENCE;
    for (const file of readdirSync(join(directory, 'intents'))) {
      if (!file.endsWith('.json') || file.includes('_usersays_')) continue;
      const json = JSON.parse(readFileSync(join(directory, 'intents', file), 'utf8'));
      const parameters = (json.responses ?? []).flatMap((response: any) => response.parameters ?? []);
      this.intents.set(String(json.name), {
        id: String(json.id),
        parameters: parameters.map((parameter: any) => ({ name: String(parameter.name), dataType: String(parameter.dataType ?? '') })),
      });
    }
    for (const file of readdirSync(join(directory, 'entities'))) {
      const entries = new RegExp(`^(.+)_entries_${language}\\.json$`).exec(file);
      if (!entries) continue;
      const synonyms = new Map<string, string>();
      for (const entry of JSON.parse(readFileSync(join(directory, 'entities', file), 'utf8'))) {
        for (const word of [entry.value, ...(entry.synonyms ?? [])]) {
          const key = String(word).trim().toLowerCase();
          if (!synonyms.has(key)) synonyms.set(key, String(entry.value));
        }
      }
      this.entities.set(entries[1]!, synonyms);
    }
  }

  intent(displayName: string): AgentIntent | undefined {
    return this.intents.get(displayName);
  }

  /**
   * A parameter's value as Dialogflow fills it: the entity's reference value for a custom entity entry (the words
   * themselves where none matches: @product has automated expansion), numbers for sys.number and sys.ordinal, and
   * the digits for sys.number-sequence.
   */
  parameterValue(dataType: string, said: string): unknown {
    if (dataType.startsWith('@sys.number-sequence')) return said.replace(/\D/g, '') || said;
    if (dataType.startsWith('@sys.number') || dataType === '@sys.ordinal') {
      const number = Number(said.replace(/(st|nd|rd|th|\.)$/i, ''));
      return Number.isFinite(number) && said.trim() !== '' ? number : said;
    }
    if (dataType.startsWith('@sys.')) return said;
    const entity = this.entities.get(dataType.slice(1));
    return entity?.get(said.trim().toLowerCase()) ?? said;
  }
}

const agents = new Map<DialogflowLanguage, DialogflowAgent>();

export function dialogflowAgentFor(language: DialogflowLanguage): DialogflowAgent {
  let agent = agents.get(language);
  if (!agent) {
    agent = new DialogflowAgent(language);
    agents.set(language, agent);
  }
  return agent;
}

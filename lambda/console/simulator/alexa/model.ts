/**
 * The generated Alexa interaction model of a locale, as Alexa uses it to shape a request: the slots each intent
 * lists (every one, filled or not), which intents take part in the dialog model (they carry dialogState), and the
 * custom slot types that entity resolution matches the spoken words against.
 */
import { readFileSync } from 'node:fs';
import type { Locale } from '../../../../skill/core/turn';
import { alexaModelPath } from '../../../nlu/alexa-samples';

interface ModelValue {
  id?: string;
  name: { value: string; synonyms?: string[] };
}

export interface AlexaSlotResolution {
  resolutionsPerAuthority: Array<{ authority: string; status: { code: 'ER_SUCCESS_MATCH' | 'ER_SUCCESS_NO_MATCH' }; values?: Array<{ value: { name: string; id: string } }> }>;
}

export class AlexaModel {
  private readonly slotsByIntent = new Map<string, Array<{ name: string; type: string }>>();
  /** Slot type → lower-cased name or synonym → the values it names. */
  private readonly typeIndex = new Map<string, Map<string, ModelValue[]>>();
  private readonly dialogIntents = new Set<string>();

  constructor(json: unknown, readonly skillId: string) {
    const model = (json as { interactionModel: any }).interactionModel;
    for (const intent of model.languageModel.intents ?? []) this.slotsByIntent.set(intent.name, intent.slots ?? []);
    for (const type of model.languageModel.types ?? []) {
      const index = new Map<string, ModelValue[]>();
      for (const value of type.values as ModelValue[]) {
        for (const word of [value.name.value, ...(value.name.synonyms ?? [])]) {
          const key = word.trim().toLowerCase();
          index.set(key, [...(index.get(key) ?? []), value]);
        }
      }
      this.typeIndex.set(type.name, index);
    }
    for (const intent of model.dialog?.intents ?? []) this.dialogIntents.add(intent.name);
  }

  slotsOf(intent: string): Array<{ name: string; type: string }> {
    return this.slotsByIntent.get(intent) ?? [];
  }

  inDialogModel(intent: string): boolean {
    return this.dialogIntents.has(intent);
  }

  /**
   * Entity resolution for a custom slot type: every value whose name or synonym is the spoken words
   * (ER_SUCCESS_MATCH with their ids), else ER_SUCCESS_NO_MATCH. Built-in types (AMAZON.NUMBER…) have none.
   */
  resolve(type: string, said: string): AlexaSlotResolution | undefined {
    const index = this.typeIndex.get(type);
    if (!index) return undefined;
    const authority = `amzn1.er-authority.echo-sdk.${this.skillId}.${type}`;
    const matches = index.get(said.trim().toLowerCase()) ?? [];
    if (matches.length === 0) return { resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_NO_MATCH' } }] };
    return {
      resolutionsPerAuthority: [
        { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: matches.map((value) => ({ value: { name: value.name.value, id: value.id ?? value.name.value } })) },
      ],
    };
  }
}

const models = new Map<string, AlexaModel>();

export function alexaModelFor(locale: Locale, skillId: string): AlexaModel {
  const key = `${locale}:${skillId}`;
  let model = models.get(key);
  if (!model) {
    model = new AlexaModel(JSON.parse(readFileSync(alexaModelPath(locale), 'utf8')), skillId);
    models.set(key, model);
  }
  return model;
}

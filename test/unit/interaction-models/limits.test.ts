/**
 * The generator stops the build, with a typed error that names the limit and its source, when a model would exceed
 * what Alexa or Dialogflow accepts; and the committed models stay within every limit.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { readCatalog } from '../../../interaction-models/generator/catalog-source';
import { ModelError } from '../../../interaction-models/generator/errors';
import {
  ALEXA_LIMITS,
  assertAlexaLimits,
  assertDialogflowLimits,
  DIALOGFLOW_LIMITS,
  ModelLimitError,
} from '../../../interaction-models/generator/limits';

const modelsDir = fileURLToPath(new URL('../../../interaction-models/', import.meta.url));
const catalogPath = fileURLToPath(new URL('../../../skill/data/demo-catalog.json', import.meta.url));

function alexaModel(samples: string[], values = 1) {
  return {
    interactionModel: {
      languageModel: {
        intents: [{ name: 'AddToCartIntent', samples }],
        types: [{ name: 'ProductName', values: Array.from({ length: values }, (_, index) => ({ name: { value: `p${index}` } })) }],
      },
    },
  };
}

function thrown(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('platform limits', () => {
  it('names each limit with its source', () => {
    for (const limit of [...Object.values(ALEXA_LIMITS), ...Object.values(DIALOGFLOW_LIMITS)]) {
      expect(limit.value).toBeGreaterThan(0);
      expect(limit.source.length).toBeGreaterThan(10);
    }
  });

  it('stops an Alexa intent with more samples than the budget', () => {
    const samples = Array.from({ length: ALEXA_LIMITS.samplesPerIntent.value + 1 }, (_, index) => `add {product} number ${index}`);
    const error = thrown(() => assertAlexaLimits(alexaModel(samples), '{}', 'en-US'));
    expect(error).toBeInstanceOf(ModelLimitError);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelLimitError).name).toBe('ModelLimitError');
    expect((error as Error).message).toContain('AddToCartIntent: samples');
    expect((error as Error).message).toContain(ALEXA_LIMITS.samplesPerIntent.source);
  });

  it('stops an Alexa sample that is too long, too many slot values and a model too large', () => {
    const long = `add {product} ${'and more '.repeat(30)}`;
    expect(() => assertAlexaLimits(alexaModel([long]), '{}', 'en-US')).toThrow(/characters in/);
    expect(() => assertAlexaLimits(alexaModel(['add {product}'], ALEXA_LIMITS.customSlotValues.value + 1), '{}', 'en-US')).toThrow(
      /custom slot values/,
    );
    const huge = 'x'.repeat(ALEXA_LIMITS.modelCharacters.value + 1);
    expect(() => assertAlexaLimits(alexaModel(['add {product}']), huge, 'en-US')).toThrow(/characters in the interaction model/);
  });

  it('stops a Dialogflow intent over 2,000 training phrases, an entity over budget and an agent too large', () => {
    const ok = { phrases: new Map([['AddToCartIntent (en)', 10]]), entries: new Map([['product (en)', 10]]), bytes: 10 };
    expect(() => assertDialogflowLimits(ok)).not.toThrow();
    expect(() => assertDialogflowLimits({ ...ok, phrases: new Map([['AddToCartIntent (en)', 2_001]]) })).toThrow(ModelLimitError);
    expect(() => assertDialogflowLimits({ ...ok, entries: new Map([['product (en)', DIALOGFLOW_LIMITS.entriesPerEntity.value + 1]]) })).toThrow(
      /entity entries/,
    );
    expect(() => assertDialogflowLimits({ ...ok, bytes: DIALOGFLOW_LIMITS.agentBytes.value + 1 })).toThrow(/bytes/);
  });

  it('fails the whole build when a source change would pass a limit', async () => {
    // One more carrier-heavy intent: 3,000 English samples, past Alexa's budget and Dialogflow's 2,000.
    vi.resetModules();
    vi.doMock('../../../interaction-models/source/intents', async (importOriginal) => {
      const original = await importOriginal<typeof import('../../../interaction-models/source/intents')>();
      const { numberToWords } = await import('../../../interaction-models/generator/spoken');
      const words = Array.from({ length: 3_000 }, (_, index) => `item number ${numberToWords(index, 'en-US')}`);
      const bloated = { name: 'BloatedIntent', slots: [], samples: { 'en-US': words, 'de-DE': ['viel zu viel'] } };
      return { ...original, INTENTS: [...original.INTENTS, bloated] };
    });
    try {
      const { buildModels } = await import('../../../interaction-models/generator/index');
      const limits = await import('../../../interaction-models/generator/limits');
      const error = thrown(() => buildModels(readCatalog(catalogPath)));
      expect(error).toBeInstanceOf(limits.ModelLimitError);
      expect((error as Error).message).toMatch(/BloatedIntent: samples: 3,000 exceeds 2,500/);
    } finally {
      vi.doUnmock('../../../interaction-models/source/intents');
      vi.resetModules();
    }
  });

  it.each(['en-US', 'de-DE'])('keeps the committed Alexa %s model within every limit', (locale) => {
    const text = readFileSync(`${modelsDir}alexa/skill-package/interactionModels/custom/${locale}.json`, 'utf8');
    expect(() => assertAlexaLimits(JSON.parse(text), text, locale)).not.toThrow();
  });

  it('keeps the committed Dialogflow agent within every limit', () => {
    const dir = `${modelsDir}google/dialogflow/`;
    const phrases = new Map<string, number>();
    const entries = new Map<string, number>();
    let bytes = 0;
    for (const sub of ['intents', 'entities']) {
      for (const file of readdirSync(`${dir}${sub}`)) {
        bytes += statSync(`${dir}${sub}/${file}`).size;
        const json = JSON.parse(readFileSync(`${dir}${sub}/${file}`, 'utf8'));
        if (file.includes('_usersays_')) phrases.set(file, json.length);
        if (file.includes('_entries_')) entries.set(file, json.reduce((sum: number, entry: { synonyms: string[] }) => sum + entry.synonyms.length, 0));
      }
    }
    expect(() => assertDialogflowLimits({ phrases, entries, bytes })).not.toThrow();
  });
});

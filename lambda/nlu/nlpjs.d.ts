/**
 * The few parts of NLP.js (https://github.com/axa-group/nlp.js, MIT) that offline understanding uses. NLP.js ships
 * no type declarations; these describe only what lambda/nlu calls, so a wrong call is a type error here and not a
 * surprise at run time.
 */
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';

  export interface NlpClassification {
    intent: string;
    score: number;
  }

  export interface NlpResult {
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }

  export interface NlpSettings {
    languages: string[];
    autoSave?: boolean;
    autoLoad?: boolean;
    calculateSentiment?: boolean;
    forceNER?: boolean;
    /** Below this score NLP.js answers "None" and drops its ranking. */
    threshold?: number;
    nlu?: { log?: boolean; useNoneFeature?: boolean };
  }

  export class Nlp {
    constructor(settings: NlpSettings, container: Container);
    addDocument(language: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(language: string, utterance: string): Promise<NlpResult>;
  }
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}

declare module '@nlpjs/lang-de' {
  export const LangDe: unknown;
}

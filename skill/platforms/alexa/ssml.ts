/**
 * The core speaks plain text; Alexa wants SSML. Escaping here is what keeps a product called
 * "Ben & Jerry's" from breaking the whole response (Alexa rejects malformed SSML outright), and the shared
 * sanitiser removes what XML cannot carry at all (control characters, lone surrogates).
 */
import { escapeSsmlText, speechToSsml } from '../speech-text';

export function escapeSsml(text: string): string {
  return escapeSsmlText(text);
}

export function toSsml(text: string): string {
  // A card ending the core marked is read "four two four two", not "four thousand two hundred forty-two".
  return `<speak>${speechToSsml(text.trim(), 'digits')}</speak>`;
}

/**
 * The core speaks plain text; the Assistant wants SSML for speech and plain text for the screen. Both go through
 * the shared sanitiser, so a NUL or a lone surrogate from a product name never reaches the platform.
 */
import { escapeSsmlText, speechAsText, speechToSsml, truncateText } from '../speech-text';

export function escapeSsml(text: string): string {
  return escapeSsmlText(text);
}

export function toSsml(text: string): string {
  // The Assistant's SSML has no say-as "digits"; "characters" reads a marked card ending digit by digit.
  return `<speak>${speechToSsml(text, 'characters')}</speak>`;
}

/** The Assistant rejects a SimpleResponse whose displayText exceeds 640 characters. */
const MAX_DISPLAY_TEXT = 640;

export function displayText(text: string): string {
  return truncateText(speechAsText(text), MAX_DISPLAY_TEXT, '…');
}

/** Any other text shown or sent (titles, card bodies, chips, fulfillmentText): clean, not cut. */
export function plainText(text: string): string {
  return speechAsText(text);
}

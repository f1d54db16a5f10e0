/** The core speaks plain text; the Assistant wants SSML for speech and plain text for the screen. */

const SSML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeSsml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => SSML_ESCAPES[char] ?? char);
}

export function toSsml(text: string): string {
  return `<speak>${escapeSsml(text)}</speak>`;
}

/** The Assistant rejects a SimpleResponse whose displayText exceeds 640 characters. */
const MAX_DISPLAY_TEXT = 640;

export function displayText(text: string): string {
  return text.length <= MAX_DISPLAY_TEXT ? text : `${text.slice(0, MAX_DISPLAY_TEXT - 1)}…`;
}

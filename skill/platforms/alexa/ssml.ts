/**
 * The core speaks plain text; Alexa wants SSML. Escaping here is what keeps a product called
 * "Ben & Jerry's" from breaking the whole response (Alexa rejects malformed SSML outright).
 */

const SSML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Control characters are not valid in XML 1.0 and a stray one would make Alexa reject the response.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeSsml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (char) => SSML_ESCAPES[char] ?? char);
}

export function toSsml(text: string): string {
  return `<speak>${escapeSsml(text.trim())}</speak>`;
}

/** SSML as a reader sees it: tags dropped, XML entities decoded (numeric ones too), white space folded. */
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function ssmlToText(ssml: string | undefined): string {
  if (!ssml) return '';
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
      if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
      return NAMED[body.toLowerCase()] ?? entity;
    })
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function spokenText(speech: { type?: string; ssml?: string; text?: string } | undefined): { text: string; ssml: string } {
  if (!speech) return { text: '', ssml: '' };
  if (speech.type === 'PlainText') return { text: speech.text ?? '', ssml: speech.text ?? '' };
  return { text: ssmlToText(speech.ssml), ssml: speech.ssml ?? '' };
}

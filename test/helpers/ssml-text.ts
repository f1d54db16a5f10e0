/** What a listener hears from SSML: tags dropped, the five XML entities decoded, white space folded. */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

export function stripSsml(ssml: string | undefined): string {
  if (!ssml) return '';
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Expands sample templates: `(a|b)` one of, `[a|b]` optionally one of, `<name>` a macro, `{slot}` kept.
 * Writing "put [some] {product} on <my-cart>" once instead of forty lines keeps the model reviewable,
 * and the expansion gives both platforms (and the virtual test clients, which match literally) the same
 * phrases.
 */
import { ModelError } from './errors';

export type Macros = Readonly<Record<string, string>>;

/** Hard stop for a template that explodes combinatorially: a sign of a mistake, not of thoroughness. */
const MAX_EXPANSIONS = 2000;

export function expandTemplate(template: string, macros: Macros = {}): string[] {
  const parser = new TemplateParser(template, macros, []);
  const phrases = parser.parseSequence(new Set());
  if (!parser.atEnd()) {
    throw new ModelError(`Unbalanced "${template[parser.position]}" at ${parser.position} in template: ${template}`);
  }
  return unique(phrases.map(normalizeSpaces).filter((phrase) => phrase.length > 0));
}

export function expandAll(templates: readonly string[], macros: Macros = {}): string[] {
  return unique(templates.flatMap((template) => expandTemplate(template, macros)));
}

function normalizeSpaces(phrase: string): string {
  return phrase.replace(/\s+/g, ' ').trim();
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

class TemplateParser {
  position = 0;

  constructor(
    private readonly text: string,
    private readonly macros: Macros,
    private readonly macroStack: string[],
  ) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  /** A sequence ends at the end of text or at a character that closes or separates an enclosing group. */
  parseSequence(stops: ReadonlySet<string>): string[] {
    let results = [''];
    while (!this.atEnd()) {
      const char = this.text[this.position]!;
      if (stops.has(char)) break;
      let parts: string[];
      if (char === '(' || char === '[') {
        parts = this.parseGroup(char === '(' ? ')' : ']');
      } else if (char === '<') {
        parts = this.parseMacro();
      } else if (char === '{') {
        parts = [this.readUntil('}', true)];
      } else if (char === ')' || char === ']' || char === '|' || char === '>' || char === '}') {
        throw new ModelError(`Unexpected "${char}" at ${this.position} in template: ${this.text}`);
      } else {
        parts = [char];
        this.position += 1;
      }
      results = combine(results, parts, this.text);
    }
    return results;
  }

  private parseGroup(close: ')' | ']'): string[] {
    const optional = close === ']';
    this.position += 1;
    const alternatives: string[] = optional ? [''] : [];
    for (;;) {
      alternatives.push(...this.parseSequence(new Set(['|', close])));
      if (this.atEnd()) throw new ModelError(`Missing "${close}" in template: ${this.text}`);
      const char = this.text[this.position];
      this.position += 1;
      if (char === close) return alternatives;
    }
  }

  private parseMacro(): string[] {
    const name = this.readUntil('>', false);
    const body = this.macros[name];
    if (body === undefined) throw new ModelError(`Unknown macro <${name}> in template: ${this.text}`);
    if (this.macroStack.includes(name)) throw new ModelError(`Macro <${name}> refers to itself`);
    const inner = new TemplateParser(body, this.macros, [...this.macroStack, name]);
    const parts = inner.parseSequence(new Set());
    if (!inner.atEnd()) throw new ModelError(`Unbalanced macro <${name}>: ${body}`);
    return parts;
  }

  /** Reads `{slot}` or `<macro>` from the opening character to `close`; keeps the braces when asked. */
  private readUntil(close: string, keepDelimiters: boolean): string {
    const end = this.text.indexOf(close, this.position);
    if (end === -1) throw new ModelError(`Missing "${close}" in template: ${this.text}`);
    const token = this.text.slice(this.position, end + 1);
    this.position = end + 1;
    return keepDelimiters ? token : token.slice(1, -1);
  }
}

function combine(prefixes: string[], parts: string[], template: string): string[] {
  if (prefixes.length * parts.length > MAX_EXPANSIONS) {
    throw new ModelError(`Template expands to more than ${MAX_EXPANSIONS} phrases: ${template}`);
  }
  const out: string[] = [];
  for (const prefix of prefixes) for (const part of parts) out.push(prefix + part);
  return out;
}

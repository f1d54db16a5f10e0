/**
 * How deep and how large a parsed JSON value is, measured without recursion and abandoned as soon as a limit is
 * passed. V8 parses a body nested 100,000 levels deep without complaint, but JSON.stringify, structuredClone and
 * recursive validators overflow the stack on it; this walk is what may safely look at such a value first.
 */

export type JsonLimitExceeded = 'depth' | 'size';

export interface JsonLimits {
  /** Containers inside containers: `{}` is 1, `{"a":[]}` is 2; a bare string or number is 0. */
  maxDepth: number;
  /** About the length of the value's JSON text (strings are counted by UTF-16 units, without escapes). */
  maxChars?: number;
}

function scalarChars(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
  return 4; // null, and anything JSON.stringify would write as null
}

/** The first limit the value passes, or undefined when it keeps within both. */
export function exceededJsonLimit(value: unknown, limits: JsonLimits): JsonLimitExceeded | undefined {
  const maxChars = limits.maxChars ?? Number.POSITIVE_INFINITY;
  let chars = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') {
      chars += scalarChars(current);
    } else {
      const level = depth + 1;
      if (level > limits.maxDepth) return 'depth';
      chars += 2;
      if (Array.isArray(current)) {
        chars += Math.max(0, current.length - 1);
        for (const item of current) stack.push({ value: item, depth: level });
      } else {
        const entries = Object.entries(current);
        chars += Math.max(0, entries.length - 1);
        for (const [key, item] of entries) {
          chars += key.length + 3;
          stack.push({ value: item, depth: level });
        }
      }
    }
    if (chars > maxChars) return 'size';
  }
  return undefined;
}

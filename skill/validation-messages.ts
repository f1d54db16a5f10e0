/**
 * What a failed zod/mini check says, in vocart's own words, for the environment, the priors file and the inbox API's
 * bodies alike. zod/mini carries no messages of its own; bundling zod's whole English locale for them cost every
 * Lambda about 2.4 KB, mostly for formats vocart never checks. A check that brings its own message (a refine, a
 * regex, a length with a sentence) keeps it: zod passes that message and never asks here.
 */
import type * as z from 'zod/mini';

const KINDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** What the value was, said plainly: "not a number" for NaN, "Infinity", "a list", "text"… */
function described(input: unknown): string {
  if (typeof input === 'number') return String(input);
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  return KINDS[typeof input] ?? typeof input;
}

function bound(issue: { origin?: string; inclusive?: boolean; exact?: boolean }, limit: unknown, least: boolean): string {
  if (issue.origin === 'string' && least && Number(limit) === 1) return 'must not be empty';
  const amount = issue.exact ? 'exactly' : issue.inclusive === false ? (least ? 'more than' : 'less than') : least ? 'at least' : 'at most';
  const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
  return `must ${unit ? 'have' : 'be'} ${amount} ${String(limit)}${unit}`;
}

export function validationMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const kind = KINDS[issue.expected] ?? issue.expected;
      // A word read as a number is NaN: "must be a number" says it all.
      return typeof issue.input === 'number' && Number.isNaN(issue.input) ? `must be ${kind}` : `must be ${kind}, not ${described(issue.input)}`;
    }
    case 'too_small':
      return bound(issue, issue.minimum, true);
    case 'too_big':
      return bound(issue, issue.maximum, false);
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `unexpected field(s) ${issue.keys.join(', ')}`;
    case 'invalid_format':
      return 'has the wrong format';
    default:
      return 'is not valid';
  }
}

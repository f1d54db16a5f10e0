/**
 * The inbox token for `npm start`: CONSOLE_TOKEN when the environment sets one (config.ts has already refused one
 * shorter than 24 characters), else a fresh random one for this run, printed once with the inbox link.
 */
import { randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters, 256 bits. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function localToken(configured: string | undefined): { token: string; generated: boolean } {
  return configured ? { token: configured, generated: false } : { token: generateToken(), generated: true };
}

/** The inbox link with the token in the fragment: browsers never send a fragment to the server. */
export function inboxLink(base: string, token: string): string {
  return `${base}/console/inbox#token=${encodeURIComponent(token)}`;
}

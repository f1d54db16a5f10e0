/**
 * The agent inbox's page: its static files under lambda/console/public (its own three and the two it shares with the
 * simulator's page), served at /console/inbox by both hosts.
 * The local server reads them from disk (an edit shows on reload); the Function URL host has them bundled as text.
 * The token never travels in a URL the server sees: the page reads it from the fragment or a paste box.
 */
import { CONSOLE_PAGE_HEADERS } from '../console/page-headers';
import type { ApiResponse } from './http';

export const INBOX_PAGE_PATH = '/console/inbox';

/** URL path → the file in lambda/console/public and its media type. */
export const INBOX_PAGE_FILES: Readonly<Record<string, { file: 'inbox.html' | 'inbox.js' | 'inbox.css' | 'dom.js' | 'base.css'; type: string }>> = {
  [INBOX_PAGE_PATH]: { file: 'inbox.html', type: 'text/html; charset=utf-8' },
  '/console/inbox.js': { file: 'inbox.js', type: 'text/javascript; charset=utf-8' },
  '/console/inbox.css': { file: 'inbox.css', type: 'text/css; charset=utf-8' },
  '/console/dom.js': { file: 'dom.js', type: 'text/javascript; charset=utf-8' },
  '/console/base.css': { file: 'base.css', type: 'text/css; charset=utf-8' },
};

export type InboxPageFile = (typeof INBOX_PAGE_FILES)[string]['file'];

/** The file's response for a GET of one of the page's paths; undefined for any other path. */
export function inboxPageResponse(path: string, read: (file: InboxPageFile) => string): ApiResponse | undefined {
  const entry = INBOX_PAGE_FILES[path];
  if (!entry) return undefined;
  return {
    status: 200,
    // no-store: the page and its script change together; a cached old script against a new API helps nobody.
    headers: { ...CONSOLE_PAGE_HEADERS, 'content-type': entry.type, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    body: read(entry.file),
  };
}

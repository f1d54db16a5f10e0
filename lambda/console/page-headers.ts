/**
 * The security headers of the console's pages (the simulator and the agent inbox), written once: each page loads
 * only its own script and styles, product images come from the catalog's https URLs, and no page may be framed.
 */
export const CONSOLE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; img-src 'self' https: data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

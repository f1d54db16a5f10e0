/**
 * Amazon's rules for the SignatureCertChainUrl header, applied to the URL after normalisation: dot segments
 * resolved (also their percent-encoded forms), scheme `https` and host `s3.amazonaws.com` in any case, the path
 * starting with `/echo.api/` (case-sensitive), and port 443 when one is given. The certificate is downloaded from
 * the normalised URL, never from the header's text, so what was checked is what is fetched.
 */

const CERT_HOST = 's3.amazonaws.com';
const CERT_PATH_PREFIX = '/echo.api/';
const MAX_URL_CHARS = 2048;

/**
 * Percent-encoded unreserved characters (letters, digits, `-._~`) mean the same as the characters themselves
 * (RFC 3986 §6.2.2.2), so they are decoded before dot segments are resolved: `%2e%2e` is `..`.
 */
function decodeUnreserved(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (encoded, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : encoded.toUpperCase();
  });
}

/** The normalised certificate URL, or undefined when the header does not name Amazon's certificate bucket. */
export function normaliseCertChainUrl(header: string): URL | undefined {
  if (header.length === 0 || header.length > MAX_URL_CHARS) return undefined;
  let url: URL;
  try {
    // WHATWG parsing lowercases scheme and host, drops a default port and resolves dot segments.
    url = new URL(header.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.hostname !== CERT_HOST) return undefined;
  // An explicit :443 is dropped by the parser (default port); any other port is kept and refused.
  if (url.port !== '' && url.port !== '443') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  // Decode what may hide a dot segment, then let the parser resolve the segments again.
  const resolved = new URL(`https://${CERT_HOST}${decodeUnreserved(url.pathname)}`);
  const path = resolved.pathname;
  if (!path.startsWith(CERT_PATH_PREFIX)) return undefined;
  // Whatever is still encoded (`%2F`, `%5C`, `%00`…) could mean another object to S3 than the path we checked.
  if (path.includes('%')) return undefined;
  // Queries and fragments select nothing in a certificate bucket; left out, so one certificate has one cache key.
  return resolved;
}

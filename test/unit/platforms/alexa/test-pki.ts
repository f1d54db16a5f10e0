/**
 * A throw-away certificate hierarchy for signature tests, made with the openssl command line (Node cannot issue
 * certificates): a root CA, an intermediate CA, an Alexa-like signing certificate (SAN echo-api.amazon.com), one
 * for the wrong domain, and a TLS server certificate for s3.amazonaws.com so a local server can stand in for
 * Amazon's bucket. Nothing here touches the network.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  root: X509Certificate;
  rootPem: string;
  /** Signing certificate, intermediate: what Amazon serves at the certificate URL. */
  chainPem: string;
  wrongDomainChainPem: string;
  /** The chain without the intermediate: cannot be linked to the root. */
  brokenChainPem: string;
  serverKeyPem: string;
  serverCertPem: string;
  signBody(body: string): string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function issue(dir: string, name: string, issuer: string, extensions: string): void {
  openssl(dir, ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, [
    'x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial',
    '-days', '30', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.pem`,
  ]);
}

export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'vocart-pki-'));
  try {
    openssl(dir, [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '30', '-subj', '/CN=vocart test root',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    issue(dir, 'intermediate', 'root', 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
    issue(dir, 'signing', 'intermediate', 'basicConstraints=CA:FALSE\nsubjectAltName=DNS:echo-api.amazon.com\n');
    issue(dir, 'wrongdomain', 'intermediate', 'basicConstraints=CA:FALSE\nsubjectAltName=DNS:echo-api.example.com\n');
    issue(dir, 'server', 'root', 'basicConstraints=CA:FALSE\nsubjectAltName=DNS:s3.amazonaws.com\n');
    const read = (file: string) => readFileSync(join(dir, file), 'utf8');
    const signingKey = createPrivateKey(read('signing.key'));
    return {
      root: new X509Certificate(read('root.pem')),
      rootPem: read('root.pem'),
      chainPem: `${read('signing.pem')}${read('intermediate.pem')}`,
      wrongDomainChainPem: `${read('wrongdomain.pem')}${read('intermediate.pem')}`,
      brokenChainPem: read('signing.pem'),
      serverKeyPem: read('server.key'),
      serverCertPem: read('server.pem'),
      signBody: (body) => sign('RSA-SHA256', Buffer.from(body, 'utf8'), signingKey).toString('base64'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

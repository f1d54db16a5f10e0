/**
 * Downloads a certificate chain with a hard deadline and a size cap. At the deadline the request is destroyed, which
 * closes its socket: a caller that stops waiting must not leave a connection behind (200 timed-out checks used to
 * leave 200 open sockets). A fresh connection per download (no keep-alive): certificates are cached, so downloads
 * are rare and a pooled idle socket would only be another open file.
 */
import { Agent, get } from 'node:https';

export type DownloadProblem = 'timeout' | 'status' | 'too_large' | 'network';

export class CertificateDownloadError extends Error {
  constructor(
    readonly problem: DownloadProblem,
    options?: { cause?: unknown },
  ) {
    super(`certificate download failed: ${problem}`, options);
    this.name = 'CertificateDownloadError';
  }
}

export interface DownloadOptions {
  /** The whole download, connection included, must finish within this. */
  timeoutMs: number;
  maxBytes: number;
  /** The connection factory; tests hand in one that reaches a local server. */
  agent?: Agent;
}

/** Amazon's chain is about 4 KB. */
export const DEFAULT_DOWNLOAD: DownloadOptions = { timeoutMs: 2000, maxBytes: 64 * 1024 };

const defaultAgent = new Agent({ keepAlive: false, maxSockets: 8 });

export function downloadCertificateChain(url: URL, options: DownloadOptions = DEFAULT_DOWNLOAD): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let deadline: NodeJS.Timeout | undefined;
    const finish = (error: CertificateDownloadError | undefined, text?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (error) {
        // Destroying the request closes its socket, whether it is still connecting, waiting or reading.
        request.destroy();
        reject(error);
      } else {
        resolve(text ?? '');
      }
    };
    const request = get(url, { agent: options.agent ?? defaultAgent, headers: { accept: '*/*' } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        finish(new CertificateDownloadError('status'));
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        finish(new CertificateDownloadError('too_large'));
        return;
      }
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.byteLength;
        if (bytes > options.maxBytes) finish(new CertificateDownloadError('too_large'));
        else chunks.push(chunk);
      });
      response.on('end', () => finish(undefined, Buffer.concat(chunks).toString('utf8')));
      response.on('error', (error) => finish(new CertificateDownloadError('network', { cause: error })));
    });
    request.on('error', (error) => finish(new CertificateDownloadError('network', { cause: error })));
    deadline = setTimeout(() => finish(new CertificateDownloadError('timeout')), options.timeoutMs);
  });
}

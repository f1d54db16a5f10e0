/**
 * The Log port on Powertools' structured JSON logger. The core only passes ids, counts and error names; this file
 * adds nothing personal either (no event logging, no request bodies).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from './core/ports';
import type { Config } from './config';

export function createLog(config: Pick<Config, 'LOG_LEVEL'>): Log {
  if (config.LOG_LEVEL === 'SILENT') {
    const quiet = () => undefined;
    return { info: quiet, warn: quiet, error: quiet };
  }
  const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'vocart', logLevel: config.LOG_LEVEL });
  return {
    info: (message, fields) => logger.info(message, fields ?? {}),
    warn: (message, fields) => logger.warn(message, fields ?? {}),
    error: (message, fields) => logger.error(message, fields ?? {}),
  };
}

/**
 * Lambda entry point for the agent inbox behind a Function URL (see lambda/inbox/function-url.ts): the inbox API and
 * its page, on the same table, catalog and payment gateway the skill uses. The skill's own functions never load this.
 *
 * Environment: the skill's (TABLE_NAME, AWS_REGION, CATALOG_INDEX, payment and shop settings, LOG_LEVEL), the token
 * (CONSOLE_TOKEN_SECRET_ARN, or CONSOLE_TOKEN), and for a Chatwoot help desk HELPDESK=chatwoot with its CHATWOOT_*.
 */
import { createApp } from '../skill/app';
import { loadConfig } from '../skill/config';
import baseCss from './console/public/base.css' with { type: 'text' };
import css from './console/public/inbox.css' with { type: 'text' };
import html from './console/public/inbox.html' with { type: 'text' };
// @ts-expect-error: a .js file read as text, not a module; TypeScript would otherwise look for its declarations.
import script from './console/public/inbox.js' with { type: 'text' };
// @ts-expect-error: as above.
import dom from './console/public/dom.js' with { type: 'text' };
import { createInboxApi } from './inbox/api';
import { helpDeskRoutes } from './inbox/chatwoot-webhook';
import { inboxDepsFromApp } from './inbox/compose';
import { createFunctionUrlHandler } from './inbox/function-url';
import { secretsManagerReader } from './inbox/secrets-manager';
import { tokenSource } from './inbox/token-source';

export const handler = createFunctionUrlHandler(() => {
  const config = loadConfig();
  const deps = inboxDepsFromApp(createApp(config));
  const token = tokenSource(config, secretsManagerReader({ region: config.AWS_REGION }));
  return {
    api: createInboxApi(deps, { token, extraRoutes: helpDeskRoutes(config, deps) }),
    page: { 'inbox.html': html, 'inbox.js': script as string, 'inbox.css': css, 'dom.js': dom as string, 'base.css': baseCss },
  };
});

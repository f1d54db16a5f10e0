/**
 * Stands in for google-auth-library inside the Lambda bundles. actions-on-google's dialogflow() requires it
 * at load, but builds an OAuth2Client only when given a `clientId` (to verify Actions on Google users' id
 * tokens), which the Dialogflow webhook never passes. The real library brings gaxios, node-forge,
 * node-fetch, whatwg-url and tr46: about 700 KB of the Google bundle for code that never runs.
 */
export class OAuth2Client {
  constructor() {
    throw new Error('google-auth-library is not bundled: dialogflow() was given a clientId, which vocart never does (infra/bundling/options.ts)');
  }
}

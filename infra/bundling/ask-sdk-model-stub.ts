/**
 * Stands in for ask-sdk-model inside the Lambda bundles. ask-sdk-model is one CommonJS file (61 KB minified) holding
 * every Alexa service client; as a single module it cannot be tree-shaken. At runtime ask-sdk-core reads one thing
 * from it (dist/skill/CustomSkill.js): `services.ServiceClientFactory`, which it builds for every request when the
 * skill has an API client, and which hands out service clients only when a handler asks for one. vocart's handlers
 * never do: the one Alexa API vocart calls, Reminders, goes through skill/platforms/alexa/reminders-client.ts, and
 * everything else vocart takes from ask-sdk-model is a type (`import type`), erased before bundling.
 *
 * So the factory here can be built, and throws only if someone asks it for a client.
 * test/infra/bundling.test.ts keeps ask-sdk-model out of the bundles and runs the built Alexa bundle.
 */
/** The getters ask-sdk-model's ServiceClientFactory has (1.86): each throws here instead of building a client. */
const SERVICE_CLIENT_GETTERS = [
  'getDeviceAddressServiceClient',
  'getDirectiveServiceClient',
  'getEndpointEnumerationServiceClient',
  'getListManagementServiceClient',
  'getMonetizationServiceClient',
  'getReminderManagementServiceClient',
  'getTimerManagementServiceClient',
  'getUpsServiceClient',
] as const;

class ServiceClientFactory {
  constructor(_configuration?: unknown) {}
}

for (const getter of SERVICE_CLIENT_GETTERS) {
  Object.defineProperty(ServiceClientFactory.prototype, getter, {
    value(): never {
      throw new Error(`${getter}: ask-sdk-model's service clients are not bundled (infra/bundling/ask-sdk-model-stub.ts); call the API through a client of vocart's own`);
    },
  });
}

export const services = { ServiceClientFactory };

/**
 * How a shopper appears at the help desk: a stable pseudonym derived from the customer id, so every case of one
 * shopper lands on one Chatwoot contact, while the help desk never learns a name, an email, a phone number or the
 * platform's own user id. Agents reach the shopper only through vocart (the answer is delivered at the next launch).
 */
import { createHash } from 'node:crypto';

function digest(customerId: string): string {
  // A fixed label keeps this hash apart from any other hash of the same id.
  return createHash('sha256').update(`vocart-helpdesk-contact:${customerId}`, 'utf8').digest('hex');
}

/** Chatwoot's `identifier` (unique per account): what finds the contact again on the shopper's next case. */
export function contactIdentifier(customerId: string): string {
  return `vocart-${digest(customerId).slice(0, 32)}`;
}

/** The display name agents see, short enough to say on the phone to a colleague. */
export function contactName(customerId: string): string {
  return `Shopper ${digest(customerId).slice(0, 8)}`;
}

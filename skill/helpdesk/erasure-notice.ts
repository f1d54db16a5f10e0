/**
 * The local host's ear for erasure: the customer repository the core uses, reporting each erasure that removed
 * something after it succeeded, so the in-process relay can tell the help desk (in AWS the table's stream carries the
 * removals instead). Host-side on purpose: nothing here reaches a skill Lambda's bundle.
 */
import type { CustomerRepository } from '../core/ports';

export function noticingErasure(customers: CustomerRepository, erased: (customerId: string) => void): CustomerRepository {
  // A proxy, not a copy of the methods: every other call reaches the store's own instance unchanged.
  return new Proxy(customers, {
    get(target, property) {
      if (property === 'erase') {
        return async (customerId: string, options: { keepOrders: boolean }) => {
          const items = await target.erase(customerId, options);
          // Nothing stored, so no case either: the help desk holds nothing of this customer.
          if (items > 0) erased(customerId);
          return items;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

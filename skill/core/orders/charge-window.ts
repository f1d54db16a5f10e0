/**
 * The time an attempt may hold a confirmation's claim, and the last moment it may start a charge. Wall-clock epoch
 * ms (Date.now), like the turn budget: these measure real elapsed time, not the business clock.
 *
 * A claim's lease covers reconciling earlier attempts, one charge at the gateway's own deadline, and the commit.
 * An attempt starts a charge only if charge and commit still fit inside both its lease and the caller's deadline,
 * so once a lease has run out its holder is no longer charging, and a takeover can safely refund its key.
 */

/** Room left after the charge for the commit transaction (and the reply). */
export const COMMIT_MARGIN_MS = 1000;
/** Room before the charge for refunding earlier attempts' keys. */
export const RECONCILE_ALLOWANCE_MS = 1000;

export function claimLeaseMs(chargeTimeoutMs: number): number {
  return RECONCILE_ALLOWANCE_MS + chargeTimeoutMs + COMMIT_MARGIN_MS;
}

/** The last wall-clock moment a charge may start so that it and the commit end before every one of `ends`. */
export function latestChargeStart(chargeTimeoutMs: number, ends: ReadonlyArray<number | undefined>): number {
  const end = Math.min(...ends.map((value) => value ?? Number.POSITIVE_INFINITY));
  return end - chargeTimeoutMs - COMMIT_MARGIN_MS;
}

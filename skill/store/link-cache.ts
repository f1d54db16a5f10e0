/**
 * What a warm container remembers of account links (a token's or a platform identity's customer), each entry until
 * its own expiry and at most `maxEntries` of them, the oldest going first: both link lookups use it.
 */
export class LinkCache {
  // Map keeps insertion order: re-inserting moves an entry to the end, the first one is the oldest.
  private readonly entries = new Map<string, { customerId: string; until: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** The remembered customer, while its entry lasts; an expired entry is dropped. */
  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.customerId;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, customerId: string, until: number): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { customerId, until });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

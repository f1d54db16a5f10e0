/**
 * The k best of a stream of scored items, best first, without sorting the whole stream: a generic request
 * scores every product of an aisle but reads out five.
 */
export class TopK {
  private readonly items: { position: number; key: number; score: number }[] = [];

  /**
   * @param k how many to keep
   * @param tieBreak orders two positions with equal keys (negative: the first comes first)
   */
  constructor(
    private readonly k: number,
    private readonly tieBreak: (a: number, b: number) => number,
  ) {}

  /** Offers an item: `key` decides the order (higher first), `score` is carried along. */
  offer(position: number, key: number, score: number): void {
    if (this.k <= 0) return;
    const items = this.items;
    if (items.length === this.k && !this.comesBefore(position, key, items[items.length - 1]!)) return;
    if (items.length === this.k) items.pop();
    let at = items.length;
    while (at > 0 && this.comesBefore(position, key, items[at - 1]!)) at -= 1;
    items.splice(at, 0, { position, key, score });
  }

  /** What was kept, best first. */
  best(): { position: number; score: number }[] {
    return this.items.map(({ position, score }) => ({ position, score }));
  }

  private comesBefore(position: number, key: number, other: { position: number; key: number }): boolean {
    if (key !== other.key) return key > other.key;
    return this.tieBreak(position, other.position) < 0;
  }
}

import { describe, expect, it } from 'vitest';
import { TopK } from '../../../../skill/core/catalog/top-k';

describe('keeping the k best', () => {
  it('keeps the highest keys, best first, whatever order they come in', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const keys = Array.from({ length: 500 }, () => Math.floor(random() * 1000) / 10);
    const top = new TopK(7, (a, b) => a - b);
    keys.forEach((key, position) => top.offer(position, key, key / 100));
    const expected = keys
      .map((key, position) => ({ key, position }))
      .sort((a, b) => b.key - a.key || a.position - b.position)
      .slice(0, 7);
    expect(top.best()).toEqual(expected.map(({ key, position }) => ({ position, score: key / 100 })));
  });

  it('breaks ties with the given order', () => {
    const top = new TopK(2, (a, b) => b - a);
    for (const position of [1, 2, 3]) top.offer(position, 5, 0.5);
    expect(top.best().map((item) => item.position)).toEqual([3, 2]);
  });

  it('holds fewer when fewer were offered, and none for k = 0', () => {
    const top = new TopK(5, (a, b) => a - b);
    top.offer(4, 1, 1);
    expect(top.best()).toEqual([{ position: 4, score: 1 }]);
    const none = new TopK(0, (a, b) => a - b);
    none.offer(1, 1, 1);
    expect(none.best()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { comparableSize } from '../../../../../skill/core/conversation/steps/comparable-size';

describe('comparable pack sizes', () => {
  it('puts weights and volumes on one scale and keeps counts apart', () => {
    expect(comparableSize('1 gallon')).toEqual({ amount: 128, scale: 'ounces' });
    expect(comparableSize('half gallon')).toEqual({ amount: 64, scale: 'ounces' });
    expect(comparableSize('2 lb')).toEqual({ amount: 32, scale: 'ounces' });
    expect(comparableSize('500 g')?.amount).toBeCloseTo(17.6, 1);
    expect(comparableSize('12 count')).toEqual({ amount: 12, scale: 'pieces' });
    expect(comparableSize('a bunch')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { BusinessHoursError, expectedAnswer, parseBusinessHours, type HandoffSettings } from '../../../../skill/core/handoff/answer-time';
import { messagesFor } from '../../../../skill/core/i18n/messages';

const weekdays = (responseHours: number, timeZone = 'America/New_York'): Pick<HandoffSettings, 'hours' | 'responseHours' | 'timeZone'> => ({
  hours: parseBusinessHours('Mon-Fri 09:00-17:00'),
  responseHours,
  timeZone,
});

const said = (now: string, settings: Pick<HandoffSettings, 'hours' | 'responseHours' | 'timeZone'>) => {
  const at = expectedAnswer(new Date(now), settings);
  return { en: messagesFor('en-US').answerTime(at), de: messagesFor('de-DE').answerTime(at), at };
};

describe('when a person from the shop will have answered', () => {
  it('later today, rounded up to the full hour', () => {
    // Monday 10:17 in New York (EST): four business hours on is 14:17, said as "around 3 pm".
    const { en, de, at } = said('2026-11-23T15:17:00Z', weekdays(4));
    expect(en).toBe('later today around 3 pm');
    expect(de).toBe('heute gegen 15 Uhr');
    expect(at.localIso).toBe('2026-11-23T15:00:00.000');
  });

  it('counts from the opening when asked before it', () => {
    // Monday 05:00 local: the shop opens at 9.
    expect(said('2026-11-23T10:00:00Z', weekdays(4)).en).toBe('later today around 1 pm');
  });

  it('carries what is left of the day over to the next business day (an evening)', () => {
    // Monday 16:00: one hour today, one tomorrow.
    const late = said('2026-11-23T21:00:00Z', weekdays(2));
    expect(late.en).toBe('by tomorrow around 10 am');
    expect(late.de).toBe('bis morgen gegen 10 Uhr');
    // Monday 20:00, after closing: nothing counts until Tuesday 9:00.
    expect(said('2026-11-24T01:00:00Z', weekdays(2)).en).toBe('by tomorrow around 11 am');
  });

  it('skips the weekend and names the weekday', () => {
    // Friday 16:00.
    const friday = said('2026-11-27T21:00:00Z', weekdays(2));
    expect(friday.en).toBe('by Monday around 10 am');
    expect(friday.de).toBe('bis Montag gegen 10 Uhr');
    expect(friday.at.localIso).toBe('2026-11-30T10:00:00.000');
    // Saturday noon: Monday from the opening.
    expect(said('2026-11-28T17:00:00Z', weekdays(2)).en).toBe('by Monday around 11 am');
  });

  it('names a date when the answer is more than a week away', () => {
    // Monday 9:00 with 76 business hours (eight a day) to go: the second Friday, 13:00.
    const far = said('2026-11-23T14:00:00Z', weekdays(76));
    expect(far.at.relation).toBe('date');
    expect(far.en).toBe('by December 4 around 1 pm');
    expect(far.de).toBe('bis zum 4. Dezember gegen 13 Uhr');
  });

  it('keeps the wall clock across a daylight-saving change (New York, spring)', () => {
    // Friday 6 March 16:00 EST; the clocks go forward on Sunday 8 March. Monday's hours are still 9 to 5.
    expect(said('2026-03-06T21:00:00Z', weekdays(2)).at.localIso).toBe('2026-03-09T10:00:00.000');
    // Monday 9 March 10:30 EDT (14:30Z): a fixed winter offset would read 9:30 and say noon.
    expect(said('2026-03-09T14:30:00Z', weekdays(2)).en).toBe('later today around 1 pm');
  });

  it('keeps the wall clock across a daylight-saving change (Berlin, autumn)', () => {
    // Monday 26 October 08:30Z is 09:30 CET (the clocks went back on Sunday): 13:30, said "gegen 14 Uhr".
    const berlin = said('2026-10-26T08:30:00Z', weekdays(4, 'Europe/Berlin'));
    expect(berlin.de).toBe('heute gegen 14 Uhr');
    expect(berlin.en).toBe('later today around 2 pm');
  });

  it('says noon and minutes the way people do', () => {
    const hours = parseBusinessHours('Mon-Fri 09:30-23:30');
    // Opening at 9:30, two hours: 11:30, said as noon.
    const at = expectedAnswer(new Date('2026-11-23T14:00:00Z'), { hours, responseHours: 2, timeZone: 'America/New_York' });
    expect(messagesFor('en-US').answerTime(at)).toBe('later today around noon');
    // Monday 19:20 with four hours to go: 23:20 cannot round up past midnight, so the minutes are said.
    const late = expectedAnswer(new Date('2026-11-24T00:20:00Z'), { hours, responseHours: 4, timeZone: 'America/New_York' });
    expect(late.localIso).toBe('2026-11-23T23:20:00.000');
    expect(messagesFor('en-US').answerTime(late)).toBe('later today around 11:20 pm');
    expect(messagesFor('de-DE').answerTime(late)).toBe('heute gegen 23:20 Uhr');
  });
});

describe('business hours', () => {
  it('reads a range of days that wraps the week', () => {
    const hours = parseBusinessHours('Sun-Thu 08:00-16:00');
    expect([...hours.days].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(hours).toMatchObject({ opensAt: 480, closesAt: 960 });
    // Friday 15:00 in Berlin, closed until Sunday 8:00: two hours from then.
    expect(expectedAnswer(new Date('2026-11-27T14:00:00Z'), { hours, responseHours: 2, timeZone: 'Europe/Berlin' }).localIso).toBe('2026-11-29T10:00:00.000');
  });

  it('refuses hours that close before they open, or that are not hours at all', () => {
    expect(() => parseBusinessHours('Mon-Fri 17:00-09:00')).toThrow(BusinessHoursError);
    expect(() => parseBusinessHours('weekdays 9 to 5')).toThrow(/Mon-Fri 09:00-17:00/);
    expect(() => parseBusinessHours('Mon-Fro 09:00-17:00')).toThrow(BusinessHoursError);
  });
});

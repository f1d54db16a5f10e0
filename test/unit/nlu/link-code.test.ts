/**
 * The one-time link code as the console and `npm run chat` understand it, from the same neutral model the platforms
 * get: said digit by digit, typed, in English and German, and "link my account" without the code.
 */
import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../../lambda/nlu';

describe('understanding a link code', () => {
  it('hears the code said or typed, in both languages', async () => {
    const english = await createUnderstanding('en-US');
    expect(await english.understand('my link code is four eight one five two three')).toMatchObject({ intent: 'LinkAccountIntent', slots: { code: '481523' } });
    expect(await english.understand('link code 481523')).toMatchObject({ intent: 'LinkAccountIntent', slots: { code: '481523' } });
    expect(await english.understand('link my account')).toMatchObject({ intent: 'LinkAccountIntent', slots: {} });
    const german = await createUnderstanding('de-DE');
    expect(await german.understand('mein Verknüpfungscode ist vier acht eins fünf zwei drei')).toMatchObject({ intent: 'LinkAccountIntent', slots: { code: '481523' } });
    expect(await german.understand('verknüpfe mein Konto')).toMatchObject({ intent: 'LinkAccountIntent', slots: {} });
  }, 60_000);
});

// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../i18n';
import { ApiError } from './client';
import { applyFormErrors, detailMessage } from './errors';

function fakeForm(values: unknown) {
  const errors: Record<string, string> = {};
  return { errors, getValues: () => values, setFieldError: (path: string, message: string) => void (errors[path] = message) };
}

// The server's details: zod's English message, and the inclusive limit it broke as maximum / minimum.
const tooLongName = { path: 'name', code: 'too_long', message: 'Too big: expected string to have <=200 characters', maximum: 200 };
const tooBigPercent = { path: 'warnAtPercent', code: 'too_big', message: 'Too big: expected number to be <=99', maximum: 99 };
// An exclusive bound ("more than 0") comes without a limit.
const tooSmallMinutes = { path: 'targets.P1.resolutionMinutes', code: 'too_small', message: 'Too small: expected number to be >0' };

describe('form errors name the limit a value broke', () => {
  beforeAll(async () => {
    await setLanguage('cs');
  });
  const t = i18n.t.bind(i18n);

  it('says the limit a value broke, in the user language', async () => {
    expect(detailMessage(t, tooLongName)).toBe('Nejvýše 200 znaků');
    expect(detailMessage(t, tooBigPercent)).toBe('Nejvýše 99');
    expect(detailMessage(t, { path: 'x', code: 'too_small', message: 'Too small: expected number to be >=1', minimum: 1 })).toBe('Nejméně 1');
    expect(detailMessage(t, { path: 'x', code: 'too_short', message: 'Too small: expected string to have >=3 characters', minimum: 3 })).toBe('Alespoň 3 znaky');
    expect(detailMessage(t, { path: 'x', code: 'too_long', message: 'Too big: expected string to have <=1 characters', maximum: 1 })).toBe('Nejvýše 1 znak');
    // Without a limit in the detail or its message, the general text stays.
    expect(detailMessage(t, tooSmallMinutes)).toBe(i18n.t('errors.too_small'));
    expect(detailMessage(t, { path: 'code', code: 'invalid_format', message: 'lower-case letters' })).toBe(i18n.t('errors.invalid_format'));
    await setLanguage('en');
    expect(detailMessage(t, tooLongName)).toBe('At most 200 characters');
    await setLanguage('sk');
    expect(detailMessage(t, tooLongName)).toBe('Najviac 200 znakov');
    await setLanguage('cs');
  });

  it('reads the limit from the detail, and from the English message only when the detail has none', () => {
    // The limit sent wins over whatever the message says: the message is English prose, not a contract.
    expect(detailMessage(t, { path: 'name', code: 'too_long', message: 'Name is too long', maximum: 120 })).toBe('Nejvýše 120 znaků');
    expect(detailMessage(t, { path: 'name', code: 'too_long', message: 'Too big: expected string to have <=200 characters', maximum: 80 })).toBe('Nejvýše 80 znaků');
    // An answer without the fields (an older server) still names the limit from its message.
    expect(detailMessage(t, { path: 'name', code: 'too_long', message: 'Too big: expected string to have <=200 characters' })).toBe('Nejvýše 200 znaků');
    expect(detailMessage(t, { path: 'x', code: 'too_small', message: 'Too small: expected number to be >=1' })).toBe('Nejméně 1');
  });

  it('puts every error on its field, limits included, and returns the rest', () => {
    const form = fakeForm({ name: 'x', warnAtPercent: 150, targets: { P1: { resolution: { hours: 1 } } } });
    const error = new ApiError(400, 'validation_failed', 'The request is not valid', [
      tooLongName,
      tooBigPercent,
      { path: 'calendarId', code: 'unknown_reference', message: 'The calendar does not exist' },
      { path: 'targets.P1.resolutionMinutes', code: 'too_big', message: 'Too big: expected number to be <=525600', maximum: 525600 },
    ]);
    const leftovers = applyFormErrors(form, error, t, { 'targets.P1.resolutionMinutes': 'targets.P1.resolution.hours' });
    expect(form.errors).toEqual({ name: 'Nejvýše 200 znaků', warnAtPercent: 'Nejvýše 99', 'targets.P1.resolution.hours': 'Nejvýše 525600' });
    expect(leftovers).toEqual([`calendarId: ${i18n.t('errors.unknown_reference')}`]);
    expect(applyFormErrors(form, new Error('network'), t)).toEqual([]);
    // A field with a text of its own for the code keeps it: the password rule says more than its length.
    const password = fakeForm({ password: 'x' });
    applyFormErrors(password, new ApiError(400, 'validation_failed', 'The request is not valid', [{ path: 'password', code: 'too_short', message: 'Too small', minimum: 10 }]), t);
    expect(password.errors).toEqual({ password: i18n.t('fieldErrors.password.too_short') });
  });

  it('says a name taken by another queue, team, calendar or SLA policy at the name field, in each language', async () => {
    // The server's 409 for "standard" beside "Standard": the same answer from each of them.
    const taken = new ApiError(409, 'duplicate', 'An SLA policy named "standard" already exists', [{ path: 'name', code: 'duplicate', message: 'An SLA policy named "standard" already exists' }], {
      field: 'name',
      value: 'standard',
    });
    for (const [language, text] of [['cs', 'Už se používá'], ['sk', 'Už sa používa'], ['en', 'Already in use']] as const) {
      await setLanguage(language);
      const form = fakeForm({ name: 'standard', calendarId: '1' });
      expect(applyFormErrors(form, taken, t), language).toEqual([]);
      expect(form.errors, language).toEqual({ name: text });
    }
    await setLanguage('cs');
  });
});

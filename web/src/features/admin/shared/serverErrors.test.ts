// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../../i18n';
import { ApiError } from '../../../app/api/client';
import { adminDetailMessage, applyAdminFormErrors } from './serverErrors';

function fakeForm(values: unknown) {
  const errors: Record<string, string> = {};
  return { errors, getValues: () => values, setFieldError: (path: string, message: string) => void (errors[path] = message) };
}

// The server's details as zod words them: the limit is only in the English message.
const tooLongName = { path: 'name', code: 'too_long', message: 'Too big: expected string to have <=200 characters' };
const tooBigPercent = { path: 'warnAtPercent', code: 'too_big', message: 'Too big: expected number to be <=99' };
const tooSmallMinutes = { path: 'targets.P1.resolutionMinutes', code: 'too_small', message: 'Too small: expected number to be >0' };

describe('admin form errors name the limit', () => {
  beforeAll(async () => {
    await setLanguage('cs');
  });
  const t = i18n.t.bind(i18n);

  it('says the limit a value broke, in the user language', async () => {
    expect(adminDetailMessage(t, tooLongName)).toBe('Nejvýše 200 znaků');
    expect(adminDetailMessage(t, tooBigPercent)).toBe('Nejvýše 99');
    expect(adminDetailMessage(t, { path: 'x', code: 'too_small', message: 'Too small: expected number to be >=1' })).toBe('Nejméně 1');
    // Without an inclusive limit in the message, the general text stays.
    expect(adminDetailMessage(t, tooSmallMinutes)).toBe(i18n.t('errors.too_small'));
    expect(adminDetailMessage(t, { path: 'code', code: 'invalid_format', message: 'lower-case letters' })).toBe(i18n.t('errors.invalid_format'));
    await setLanguage('en');
    expect(adminDetailMessage(t, tooLongName)).toBe('At most 200 characters');
    await setLanguage('sk');
    expect(adminDetailMessage(t, tooLongName)).toBe('Najviac 200 znakov');
    await setLanguage('cs');
  });

  it('puts every error on its field, limits included, and returns the rest', () => {
    const form = fakeForm({ name: 'x', warnAtPercent: 150, targets: { P1: { resolution: { hours: 1 } } } });
    const error = new ApiError(400, 'validation_failed', 'The request is not valid', [
      tooLongName,
      tooBigPercent,
      { path: 'calendarId', code: 'unknown_reference', message: 'The calendar does not exist' },
      { path: 'targets.P1.resolutionMinutes', code: 'too_big', message: 'Too big: expected number to be <=525600' },
    ]);
    const leftovers = applyAdminFormErrors(form, error, t, { 'targets.P1.resolutionMinutes': 'targets.P1.resolution.hours' });
    expect(form.errors).toEqual({ name: 'Nejvýše 200 znaků', warnAtPercent: 'Nejvýše 99', 'targets.P1.resolution.hours': 'Nejvýše 525600' });
    expect(leftovers).toEqual([`calendarId: ${i18n.t('errors.unknown_reference')}`]);
    expect(applyAdminFormErrors(form, new Error('network'), t)).toEqual([]);
  });
});

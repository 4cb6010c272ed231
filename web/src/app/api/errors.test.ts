// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../i18n';
import { ApiError } from './client';
import { applyFormErrors, detailMessage, errorMessage } from './errors';

function fakeForm(values: unknown) {
  const errors: Record<string, string> = {};
  return { errors, getValues: () => values, setFieldError: (path: string, message: string) => void (errors[path] = message) };
}

describe('server errors in the UI', () => {
  beforeAll(async () => {
    await setLanguage('cs');
  });
  const t = i18n.t.bind(i18n);

  it('translates the top-level code and falls back to the server message', () => {
    expect(errorMessage(t, new ApiError(404, 'not_found', 'Client 7 not found'))).toBe('Nenalezeno. Možná to bylo odstraněno.');
    expect(errorMessage(t, new ApiError(418, 'brand_new_code', 'Server says so'))).toBe('Server says so');
    expect(errorMessage(t, new Error('x'))).toBe(i18n.t('errors.unknown'));
  });

  it('puts field errors on fields, nested ones by dotted path, and returns the rest', () => {
    const form = fakeForm({ name: '', companyId: '1', billingAddress: { city: '' } });
    const error = new ApiError(400, 'validation_failed', 'bad', [
      { path: 'companyId', code: 'invalid_company_id', message: 'IČO checksum' },
      { path: 'billingAddress.city', code: 'required', message: 'Required' },
      { path: 'somethingElse', code: 'unknown_field', message: 'Unknown field' },
    ]);
    const rest = applyFormErrors(form, error, t);
    expect(form.errors).toEqual({
      companyId: 'Neplatné IČO (nesouhlasí kontrolní číslice)',
      'billingAddress.city': 'Povinný údaj',
    });
    expect(rest).toEqual(['somethingElse: Neznámé pole']);
  });

  it('prefers a field-specific text, and maps paths when the form names differ', () => {
    expect(detailMessage(t, { path: 'currentPassword', code: 'invalid_credentials', message: '' })).toBe('Současné heslo není správné');
    const form = fakeForm({ password: '' });
    applyFormErrors(form, new ApiError(400, 'validation_failed', 'bad', [{ path: 'newPassword', code: 'weak_password', message: 'weak' }]), t, {
      newPassword: 'password',
    });
    expect(form.errors.password).toMatch(/uhodnutelné/);
  });
});

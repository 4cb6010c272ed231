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

  it('says in the headline which value of which field is already taken', async () => {
    const duplicate = (field: string, value?: string | number) =>
      new ApiError(409, 'duplicate', 'A record with the same unique value already exists', [{ path: field, code: 'duplicate', message: 'Already exists' }], {
        field,
        ...(value === undefined ? {} : { value }),
      });
    expect(errorMessage(t, duplicate('companyId', '12345678'))).toBe('Klient s IČO 12345678 už existuje.');
    expect(errorMessage(t, duplicate('email', 'jana@firma.cz'))).toBe('Uživatel s e-mailem jana@firma.cz už existuje.');
    expect(errorMessage(t, duplicate('code', 'service_desk'))).toBe('Kód „service_desk“ už je použitý. Zvolte jiný.');
    // Dates in the user's format; fields without their own text get the general one.
    expect(errorMessage(t, duplicate('validFrom', '2026-01-01'))).toBe('Už existuje záznam platný od 1. 1. 2026. Zvolte jiné datum.');
    expect(errorMessage(t, duplicate('lines.0.serial', 42))).toBe('Hodnota „42“ už je použitá.');
    // An answer that does not say the value (an older server) keeps the short text.
    expect(errorMessage(t, duplicate('code'))).toBe('Už se používá');
    expect(errorMessage(t, new ApiError(409, 'duplicate', 'x'))).toBe('Už se používá');
    await setLanguage('sk');
    expect(errorMessage(t, duplicate('companyId', '12345678'))).toBe('Klient s IČO 12345678 už existuje.');
    expect(errorMessage(t, duplicate('name', 'Servis'))).toBe('Názov „Servis“ sa už používa. Zvoľte iný.');
    await setLanguage('en');
    expect(errorMessage(t, duplicate('companyId', '12345678'))).toBe('A client with company ID 12345678 already exists.');
    await setLanguage('cs');
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

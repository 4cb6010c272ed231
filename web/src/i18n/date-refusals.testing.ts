// Shared by the i18n tests of the features whose pages send dates, months and periods:
// the API refuses a day or month that does not exist, and a range that ends before it
// starts, with the same codes everywhere; each page must say so in the user's language.
import { describe, expect, it } from 'vitest';
import { detailMessage } from '../app/api/errors';
import i18n, { LANGUAGES } from './index';

/** The codes and English words of those refusals, as the server sends them (platform/http/schemas.ts). */
const SERVER_WORDS = {
  invalid_date: '2026-02-30 is not a calendar date: 2026-02 has 28 days',
  invalid_period: '2026-13 is not a period (YYYY-MM, YYYY-Qn or YYYY): there is no month 13',
  invalid_range: 'to 2026-09 is before from 2026-10: a range ends on or after its start',
} as const;
export type DateRefusal = keyof typeof SERVER_WORDS;

/** For each code, the field paths of the feature's requests the API may refuse with it. */
export function describeDateRefusals(feature: string, fields: Partial<Record<DateRefusal, string[]>>): void {
  describe(`${feature}: a refused date, period or range is named in the user's language`, () => {
    for (const [code, paths] of Object.entries(fields) as [DateRefusal, string[]][]) {
      it(code, () => {
        const english = i18n.getFixedT('en')(`errors.${code}`);
        for (const lang of LANGUAGES) {
          const t = i18n.getFixedT(lang);
          for (const path of paths) {
            const text = detailMessage(t, { path, code, message: SERVER_WORDS[code] });
            expect(text, `${lang} ${path}`).toBe(t(`errors.${code}`));
            expect(text, `${lang} ${path}`).not.toBe(SERVER_WORDS[code]);
            if (lang !== 'en') expect(text, `${lang} ${path}`).not.toBe(english);
          }
        }
      });
    }
  });
}

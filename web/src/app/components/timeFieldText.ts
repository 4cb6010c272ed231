// What a time field reads (pure). Kontor writes a time of day one way in every language:
// 24 hours, "HH:MM" (as the API takes it), never the browser's own 12-hour form with an
// AM/PM part that can be left empty. A user may type it shorter.

/**
 * A typed time of day → 'HH:MM', or null when it is not one (then the field says so and
 * the form is not sent): "9" → 09:00, "930" and "0930" → 09:30, "9:30", "09.30" and
 * "9,30" → 09:30, "1745" → 17:45. Hours 0–23, minutes 00–59; no AM/PM.
 */
export function parseTimeField(text: string): string | null {
  const s = text.trim();
  const hoursOnly = /^(\d{1,2})$/.exec(s);
  const digits = /^(\d{1,2})(\d{2})$/.exec(s);
  const separated = /^(\d{1,2})\s*[:.,]\s*(\d{2})$/.exec(s);
  const [h, m] = hoursOnly ? [hoursOnly[1], '00'] : digits ? [digits[1], digits[2]] : separated ? [separated[1], separated[2]] : [];
  if (h === undefined || m === undefined) return null;
  const hours = Number(h);
  const minutes = Number(m);
  return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${m}` : null;
}

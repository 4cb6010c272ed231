// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decimalToMilli, formatDayRange, formatDecimal, formatElapsed, formatKm, formatHm, formatMinutes, parseDecimalInput, parseDuration, readDecimalInput, readDuration } from './format';

describe('minutes', () => {
  it('formats minutes for reading', () => {
    // A unit stays on its number's line (no-break space); hours and minutes may part.
    expect(formatMinutes(100)).toBe('1\u00a0h 40\u00a0min');
    expect(formatMinutes(45)).toBe('45\u00a0min');
    expect(formatMinutes(120)).toBe('2\u00a0h');
    expect(formatMinutes(0)).toBe('0\u00a0min');
  });

  it('formats minutes compactly for grids', () => {
    expect(formatHm(100)).toBe('1:40');
    expect(formatHm(5)).toBe('0:05');
    expect(formatHm(600)).toBe('10:00');
  });

  it('formats a running timer', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(3725)).toBe('1:02:05');
    expect(formatElapsed(-5)).toBe('0:00:00');
  });

  it('reads what technicians type as a duration', () => {
    expect(parseDuration('90')).toBe(90);
    expect(parseDuration('45m')).toBe(45);
    expect(parseDuration('45 min')).toBe(45);
    expect(parseDuration('1:30')).toBe(90);
    expect(parseDuration('1h30')).toBe(90);
    expect(parseDuration('1 h 30 min')).toBe(90);
    expect(parseDuration('2h')).toBe(120);
    expect(parseDuration('1,5h')).toBe(90);
    expect(parseDuration('1.25 h')).toBe(75);
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('abc')).toBeNull();
    expect(parseDuration('1:75')).toBeNull();
    expect(parseDuration('-5')).toBeNull();
  });
});

describe('km and quantities', () => {
  it('accepts a decimal comma, a dot and spaces between thousands', () => {
    expect(parseDecimalInput('36,5')).toBe('36.5');
    expect(parseDecimalInput('36.5')).toBe('36.5');
    expect(parseDecimalInput(' 1 000,25 ')).toBe('1000.25');
    expect(parseDecimalInput('1\u00a0200')).toBe('1200');
    expect(parseDecimalInput('007')).toBe('7');
    expect(parseDecimalInput('0,125')).toBe('0.125');
  });

  it('refuses what the server would refuse', () => {
    expect(parseDecimalInput('')).toBeNull();
    expect(parseDecimalInput('1,2345')).toBeNull();
    expect(parseDecimalInput('-3')).toBeNull();
    expect(parseDecimalInput('12 km')).toBeNull();
    expect(parseDecimalInput('1,2,3')).toBeNull();
  });

  it('shows the API decimal in the locale', () => {
    expect(formatDecimal('36.5', 'cs-CZ')).toBe('36,5');
    expect(formatDecimal('36.5', 'en-GB')).toBe('36.5');
    expect(formatDecimal(null, 'cs-CZ')).toBe('—');
  });
});

describe('what is wrong with a typed number', () => {
  it('tells a negative number and too many decimals from something that is no number', () => {
    expect(readDecimalInput('36,5')).toEqual({ value: '36.5', problem: null });
    expect(readDecimalInput('-5')).toEqual({ value: null, problem: 'negative' });
    expect(readDecimalInput('-2,5')).toEqual({ value: null, problem: 'negative' });
    expect(readDecimalInput('1,2345')).toEqual({ value: null, problem: 'decimals' });
    expect(readDecimalInput('12 km')).toEqual({ value: null, problem: 'notNumber' });
    expect(readDuration('1:30')).toEqual({ minutes: 90, problem: null });
    expect(readDuration('-30')).toEqual({ minutes: null, problem: 'negative' });
    expect(readDuration('-1:30')).toEqual({ minutes: null, problem: 'negative' });
    expect(readDuration('abc')).toEqual({ minutes: null, problem: 'notDuration' });
  });
});

describe('a week range', () => {
  it('writes both ends the same way in the UI language', () => {
    expect(formatDayRange('2026-11-23', '2026-11-29', 'en-GB')).toBe('23/11 – 29/11/2026');
    expect(formatDayRange('2026-11-23', '2026-11-29', 'cs-CZ')).toBe('23. 11. – 29. 11. 2026');
    expect(formatDayRange('2026-12-28', '2027-01-03', 'en-GB')).toBe('28/12/2026 – 03/01/2027');
  });
});

describe('km', () => {
  it('reads the API decimals as thousandths, exactly', () => {
    expect(decimalToMilli('36.5')).toBe(36_500);
    expect(decimalToMilli('0.1') + decimalToMilli('0.2')).toBe(300);
    expect(decimalToMilli('1000.125')).toBe(1_000_125);
    expect(decimalToMilli('0')).toBe(0);
    expect(decimalToMilli(null)).toBe(0);
  });

  it('writes km with the decimal comma in Czech and Slovak, a point in English', () => {
    expect(formatKm(36_500, 'cs-CZ')).toBe('36,5 km');
    expect(formatKm(36_500, 'sk-SK')).toBe('36,5 km');
    expect(formatKm(36_500, 'en-GB')).toBe('36.5 km');
    expect(formatKm(300, 'cs-CZ')).toBe('0,3 km');
    expect(formatKm(1_250_125, 'en-GB')).toBe('1,250.125 km');
  });
});

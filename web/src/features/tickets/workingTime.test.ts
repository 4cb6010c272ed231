// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Sla, SlaTargetOutcome } from './api';
import cs from './i18n/cs.json';
import en from './i18n/en.json';
import sk from './i18n/sk.json';
import { formatWorkingTime, hasRunningClock, headlineStatus, headlineText, slaHeadline } from './workingTime';

const NOW = Date.parse('2026-11-27T16:00:00Z'); // Fri 27 Nov 17:00 Prague
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const MONDAY_10 = '2026-11-30T09:00:00.000Z';

const target = (over: Partial<SlaTargetOutcome> = {}): SlaTargetOutcome =>
  ({ status: 'running', dueAt: MONDAY_10, stoppedAt: null, breachedMinutes: null, businessMinutesLeft: 120, ...over });
const NONE = target({ status: 'none', dueAt: null, businessMinutesLeft: null });
const sla = (status: string, dueAt: string | null = null): Pick<Sla, 'status' | 'dueAt'> => ({ status, dueAt });

describe('formatWorkingTime', () => {
  const units = { h: 'h', m: 'min' };
  it.each([
    [0, '0 min'],
    [1, '1 min'],
    [45, '45 min'],
    [60, '1 h'],
    [135, '2 h 15 min'],
    [-80, '1 h 20 min'],
    // Hours, never days: a working day has no fixed length.
    [24 * 60, '24 h'],
    [99 * 60 + 59, '99 h 59 min'],
    [150 * 60, '150 h'],
  ])('%i min → %s', (minutes, text) => {
    expect(formatWorkingTime(minutes, units)).toBe(text);
  });
});

describe('slaHeadline', () => {
  it('says the working time left of the target that runs out first, with its due time', () => {
    const headline = slaHeadline(sla('running', MONDAY_10), { firstResponse: target({ businessMinutesLeft: 135 }), resolution: target({ dueAt: at(5000), businessMinutesLeft: 900 }) }, NOW);
    expect(headline).toEqual({ kind: 'left', status: 'running', minutes: 135, dueAt: MONDAY_10 });
    // The first response answered: the resolution leads.
    const answered = slaHeadline(sla('running'), { firstResponse: target({ status: 'met', stoppedAt: at(-60), businessMinutesLeft: null }), resolution: target({ dueAt: at(5000), businessMinutesLeft: 900 }) }, NOW);
    expect(answered).toEqual({ kind: 'left', status: 'running', minutes: 900, dueAt: at(5000) });
  });

  it('keeps the colour rules: orange past the warning share, red when over', () => {
    const warning = slaHeadline(sla('warning'), { firstResponse: target({ status: 'warning', businessMinutesLeft: 30 }), resolution: NONE }, NOW);
    expect(warning).toMatchObject({ kind: 'left', status: 'warning', minutes: 30 });
    expect(headlineStatus(warning)).toBe('warning');
    const over = slaHeadline(sla('breached'), { firstResponse: target({ status: 'breached', dueAt: at(-200), breachedMinutes: 80, businessMinutesLeft: -80 }), resolution: target({ businessMinutesLeft: 600 }) }, NOW);
    expect(over).toEqual({ kind: 'over', minutes: 80, dueAt: at(-200) });
    expect(headlineStatus(over)).toBe('breached');
    // A breach of under half a minute rounds to 0 and is still a breach.
    expect(slaHeadline(sla('breached'), { firstResponse: target({ status: 'breached', businessMinutesLeft: 0 }), resolution: NONE }, NOW)).toMatchObject({ kind: 'over', minutes: 0 });
  });

  it('the due time passed on the wall clock since the server counted: no working time left', () => {
    expect(slaHeadline(sla('running'), { firstResponse: target({ dueAt: at(-1), businessMinutesLeft: 3 }), resolution: NONE }, NOW)).toMatchObject({ kind: 'left', minutes: 0 });
  });

  it('paused, and paused over the target; stopped clocks fall back to the ticket status', () => {
    const paused = slaHeadline(sla('paused'), { firstResponse: target({ status: 'met', stoppedAt: at(-60), businessMinutesLeft: null }), resolution: target({ status: 'paused', dueAt: null, businessMinutesLeft: null }) }, NOW);
    expect(paused).toEqual({ kind: 'paused', overMinutes: null });
    expect(headlineStatus(paused)).toBe('paused');
    const pausedOver = slaHeadline(sla('breached'), { firstResponse: NONE, resolution: target({ status: 'breached', breachedMinutes: 45, businessMinutesLeft: null }) }, NOW);
    expect(pausedOver).toEqual({ kind: 'paused', overMinutes: 45 });
    expect(headlineStatus(pausedOver)).toBe('breached');
    const met = slaHeadline(sla('met'), { firstResponse: target({ status: 'met', stoppedAt: at(-60), businessMinutesLeft: null }), resolution: target({ status: 'met', stoppedAt: at(-30), businessMinutesLeft: null }) }, NOW);
    expect(met).toEqual({ kind: 'status', status: 'met' });
    expect(slaHeadline(sla('none'), { firstResponse: NONE, resolution: NONE }, NOW)).toEqual({ kind: 'status', status: 'none' });
  });

  it('polls only while a clock runs', () => {
    expect(hasRunningClock({ firstResponse: target(), resolution: NONE })).toBe(true);
    expect(hasRunningClock({ firstResponse: NONE, resolution: target({ status: 'paused', businessMinutesLeft: null }) })).toBe(false);
  });
});

describe('headline in words, cs / sk / en', () => {
  type Texts = typeof en;
  const say = (texts: Texts, key: string, time?: string) => {
    const [, , group, name] = key.split('.');
    const sla = texts.tickets.sla as unknown as Record<string, Record<string, string>>;
    const template = group === 'working' ? sla.working![name!]! : sla.status![name!]!;
    return template.replace('{{time}}', time ?? '');
  };
  const units = (texts: Texts) => ({ h: texts.tickets.units.h, m: texts.tickets.units.m });
  const left = { kind: 'left', status: 'running', minutes: 135, dueAt: MONDAY_10 } as const;
  const over = { kind: 'over', minutes: 80, dueAt: MONDAY_10 } as const;

  it.each([
    ['en', en, '2 h 15 min working time left', 'over by 1 h 20 min of working time', 'Paused'],
    ['cs', cs, 'zbývá 2 h 15 min pracovní doby', 'překročeno o 1 h 20 min pracovní doby', 'Pozastaveno'],
    ['sk', sk, 'zostáva 2 h 15 min pracovného času', 'prekročené o 1 h 20 min pracovného času', 'Pozastavené'],
  ] as const)('%s', (_lang, texts, leftText, overText, pausedText) => {
    const l = headlineText(left, units(texts));
    expect(say(texts, l.key, l.time)).toBe(leftText);
    const o = headlineText(over, units(texts));
    expect(say(texts, o.key, o.time)).toBe(overText);
    expect(say(texts, headlineText({ kind: 'paused', overMinutes: null }, units(texts)).key)).toBe(pausedText);
    expect(headlineText({ kind: 'paused', overMinutes: 5 }, units(texts))).toEqual({ key: 'tickets.sla.working.pausedOver', time: `5 ${texts.tickets.units.m}` });
  });
});

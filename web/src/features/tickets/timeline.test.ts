// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { TimelineItem } from './api';
import { describeEvent, valueText, type EventFormat } from './timeline';

const fmt: EventFormat = {
  field: (name) => `«${name}»`,
  state: (code) => `S:${code}`,
  level: (field, level) => `${field}:${level}`,
  customLabel: (key) => `C:${key}`,
  dateTime: (iso) => `D:${iso}`,
  minutes: (minutes) => `${minutes} min`,
  slaClock: (clock) => `K:${clock}`,
  percent: (percent) => `P:${percent}`,
};

const event = (over: Partial<TimelineItem>): TimelineItem => ({
  kind: 'event', id: 1, at: '2026-11-26T10:00:00Z', actor: 'Olga', visibility: null, body: null, bodyHtml: null,
  event: 'field', field: null, before: null, after: null, ...over,
});

describe('timeline events as text', () => {
  it('"Olga changed priority P3 → P1"', () => {
    expect(describeEvent(event({ field: 'priority', before: 'P3', after: 'P1' }), 'Olga', fmt)).toEqual([
      { key: 'changed', params: { actor: 'Olga', field: '«priority»', before: 'P3', after: 'P1' } },
    ]);
  });

  it('state changes name the states', () => {
    expect(describeEvent(event({ event: 'state', field: 'state', before: 'new', after: 'in_progress' }), 'Olga', fmt)).toEqual([
      { key: 'state', params: { actor: 'Olga', before: 'S:new', after: 'S:in_progress' } },
    ]);
  });

  it('setting and clearing a reference shows its name', () => {
    expect(describeEvent(event({ field: 'assignee', before: null, after: { id: 4, name: 'Tomáš' } }), 'Olga', fmt)[0]).toEqual({
      key: 'set', params: { actor: 'Olga', field: '«assignee»', after: 'Tomáš' },
    });
    expect(describeEvent(event({ field: 'category', before: { id: 1, path: 'HW / Tiskárny' }, after: null }), 'Olga', fmt)[0]).toEqual({
      key: 'cleared', params: { actor: 'Olga', field: '«category»', before: 'HW / Tiskárny' },
    });
  });

  it('one line per changed custom field', () => {
    const lines = describeEvent(event({ field: 'custom', before: { location: 'Sklad', serial: 'A1' }, after: { location: 'Výroba', serial: 'A1', systems: ['ERP', 'VPN'] } }), 'Olga', fmt);
    expect(lines).toEqual([
      { key: 'changed', params: { actor: 'Olga', field: 'C:location', before: 'Sklad', after: 'Výroba' } },
      { key: 'set', params: { actor: 'Olga', field: 'C:systems', after: 'ERP, VPN' } },
    ]);
  });

  it('the description is not quoted; created, links and attachments have their own texts', () => {
    expect(describeEvent(event({ field: 'description', before: 'a', after: 'b' }), 'Olga', fmt)).toEqual([{ key: 'description', params: { actor: 'Olga' } }]);
    expect(describeEvent(event({ event: 'created', after: { number: 'T1' } }), 'Olga', fmt)[0]!.key).toBe('created');
    expect(describeEvent(event({ event: 'linked', field: 'links', after: 42 }), 'Olga', fmt)[0]).toEqual({ key: 'linked', params: { actor: 'Olga', ticket: '#42' } });
    expect(describeEvent(event({ event: 'attachment', after: { id: 1, filename: 'log.txt', size: 3 } }), 'Olga', fmt)[0]).toEqual({ key: 'attachment', params: { actor: 'Olga', filename: 'log.txt' } });
    expect(describeEvent(event({ event: 'merged' }), 'Olga', fmt)[0]).toEqual({ key: 'other', params: { actor: 'Olga', event: 'merged' } });
  });

  it('formats values by field', () => {
    expect(valueText('impact', 'high', fmt)).toBe('impact:high');
    expect(valueText('tags', ['vpn', 'sit'], fmt)).toBe('vpn, sit');
    expect(valueText('dimensions', [{ dimension: 'service', value: 'email', valueName: 'E-mail' }], fmt)).toBe('service: E-mail');
    expect(valueText('dimensions', [{ dimension: 'service', value: 'email', valueName: 'E-mail' }], { ...fmt, dimension: () => 'Služba' })).toBe('Služba: E-mail');
    expect(valueText('watchers', { users: [{ id: 1, name: 'Olga' }], contacts: [{ id: 2, name: 'Jana' }] }, fmt)).toBe('Olga, Jana');
    expect(valueText('parentId', 7, fmt)).toBe('#7');
    expect(valueText('team', null, fmt)).toBe('');
  });

  it('SLA warnings and breaches name the deadline, its due time and the share or overrun, never the event code', () => {
    const detail = { clock: 'firstResponse', at: '2026-11-27T15:31:19Z', dueAt: '2026-11-27T15:32:19Z', priority: 'P1' };
    expect(describeEvent(event({ event: 'sla_warning', field: 'firstResponse', after: { ...detail, percent: 50 } }), 'SLA', fmt)).toEqual([
      { key: 'slaWarning', params: { actor: 'SLA', clock: 'K:firstResponse', due: 'D:2026-11-27T15:32:19Z', percent: 'P:50' } },
    ]);
    expect(describeEvent(event({ event: 'sla_breach', field: 'resolution', after: { ...detail, clock: 'resolution', breachedMinutes: 0 } }), 'SLA', fmt)).toEqual([
      { key: 'slaBreach', params: { actor: 'SLA', clock: 'K:resolution', due: 'D:2026-11-27T15:32:19Z' } },
    ]);
    // A late answer recorded after the fact carries the minutes it was late by.
    expect(describeEvent(event({ event: 'sla_breach', field: 'firstResponse', after: { ...detail, breachedMinutes: 75 } }), 'SLA', fmt)).toEqual([
      { key: 'slaBreachBy', params: { actor: 'SLA', clock: 'K:firstResponse', due: 'D:2026-11-27T15:32:19Z', late: '75 min' } },
    ]);
  });

  it('an SLA escalation names the queue it left and the one it went to', () => {
    expect(describeEvent(event({ event: 'escalated', field: 'queue', before: { id: 1, name: 'Service desk' }, after: { id: 2, name: 'Eskalace' } }), 'SLA', fmt)).toEqual([
      { key: 'escalated', params: { actor: 'SLA', before: 'Service desk', after: 'Eskalace' } },
    ]);
  });

  it('a skipped escalation says why the ticket stayed: the queue it names is inactive, or gone', () => {
    expect(describeEvent(event({ event: 'escalation_skipped', field: 'queue', after: { id: 2, name: 'Eskalace', reason: 'inactive' } }), 'SLA', fmt)).toEqual([
      { key: 'escalationSkipped', params: { actor: 'SLA', queue: 'Eskalace' } },
    ]);
    expect(describeEvent(event({ event: 'escalation_skipped', field: 'queue', after: { id: 2, name: null, reason: 'missing' } }), 'SLA', fmt)).toEqual([
      { key: 'escalationSkippedMissing', params: { actor: 'SLA' } },
    ]);
  });
});

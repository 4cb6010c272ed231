// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { AuditEntry } from './api';
import { formatDateTimeSeconds } from '../../app/format';
import { describeValue, entityName, fieldLabel, withDatesWritten } from './auditValues';

const entry = (entity: string, references: AuditEntry['references'] = {}) => ({ entity, references });

describe('audit values in words', () => {
  it('labels fields in the reader\'s language, lines by their position, unknown fields in words', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    expect(fieldLabel(t, 'ticket', ['assigneeId'])).toBe('Řešitel');
    expect(fieldLabel(t, 'stock_document', ['lines', 1, 'itemId'])).toBe('Řádky › 2 › Položka');
    expect(fieldLabel(t, 'invoice', ['record_id'])).toBe('Výkaz práce');
    expect(fieldLabel(t, 'user', ['name'])).toBe('Jméno');
    expect(fieldLabel(t, 'queue', ['name'])).toBe('Název');
    expect(fieldLabel(t, 'sla_policy', ['targets', 'P1', 'resolutionMinutes'])).toBe(`Cíle › ${t('tickets.priorities.P1')} › Vyřešení (minuty)`);
    expect(fieldLabel(t, 'ticket', ['custom', 'assetTag'])).toBe('Vlastní pole › Asset tag');
    expect(fieldLabel(t, 'calendar', ['weekly', '1', 0, 'start'])).toBe('Týdenní rozvrh › pondělí › 1 › Začátek');
    await i18n.changeLanguage('sk');
    expect(fieldLabel(i18n.t.bind(i18n), 'ticket', ['assigneeId'])).toBe('Riešiteľ');
    await i18n.changeLanguage('en');
    expect(fieldLabel(i18n.t.bind(i18n), 'ticket', ['assigneeId'])).toBe('Assignee');
  });

  it('names ids by what they refer to, lists too, and a deleted row by its id', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    const refs = {
      assigneeId: { entity: 'user', names: { 17: 'Jana Nováková', 23: null } },
      members: { entity: 'user', names: { 2: 'Petr', 3: 'Olga' } },
      queueId: { entity: 'queue', names: { 4: 'Servis' } },
    };
    expect(describeValue(t, entry('ticket', refs), ['assigneeId'], 17)).toEqual([{ text: 'Jana Nováková', id: 17 }]);
    expect(describeValue(t, entry('ticket', refs), ['assigneeId'], 23)).toEqual([{ text: '#23 (smazáno)', deleted: true }]);
    expect(describeValue(t, entry('queue', refs), ['members'], [2, 3])).toEqual([{ text: 'Petr', id: 2 }, { text: 'Olga', id: 3 }]);
    // A saved view's filter keeps the id as text.
    expect(describeValue(t, entry('saved_view', refs), ['filters', 'queueId'], '4')).toEqual([{ text: 'Servis', id: 4 }]);
    // A reference recorded with its name needs no look-up.
    expect(describeValue(t, entry('ticket'), ['assignee'], { id: 5, name: 'Karel' })).toEqual([{ text: 'Karel', id: 5 }]);
    // An id the server did not name stays as recorded.
    expect(describeValue(t, entry('ticket', refs), ['queueId'], 99)).toEqual([{ text: '99' }]);
  });

  it('words default state and type names in the reader\'s language, renamed ones as given', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    const refs = {
      stateId: { entity: 'ticket_state', names: { 3: 'In progress', 4: 'Čeká na díl' }, codes: { 3: 'in_progress', 4: 'waiting_for_part' } },
      typeId: { entity: 'ticket_type', names: { 1: 'Incident' }, codes: { 1: 'incident' } },
    };
    expect(describeValue(t, entry('custom_field', refs), ['stateId'], 3)).toEqual([{ text: t('tickets.states.in_progress'), id: 3 }]);
    expect(t('tickets.states.in_progress')).not.toBe('In progress');
    expect(describeValue(t, entry('custom_field', refs), ['stateId'], 4)).toEqual([{ text: 'Čeká na díl', id: 4 }]);
    expect(describeValue(t, entry('custom_field', refs), ['typeId'], 1)).toEqual([{ text: t('tickets.types.incident'), id: 1 }]);
  });

  it('words codes by the entity they belong to, keeping the code, and yes or no', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    expect(describeValue(t, entry('ticket'), ['priority'], 'P1')).toEqual([{ text: t('tickets.priorities.P1'), recorded: 'P1' }]);
    expect(describeValue(t, entry('saved_view'), ['filters', 'priority'], 'P1,P2').map((p) => p.recorded)).toEqual(['P1', 'P2']);
    expect(describeValue(t, entry('ticket'), ['clock'], 'firstResponse')).toEqual([{ text: t('tickets.sla.firstResponse'), recorded: 'firstResponse' }]);
    expect(describeValue(t, entry('ticket'), ['state'], 'resolved')).toEqual([{ text: t('tickets.states.resolved'), recorded: 'resolved' }]);
    expect(describeValue(t, entry('record'), ['state'], 'approved')).toEqual([{ text: t('records.states.approved'), recorded: 'approved' }]);
    expect(describeValue(t, entry('invoice'), ['state'], 'paid')).toEqual([{ text: t('billing.status.paid'), recorded: 'paid' }]);
    expect(describeValue(t, entry('user'), ['roles'], ['admin', 'technician']).map((p) => p.text)).toEqual([t('roles.admin'), t('roles.technician')]);
    expect(describeValue(t, entry('session'), ['reason'], 'wrong_password')).toEqual([{ text: 'chybné heslo', recorded: 'wrong_password' }]);
    // The same field name elsewhere is not a code: a stock document's reason is the user's text.
    expect(describeValue(t, entry('stock_document'), ['reason'], 'wrong_password')).toEqual([{ text: 'wrong_password' }]);
    expect(describeValue(t, entry('client'), ['active'], false)).toEqual([{ text: 'Ne', recorded: 'false' }]);
    expect(describeValue(t, entry('client'), ['address'], { city: 'Brno' })).toEqual([{ text: '{"city":"Brno"}' }]);
  });
  it('writes days and moments, and lists of days, in the reader\'s language and time zone, keeping what was recorded', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    expect(describeValue(t, entry('calendar'), ['extraDaysOff'], ['2026-12-31', '2027-03-29'])).toEqual([
      { text: '31. 12. 2026', recorded: '2026-12-31' },
      { text: '29. 3. 2027', recorded: '2027-03-29' },
    ]);
    const moment = describeValue(t, entry('calendar'), ['updatedAt'], '2026-11-28T17:35:59.731Z');
    expect(moment).toEqual([{ text: formatDateTimeSeconds('2026-11-28T17:35:59.731Z'), recorded: '2026-11-28T17:35:59.731Z' }]);
    expect(moment[0]!.text).toMatch(/^2[89]\. 11\. 2026 \d{1,2}:\d{2}:\d{2}$/);
    await i18n.changeLanguage('en');
    expect(describeValue(i18n.t.bind(i18n), entry('contract'), ['validFrom'], '2026-01-05')).toEqual([{ text: '05/01/2026', recorded: '2026-01-05' }]);
    // Text that only looks like a day in part, or a list of other things, stays as recorded.
    expect(describeValue(t, entry('client'), ['notes'], 'od 2026-01-05')).toEqual([{ text: 'od 2026-01-05' }]);
    expect(describeValue(t, entry('calendar'), ['extraDaysOff'], ['2026-12-31', 'x'])).toEqual([{ text: '["2026-12-31","x"]' }]);
  });

  it('names an entry\'s entity with its days written so, and a setting by what it sets', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    expect(entityName(t, { entity: 'record', entityId: '6', entityLabel: '2026-10-12 · Martin Vedoucí · T2026-000006' })).toBe('12. 10. 2026 · Martin Vedoucí · T2026-000006');
    expect(withDatesWritten('Ceník 2026 · 2026-01-01')).toBe('Ceník 2026 · 1. 1. 2026');
    expect(entityName(t, { entity: 'setting', entityId: 'ticket_number_prefix', entityLabel: null })).toBe('Předpona čísel požadavků');
    expect(entityName(t, { entity: 'setting', entityId: 'something_new', entityLabel: null })).toBeNull();
    expect(entityName(t, { entity: 'ticket', entityId: '9', entityLabel: null })).toBeNull();
    await i18n.changeLanguage('sk');
    expect(entityName(i18n.t.bind(i18n), { entity: 'setting', entityId: 'priority_matrix', entityLabel: null })).toBe('Matica priorít');
    await i18n.changeLanguage('en');
    expect(entityName(i18n.t.bind(i18n), { entity: 'setting', entityId: 'ticket_number_prefix', entityLabel: null })).toBe('Ticket number prefix');
    // A referenced record is named the same way.
    const refs = { recordId: { entity: 'record', names: { 6: '2026-10-12 · Martin · T2026-000006' } } };
    expect(describeValue(i18n.t.bind(i18n), entry('invoice', refs), ['recordId'], 6)).toEqual([{ text: '12/10/2026 · Martin · T2026-000006', id: 6 }]);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { foldedOptionsFilter, foldForSearch } from './textSearch';

const contacts = [
  { value: '1', label: 'Petr Dvořák <petr.dvorak@strojirny-brno.cz>' },
  { value: '2', label: 'Jana Nováková <jana.novakova@strojirny-brno.cz>' },
  { value: '3', label: 'Vrátný bez e-mailu' },
];
const found = (search: string, limit = Infinity) => foldedOptionsFilter({ options: contacts, search, limit }).map((o) => ('value' in o ? o.value : o.group));

describe('searching typed text', () => {
  it('folds case, accents and spaces as the server does', () => {
    expect(foldForSearch('  Český   Servis ')).toBe('cesky servis');
  });
  it('finds an option by a part of its name or e-mail, case and accents aside', () => {
    expect(found('Petr')).toEqual(['1']);
    expect(found('dvorak')).toEqual(['1']);
    expect(found('NOVÁKOVÁ@')).toEqual(['2']);
    expect(found('vratny')).toEqual(['3']);
    expect(found('strojirny')).toEqual(['1', '2']);
    expect(found('')).toEqual(['1', '2', '3']);
    expect(found('praha')).toEqual([]);
  });
  it('keeps groups that have a match and stops at the limit', () => {
    const grouped = foldedOptionsFilter({ options: [{ group: 'Strojírny', items: contacts }], search: 'strojirny', limit: 1 });
    expect(grouped).toEqual([{ group: 'Strojírny', items: [contacts[0]] }]);
    expect(found('a', 2)).toEqual(['1', '2']);
  });
});

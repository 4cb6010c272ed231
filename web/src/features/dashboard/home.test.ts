// @vitest-environment node
import { describe, expect, it } from 'vitest';
import cs from '../../i18n/cs.json';
import { homeOf } from './home';

const allowAll = () => true;
const text = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], cs) as string;

describe('home page', () => {
  it('gives a client contact their organisation and account, and says plainly the portal is not built yet', () => {
    const home = homeOf(['client_contact'], (p) => p === 'clients.read' || p === 'tokens.own');
    expect(home.audience).toBe('client');
    expect(home.shortcuts.map((s) => s.key)).toEqual(['organisation', 'password']);
    expect(text(home.note)).toContain('Klientský portál zatím není hotový');
    // No staff words on a client's home.
    for (const s of home.shortcuts) expect(text(`dashboard.${s.key}.text`)).not.toContain('kterým poskytujete servis');
    // Their organisation's card opens its page straight, by the session's clientId.
    const own = homeOf(['client_contact'], (p) => p === 'clients.read', 42);
    expect(own.shortcuts.find((s) => s.key === 'organisation')?.to).toBe('/clients/42');
  });

  it('gives staff their shortcuts by permission and no promise of modules that are already there', () => {
    const home = homeOf(['technician'], (p) => ['clients.read', 'tokens.own'].includes(p));
    expect(home.audience).toBe('staff');
    expect(home.shortcuts.map((s) => s.key)).toEqual(['clients', 'tokens', 'password']);
    expect(homeOf(['admin', 'client_contact'], allowAll).audience).toBe('staff');
    const note = text(home.note);
    for (const shipped of ['Výkazy', 'sklad', 'smlouvy', 'fakturace', 'reporty']) expect(note).not.toContain(shipped);
    expect(note).toContain('klientský portál');
  });

  it('offers an accountant their own work, not only clients and the account', () => {
    const accountant = ['clients.read', 'invoices.read', 'invoices.payments', 'exports.run', 'tokens.own'];
    const home = homeOf(['accountant'], (p) => accountant.includes(p));
    expect(home.shortcuts.map((s) => s.key)).toEqual(['clients', 'invoices', 'exports', 'tokens', 'password']);
    for (const s of home.shortcuts) expect(text(`dashboard.${s.key}.title`)).toBeTruthy();
    expect(homeOf(['manager'], (p) => p === 'records.approve').shortcuts.map((s) => s.key)).toEqual(['approvals', 'password']);
  });

  it('shows whoever may see the warehouse what is below its minimum, one click from the filtered stock table', () => {
    const home = homeOf(['manager'], (p) => ['records.approve', 'warehouse.read', 'invoices.read'].includes(p));
    expect(home.shortcuts.map((s) => s.key)).toEqual(['approvals', 'stock', 'invoices', 'password']);
    expect(home.shortcuts.find((s) => s.key === 'stock')?.to).toBe('/warehouse/stock?below=1');
    expect(text('dashboard.stock.title')).toBe('Sklad');
    expect(homeOf(['technician'], (p) => p === 'clients.read').shortcuts.map((s) => s.key)).not.toContain('stock');
  });
});

import { auditedChange } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { forbidden, invalid, notFound, staleVersion } from '../../shared/errors.ts';
import { merged } from '../../shared/patch.ts';
import { auditWhoOf, canSeeClient, clientScopeOf, hasPermission, type RequestContext } from '../identity/index.ts';
import * as repo from './clients.repo.ts';
import type { Client, ClientPatch, Contact, ContactPatch, NewClient, NewContact } from './customers.schemas.ts';
import { clientProblems, contactProblems, normalizeIdentity } from './domain/index.ts';

/** Whether the actor may read what the provider keeps about its clients for itself (staff; never a client contact). */
function internalAllowed(ctx: RequestContext): boolean {
  return hasPermission(ctx.actor, 'clients.read_internal');
}

/**
 * The client as the actor may read it: without its internal notes for anyone who may not
 * read them (a client contact reading the own organisation). The field is left out, not
 * nulled, so "no notes" and "not yours to read" never look alike.
 */
function readableBy(ctx: RequestContext, client: Client): Client {
  if (internalAllowed(ctx)) return client;
  const { notes: _internal, ...shared } = client;
  return shared;
}

/** Clients and their contacts: validation, record scope, optimistic concurrency, audit, internal fields by permission. */
export function createCustomersService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;

  function validated(values: repo.ClientValues): repo.ClientValues {
    const v = normalizeIdentity(values);
    // Object.assign, not a spread with more keys (docs/ARCHITECTURE.md, “Hot paths”).
    const problems = clientProblems(Object.assign({ registeredAddressCountry: v.registeredAddress?.country, billingAddressCountry: v.billingAddress?.country }, v));
    if (problems.length) throw invalid(problems);
    return v;
  }

  /** A client the actor may see, as stored, else "not found" (never "forbidden": its existence must not leak). */
  async function visibleClient(ctx: RequestContext, id: number): Promise<Client> {
    if (!hasPermission(ctx.actor, 'clients.read')) throw forbidden();
    const client = canSeeClient(ctx.actor, id) ? await repo.findClient(db, id) : null;
    if (!client) throw notFound('Client');
    return client;
  }

  /** A visible client as the actor may read it: every answer about a client goes through here. */
  async function get(ctx: RequestContext, id: number): Promise<Client> {
    return readableBy(ctx, await visibleClient(ctx, id));
  }

  function requireWrite(ctx: RequestContext): void {
    if (!hasPermission(ctx.actor, 'clients.write')) throw forbidden();
  }

  async function list(ctx: RequestContext, q: { q?: string | undefined; active: 'true' | 'false' | 'all'; limit: number; cursor?: string | undefined }) {
    if (!hasPermission(ctx.actor, 'clients.read')) throw forbidden();
    const scope = clientScopeOf(ctx.actor);
    const after = q.cursor ? decodeCursor(q.cursor, ['string', 'number']) : undefined;
    const rows = await repo.listClients(db, {
      q: q.q,
      active: q.active,
      limit: q.limit + 1,
      after: after ? { key: after[0] as string, id: after[1] as number } : undefined,
      onlyIds: scope.kind === 'all' ? null : scope.clientIds,
    });
    const page = pageOf(rows, q.limit, (r) => [r.search_text, r.id], repo.toClient);
    return internalAllowed(ctx) ? page : { ...page, items: page.items.map((c) => readableBy(ctx, c)) };
  }

  async function create(ctx: RequestContext, input: NewClient): Promise<Client> {
    requireWrite(ctx);
    const values = validated({
      name: input.name,
      companyId: input.companyId || null,
      vatId: input.vatId || null,
      taxId: input.taxId || null,
      country: input.country,
      registeredAddress: input.registeredAddress ?? null,
      billingAddress: input.billingAddress ?? null,
      email: input.email ?? null,
      phone: input.phone || null,
      language: input.language,
      currency: input.currency,
      paymentTermsDays: input.paymentTermsDays,
      notes: input.notes || null,
      active: true,
    });
    return auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const client = await repo.insertClient(trx, values, at);
      return { result: client, audit: { entity: 'client', entityId: client.id, action: 'create', after: client } };
    }).then((client) => readableBy(ctx, client));
  }

  async function update(ctx: RequestContext, id: number, patch: ClientPatch): Promise<Client> {
    requireWrite(ctx);
    const before = await visibleClient(ctx, id);
    const { version, ...changes } = patch;
    const next = merged(before, changes as Partial<Client>);
    const values = validated({
      ...next,
      companyId: next.companyId || null,
      vatId: next.vatId || null,
      taxId: next.taxId || null,
      phone: next.phone || null,
      notes: next.notes || null,
    });
    return auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const after = await repo.updateClient(trx, id, version, values, at);
      if (!after) throw staleVersion('The client');
      return { result: after, audit: { entity: 'client', entityId: id, action: 'update', before, after } };
    }).then((client) => readableBy(ctx, client));
  }

  async function listContacts(ctx: RequestContext, clientId: number): Promise<Contact[]> {
    await visibleClient(ctx, clientId);
    return repo.listContacts(db, clientId);
  }

  async function createContact(ctx: RequestContext, clientId: number, input: NewContact): Promise<Contact> {
    requireWrite(ctx);
    const client = await visibleClient(ctx, clientId);
    if (!client.active) throw invalid([{ path: '', code: 'client_inactive', message: 'The client is deactivated' }]);
    const values = { name: input.name, email: input.email ?? null, phone: input.phone || null, language: input.language, portalAccess: input.portalAccess, active: true };
    const problems = contactProblems(values);
    if (problems.length) throw invalid(problems);
    return auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const contact = await repo.insertContact(trx, clientId, values, at);
      return { result: contact, audit: { entity: 'contact', entityId: contact.id, action: 'create', after: contact } };
    });
  }

  async function updateContact(ctx: RequestContext, id: number, patch: ContactPatch): Promise<Contact> {
    requireWrite(ctx);
    const before = await repo.findContact(db, id);
    if (!before || !canSeeClient(ctx.actor, before.clientId)) throw notFound('Contact');
    const { version, ...changes } = patch;
    const next = merged(before, changes as Partial<Contact>);
    const problems = contactProblems(next);
    if (problems.length) throw invalid(problems);
    return auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const after = await repo.updateContact(trx, id, version, { ...next, phone: next.phone || null }, at);
      if (!after) throw staleVersion('The contact');
      return { result: after, audit: { entity: 'contact', entityId: id, action: 'update', before, after } };
    });
  }

  return { list, get, create, update, listContacts, createContact, updateContact };
}

export type CustomersService = ReturnType<typeof createCustomersService>;

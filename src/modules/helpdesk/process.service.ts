import type { DbOrTx } from '../../platform/db/index.ts';
import { AppError, notFound, staleVersion } from '../../shared/errors.ts';
import type { RequestContext } from '../identity/index.ts';
import { auditedChange, duplicate, failIf, merged, requireConfigure, requireRead, type HelpdeskDeps } from './common.ts';
import type { ActiveFilter } from './common.schemas.ts';
import { DEFAULT_PROCESS, processProblems, type ProcessInput } from './domain/index.ts';
import * as repo from './process.repo.ts';
import type { NewTicketType, ProcessBody, TicketType, TicketTypePatch } from './process.schemas.ts';
import { listFields } from './taxonomy.repo.ts';

/** A process from the API with every state's order decided (its position, unless given). */
function processInput(body: ProcessBody): ProcessInput {
  return {
    states: body.states.map((s, i) => ({ ...s, sortOrder: s.sortOrder ?? (i + 1) * 10 })),
    transitions: body.transitions,
  };
}

/** The custom field keys a ticket of the type can carry, for transitions' required fields. */
async function fieldKeys(db: DbOrTx, typeId: number | null): Promise<Set<string>> {
  const fields = await listFields(db, typeId === null ? {} : { typeId });
  return new Set(fields.filter((f) => typeId !== null || f.typeId === null).map((f) => f.key));
}

function processOf(type: TicketType) {
  return { states: type.states, transitions: type.transitions.map(({ from, to, name, requiredFields }) => ({ from, to, name, requiredFields })) };
}

/** Ticket types and their processes: admins change them, ticket staff read them. */
export function createProcessService(deps: HelpdeskDeps) {
  const { db } = deps;

  async function list(ctx: RequestContext, active: ActiveFilter): Promise<TicketType[]> {
    requireRead(ctx);
    return repo.listTypes(db, { active });
  }

  async function get(ctx: RequestContext, id: number): Promise<TicketType> {
    requireRead(ctx);
    const type = await repo.findType(db, id);
    if (!type) throw notFound('Ticket type');
    return type;
  }

  async function create(ctx: RequestContext, input: NewTicketType): Promise<TicketType> {
    requireConfigure(ctx);
    const process = input.process ? processInput(input.process) : DEFAULT_PROCESS;
    failIf(processProblems(process, await fieldKeys(db, null)).map((p) => ({ ...p, path: `process.${p.path}` })));
    return auditedChange(deps, ctx, async (trx, at) => {
      if (await repo.findTypeByCode(trx, input.code)) throw duplicate('code', `A ticket type with code "${input.code}" already exists`);
      const id = await repo.insertType(trx, input, at);
      await repo.writeProcess(trx, id, process, at);
      const created = (await repo.findType(trx, id))!;
      return { result: created, audit: { entity: 'ticket_type', entityId: id, action: 'create', after: created } };
    });
  }

  async function update(ctx: RequestContext, id: number, patch: TicketTypePatch): Promise<TicketType> {
    requireConfigure(ctx);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findType(trx, id);
      if (!before) throw notFound('Ticket type');
      const values = merged({ code: before.code, name: before.name, active: before.active, sortOrder: before.sortOrder }, patch);
      if (values.code !== before.code && (await repo.findTypeByCode(trx, values.code))) {
        throw duplicate('code', `A ticket type with code "${values.code}" already exists`);
      }
      await repo.updateType(trx, id, values, at);
      const after = (await repo.findType(trx, id))!;
      const strip = ({ states: _s, transitions: _t, ...rest }: TicketType) => rest;
      return { result: after, audit: { entity: 'ticket_type', entityId: id, action: 'update', before: strip(before), after: strip(after) } };
    });
  }

  /**
   * Replaces the states and transitions of a type in one transaction. States
   * keep their ids by code; a state that still holds tickets cannot be removed.
   */
  async function replaceProcess(ctx: RequestContext, id: number, body: ProcessBody): Promise<TicketType> {
    requireConfigure(ctx);
    const process = processInput(body);
    return auditedChange(deps, ctx, async (trx, at) => {
      const before = await repo.findType(trx, id);
      if (!before) throw notFound('Ticket type');
      // Two administrators editing one process: the later save must not silently undo the earlier one.
      if (body.expectedUpdatedAt !== undefined && body.expectedUpdatedAt !== before.updatedAt) throw staleVersion('The ticket type');
      failIf(processProblems(process, await fieldKeys(trx, id)));
      const kept = new Set(process.states.map((s) => s.code));
      const removed = before.states.filter((s) => !kept.has(s.code));
      const inUse = await repo.ticketsPerState(trx, removed.map((s) => s.id));
      if (inUse.size > 0) {
        const details = removed
          .filter((s) => inUse.has(s.id))
          .map((s) => ({ path: 'states', code: 'state_in_use', message: `State "${s.code}" still holds ${inUse.get(s.id)} ticket(s); move them first` }));
        throw new AppError('conflict', 'state_in_use', details.map((d) => d.message).join('; '), {
          details,
          extra: { states: removed.filter((s) => inUse.has(s.id)).map((s) => s.code) },
        });
      }
      await repo.writeProcess(trx, id, process, at);
      const after = (await repo.findType(trx, id))!;
      return {
        result: after,
        audit: { entity: 'ticket_type', entityId: id, action: 'replace_process', before: processOf(before), after: processOf(after) },
      };
    });
  }

  return { list, get, create, update, replaceProcess };
}

export type ProcessService = ReturnType<typeof createProcessService>;

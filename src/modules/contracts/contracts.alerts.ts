import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { periodicJob } from '../../platform/periodic.ts';
import { enqueueMail, mailLanguageOf, newMessageId, renderTemplate } from '../mail/index.ts';
import { providerDate } from '../../shared/calendar/index.ts';
import type { Language } from '../../shared/language.ts';
import { wholeNumberText } from '../../shared/number-text.ts';
import { consumptionOf } from './contracts.consumption.ts';
import * as repo from './contracts.repo.ts';
import type { Consumption, Contract } from './contracts.schemas.ts';

/**
 * Prepaid alerts: when a period's prepaid minutes of a contract are 80 % and
 * 100 % used, e-mail the service managers (users with the manager role) and,
 * when the contract says so, the client's active contacts. Exactly once per
 * contract, period and threshold: the row in contract_alerts is the claim, and
 * it is written in the same transaction as the mail it causes. On PostgreSQL a
 * second process inserting the same key waits for the first and then finds it
 * taken (ON CONFLICT DO NOTHING); on SQLite writes are serialised. A crash
 * rolls both back and the next run sends it. When both thresholds are crossed
 * at once, both are recorded and one mail (the higher) is sent. The managers' mail
 * links the contract page; the contacts' mail (its own template) does not: there is
 * no client portal, only staff can open the page, so it asks them to reply instead.
 */

export const THRESHOLDS = [80, 100] as const;

export interface AlertsLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface AlertsResult {
  /** Contracts looked at. */
  checked: number;
  /** Alerts recorded (one per contract, period and threshold). */
  alerts: number;
  /** Mails queued. */
  mails: number;
}

const WATCHER: AuditWho = { userId: null, tokenId: null, name: 'system (prepaid alerts)', ip: null };
const STAFF_TEMPLATE = 'contract_prepaid_alert' as const;
const CLIENT_TEMPLATE = 'contract_prepaid_alert_client' as const;

async function recipients(trx: Tx, contract: Contract) {
  const managers = await trx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email', 'users.language'])
    .where('user_roles.role', '=', 'manager')
    .where('users.active', '=', 1)
    .orderBy('users.id')
    .execute();
  const list: { key: string; name: string; email: string; language: Language; template: typeof STAFF_TEMPLATE | typeof CLIENT_TEMPLATE }[] = managers.map((u) => ({ key: `user:${u.id}`, name: u.name, email: u.email, language: mailLanguageOf(u.language), template: STAFF_TEMPLATE }));
  if (contract.alertClient) {
    const contacts = await trx
      .selectFrom('contacts')
      .select(['id', 'name', 'email', 'language'])
      .where('client_id', '=', contract.clientId)
      .where('active', '=', 1)
      .where('email', 'is not', null)
      .orderBy('id')
      .execute();
    for (const c of contacts) list.push({ key: `contact:${c.id}`, name: c.name, email: c.email!, language: mailLanguageOf(c.language), template: CLIENT_TEMPLATE });
  }
  return list;
}

export function createPrepaidAlerts(deps: { db: Db; clock: Clock; config: { publicUrl: string; mailFrom: string }; logger: AlertsLogger }) {
  const { db, clock, config, logger } = deps;
  /** Records the crossed thresholds not yet sent and queues the mail, in one transaction; the mails queued. */
  async function alert(contract: Contract, usage: Consumption, crossed: number[], now: Date): Promise<{ alerts: number; mails: number }> {
    return db.transaction().execute(async (trx) => {
      const at = now.toISOString();
      const claimed: number[] = [];
      for (const threshold of crossed) if (await repo.claimAlert(trx, contract.id, usage.period, threshold, at)) claimed.push(threshold);
      if (!claimed.length) return { alerts: 0, mails: 0 };
      const threshold = Math.max(...claimed);
      const people = await recipients(trx, contract);
      for (const person of people) {
        // Minutes as the recipient's language writes numbers ("1 200 min"), by the formatter the invoices use.
        const count = (n: number) => wholeNumberText(n, person.language);
        const rendered = await renderTemplate(trx, person.template, person.language, {
          contract: {
            number: contract.number, name: contract.name,
            ...(person.template === STAFF_TEMPLATE ? { url: `${config.publicUrl.replace(/\/$/, '')}/contracts/${contract.id}` } : {}),
          },
          client: { name: contract.clientName },
          recipient: { name: person.name },
          prepaid: { period: usage.period, percent: count(usage.percent ?? threshold), used: count(usage.used), allowance: count(usage.used + usage.left), left: count(usage.left) },
        });
        await enqueueMail(trx, now, {
          to: [{ email: person.email, name: person.name }],
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: newMessageId(config.mailFrom),
          template: { key: person.template, language: person.language },
          idempotencyKey: `contract:${contract.id}:prepaid:${usage.period}:${threshold}:${person.key}`,
        });
      }
      // The page says what went out: only the highest claimed threshold has a mail of its own.
      if (people.length) await repo.markAlertMailed(trx, contract.id, usage.period, threshold);
      await recordAudit(trx, now, WATCHER, {
        entity: 'contract', entityId: contract.id, action: 'prepaid_alert',
        after: { period: usage.period, thresholds: claimed, percent: usage.percent, used: usage.used, left: usage.left, recipients: people.length },
      });
      return { alerts: claimed.length, mails: people.length };
    });
  }

  async function watch(): Promise<AlertsResult> {
    const total: AlertsResult = { checked: 0, alerts: 0, mails: 0 };
    const now = clock.now();
    const today = providerDate(now);
    const contracts = await repo.listContracts(db, { active: 'true', validOn: today, limit: 100_000 }, null, 100_000);
    for (const contract of contracts) {
      try {
        const usage = await consumptionOf(db, contract, undefined, now);
        total.checked++;
        if (usage.percent === null) continue;
        const sent = new Set(usage.alerts.map((a) => a.thresholdPct));
        const crossed = THRESHOLDS.filter((t) => usage.percent! >= t && !sent.has(t));
        if (!crossed.length) continue;
        const r = await alert(contract, usage, crossed, now);
        total.alerts += r.alerts;
        total.mails += r.mails;
      } catch (err) {
        logger.error({ err, contractId: contract.id }, 'Prepaid alert check of a contract failed; it is tried again in the next run');
      }
    }
    if (total.alerts) logger.info({ ...total }, 'Prepaid alerts sent');
    return total;
  }

  // One pass over the contracts valid today, every minute in serve(); concurrent calls share the pass under way.
  const job = periodicJob(watch, (err) => logger.error({ err }, 'Prepaid alerts run failed'));
  return { runOnce: job.runOnce, start: (intervalMs = 60_000) => job.start(intervalMs), stop: job.stop };
}

export type PrepaidAlerts = ReturnType<typeof createPrepaidAlerts>;

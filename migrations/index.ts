import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_helpdesk.ts';
import * as m0003 from './0003_mail.ts';
import * as m0004 from './0004_sla_watch.ts';
import * as m0005 from './0005_ticket_indexes.ts';
import * as m0006 from './0006_pricing_records.ts';
import * as m0007 from './0007_records_indexes.ts';

/** Every migration in order. Append only; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_helpdesk': m0002,
  '0003_mail': m0003,
  '0004_sla_watch': m0004,
  '0005_ticket_indexes': m0005,
  '0006_pricing_records': m0006,
  '0007_records_indexes': m0007,
};

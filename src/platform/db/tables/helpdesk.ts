/** Tables of the helpdesk (tickets, processes, SLA): see migrations/0002_helpdesk.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HelpdeskTables {}

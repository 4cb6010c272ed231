/** Tables of outgoing mail (outbox, templates): see migrations/0003_mail.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MailTables {}

// The outbox keeps the mail server's error as nodemailer gave it ("ESOCKET connect
// ECONNREFUSED 127.0.0.1:25"): exact, but no help to an administrator. This names the
// usual causes in words, so the page can say what to check; the raw text stays shown.

export const MAIL_ERROR_REASONS = ['refused', 'notFound', 'timeout', 'auth', 'tls', 'envelope', 'message', 'someRejected'] as const;
export type MailErrorReason = (typeof MAIL_ERROR_REASONS)[number];

// Order matters: a TLS failure arrives as ESOCKET too, and "rejected recipients" is the
// outbox's own note on a mail that was sent (sender.ts).
const PATTERNS: [RegExp, MailErrorReason][] = [
  [/^rejected recipients:/i, 'someRejected'],
  [/^EAUTH\b/, 'auth'],
  [/^ETLS\b|certificate|\bCERT_|wrong version number|SSL routines|TLS/i, 'tls'],
  [/ECONNREFUSED|ECONNRESET/, 'refused'],
  [/ENOTFOUND|EAI_AGAIN|^EDNS\b/, 'notFound'],
  [/ETIMEDOUT|timeout|Greeting never received/i, 'timeout'],
  [/^EENVELOPE\b/, 'envelope'],
  [/^EMESSAGE\b/, 'message'],
];

/** The likely cause of a failed attempt; null when the error is none of the usual ones. */
export function mailErrorReason(lastError: string | null): MailErrorReason | null {
  if (!lastError) return null;
  return PATTERNS.find(([pattern]) => pattern.test(lastError))?.[1] ?? null;
}

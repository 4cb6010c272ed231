// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mailErrorReason } from './mailError';

describe('the cause of a mail error in words', () => {
  it('names the usual failures of the mail server as nodemailer reports them', () => {
    expect(mailErrorReason('ESOCKET connect ECONNREFUSED 127.0.0.1:1')).toBe('refused');
    expect(mailErrorReason('EDNS getaddrinfo ENOTFOUND mail.example.invalid')).toBe('notFound');
    expect(mailErrorReason('ETIMEDOUT Connection timeout')).toBe('timeout');
    expect(mailErrorReason('EAUTH 535 Invalid login: 535 5.7.8 Authentication failed')).toBe('auth');
    expect(mailErrorReason('ESOCKET 140:error:1408F10B:SSL routines:ssl3_get_record:wrong version number')).toBe('tls');
    expect(mailErrorReason('ESOCKET self-signed certificate')).toBe('tls');
    expect(mailErrorReason('EENVELOPE 550 5.1.1 <x@example.cz>: Recipient address rejected')).toBe('envelope');
    expect(mailErrorReason('EMESSAGE 552 Message size exceeds fixed limit')).toBe('message');
  });

  it('a sent mail that lost some recipients says so', () => {
    expect(mailErrorReason('rejected recipients: a@example.cz')).toBe('someRejected');
  });

  it('anything else, or no error, has no explanation (the raw text is shown alone)', () => {
    expect(mailErrorReason('EPROTOCOL Something unexpected')).toBeNull();
    expect(mailErrorReason(null)).toBeNull();
    expect(mailErrorReason('')).toBeNull();
  });
});

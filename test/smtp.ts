import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string | null; to: string[] };
  mail: ParsedMail;
}

/** A real SMTP peer in the test process (smtp-server), keeping what it received, parsed with mailparser. */
export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Set to e.g. 451 to refuse every recipient with that code (an outage the client should retry). */
  rejectWith: number | null;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    port: 0,
    received: [],
    rejectWith: null,
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onRcptTo(_address, _session, callback) {
      if (state.rejectWith === null) return callback();
      callback(Object.assign(new Error('Mailbox temporarily unavailable, try again later'), { responseCode: state.rejectWith }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const from = session.envelope.mailFrom;
          state.received.push({ envelope: { from: from ? from.address : null, to: session.envelope.rcptTo.map((r) => r.address) }, mail });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

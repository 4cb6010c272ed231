import { SMTPServer } from 'smtp-server';

/**
 * The demo has no real mail server, so it brings a tiny one: a real SMTP peer
 * on 127.0.0.1 that accepts every message and keeps none. Kontor's outbox
 * sends to it as it would to any server, and administrators see the sent mail
 * (with its full text) on the outbox page.
 */
export async function startDemoMailSink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

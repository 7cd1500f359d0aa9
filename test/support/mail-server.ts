import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'hireproof';
export const SMTP_PASSWORD = 'smtp-test-password';

/** What a recipient's mailbox does with a RCPT TO: accept, refuse for good, or refuse once for now. */
export type Mailbox = 'accept' | 'refuse' | 'greylist-once';

/**
 * A real SMTP server on 127.0.0.1 (random port) that requires a password, as a company's relay
 * does, and keeps every message it accepted, parsed. Recipients behave as `mailboxes` says.
 */
export async function startMailServer(mailboxes: Record<string, Mailbox> = {}) {
  const received: ParsedMail[] = [];
  const greylisted = new Set<string>();
  const refusal = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    // Plain SMTP on loopback: no certificate to trust in the test.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username });
      else callback(refusal(535, '5.7.8 authentication failed'));
    },
    onRcptTo(address, _session, callback) {
      const mailbox = mailboxes[address.address] ?? 'accept';
      if (mailbox === 'refuse') return callback(refusal(550, '5.1.1 no such user here'));
      if (mailbox === 'greylist-once' && !greylisted.has(address.address)) {
        greylisted.add(address.address);
        return callback(refusal(451, '4.7.1 greylisted, try again later'));
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    received,
    /** The messages that arrived for one address. */
    to: (address: string) =>
      received.filter((m) => [m.to].flat().some((t) => t?.value.some((v) => v.address === address))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Child process for the crash test: queues reports forever, and says so only after enqueue returns.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Outbox } from '../../main/outbox/outbox';

const outbox = new Outbox(process.argv[2] ?? '');
process.stdout.write('ready\n');
for (;;) {
  const id = randomUUID();
  // The body carries its own checksum, so any file can be checked for completeness on its own.
  const body = randomBytes(1_000 + Math.floor(Math.random() * 20_000)).toString('base64url');
  const jws = `${body}.${createHash('sha256').update(body).digest('hex')}`;
  await outbox.enqueue(id, jws);
  process.stdout.write(`${id}\n`);
}

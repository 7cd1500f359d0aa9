import { parseArgs } from 'node:util';
import { deviceContext } from './device-context';

export const outboxUsage = 'hireproof outbox [--data DIR] [--json]';

/** `hireproof outbox`: reports waiting to be sent, and those the server refused (with why). */
export async function outboxCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const { outbox } = deviceContext(values.data);
  const queued = (await outbox.queued()).map((q) => ({ reportId: q.reportId, bytes: q.jws.length }));
  const dead = await outbox.dead();
  if (values.json) {
    process.stdout.write(JSON.stringify({ queued, dead }, null, 2) + '\n');
    return 0;
  }
  const lines = [`Queued: ${queued.length}`, ...queued.map((q) => `  ${q.reportId} (${q.bytes} bytes)`)];
  lines.push(
    `Refused by the server: ${dead.length}`,
    ...dead.map((d) => `  ${d.reportId} ${d.code}: ${d.reason} (${d.at})`),
  );
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

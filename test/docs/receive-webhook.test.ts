import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolDevice } from '../support/device-under-test';
import { api, startTestServer } from '../support/hr-service';

const SCRIPT = 'docs/hr-hooks/receive-webhook.mjs';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** The script's printed lines, as they come. */
function linesOf(child: ChildProcess) {
  const lines: string[] = [];
  let partial = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  return {
    lines,
    async next(matching: RegExp, timeoutMs = 15_000): Promise<string> {
      for (const until = Date.now() + timeoutMs; Date.now() < until;) {
        const line = lines.find((l) => matching.test(l));
        if (line) return line;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(
        `the receiver printed no line like ${String(matching)}; it printed: ${lines.join(' | ')}`,
      );
    },
  };
}

/**
 * The worked example in docs/ for HR systems, run as HR would run it, against a real delivery
 * from the service: it verifies the Standard Webhooks signature and prints the verdict, and
 * refuses a message signed with another secret.
 */
describe('the HR-system webhook example (docs/hr-hooks/receive-webhook.mjs)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let receiver: ChildProcess;
  let output: ReturnType<typeof linesOf>;
  let port = 0;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
    port = await freePort();
    const created = await api(server.url, 'POST', '/v1/webhooks', {
      url: `http://127.0.0.1:${port}/hireproof`,
    });
    receiver = spawn(process.execPath, [SCRIPT, '--port', String(port)], {
      env: { ...process.env, HIREPROOF_WEBHOOK_SECRET: String(created.json.secret) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    output = linesOf(receiver);
    await output.next(/^listening on/);
  }, 60_000);
  afterAll(async () => {
    if (receiver && receiver.exitCode === null) {
      const gone = new Promise((r) => receiver.once('exit', r));
      receiver.kill('SIGTERM');
      await gone;
    }
    await server?.close();
  });

  it('verifies a real delivery and prints the hire, the employee id and the verdict', async () => {
    const device = await enrolDevice(server.url);
    await server.context.db
      .updateTable('hires')
      .set({ external_id: 'WD-1138' })
      .where('id', '=', device.hireId)
      .execute();
    const posted = await device.post((await device.report()).jws);
    expect(posted.status).toBe(201);
    await server.jobs.drain();
    const line = await output.next(/^verified report\.verdict/);
    expect(line).toBe(
      `verified report.verdict: hire ${device.hireId} (employee WD-1138) report ${String(posted.json.reportId)} verdict ${String(posted.json.verdict)}`,
    );
    const deliveries = (await api(server.url, 'GET', '/v1/webhooks/deliveries')).json.deliveries;
    expect(deliveries).toEqual([expect.objectContaining({ lastStatus: 204 })]);
  });

  it('rejects a message signed with another secret', async () => {
    const body = JSON.stringify({ schema: 'hireproof.webhook/v1', type: 'report.verdict', data: {} });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const forged = await fetch(`http://127.0.0.1:${port}/hireproof`, {
      method: 'POST',
      headers: {
        'webhook-id': 'msg_forged',
        'webhook-timestamp': timestamp,
        'webhook-signature': `v1,${Buffer.alloc(32, 1).toString('base64')}`,
      },
      body,
    });
    expect(forged.status).toBe(401);
    expect(await output.next(/^rejected/)).toBe('rejected: signature does not verify');
  });
});

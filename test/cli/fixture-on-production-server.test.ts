import { afterEach, describe, expect, it } from 'vitest';
import { committedFaces } from '../face/face-fixtures';
import { hireproof } from '../support/cli';
import { enrolWithCli } from '../support/hr-device';
import { ADMIN_TOKEN, createHire, startTestServer } from '../support/hr-service';
import { startServer } from '../../server/start-server';
import { sysroot } from '../support/sysroots';
import { join } from 'node:path';

/**
 * `--sysroot` reads a fixture machine, not this device: a server started without `--demo` refuses
 * it with a message that says so, at enrolment and at attestation alike.
 */
describe('a fixture machine against a production server', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it('refuses to enrol it, naming --sysroot and --demo', async () => {
    const server = await startTestServer('sqlite', { demo: false, runJobs: false });
    stops.push(() => server.close());
    const hire = await createHire(server.url, {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto: join(committedFaces, 'obama/1.jpg'),
    });
    const enrol = await hireproof([
      'enrol',
      '--server',
      server.url,
      `--code=${hire.code}`,
      '--sysroot',
      sysroot('laptop'),
    ]);
    expect(enrol.code).toBe(2);
    expect(enrol.stderr).toMatch(/fixture machine \(--sysroot\).*--demo.*\(observations\.fixture\)/);
  });

  it('refuses its report once the same server runs without --demo', async () => {
    const demo = await startTestServer('sqlite', { runJobs: false });
    const hire = await createHire(demo.url, {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto: join(committedFaces, 'obama/1.jpg'),
    });
    const data = await enrolWithCli(demo.url, hire.code, 'laptop');
    await demo.close();
    // Same address: the device only talks to the server it enrolled with.
    const production = await startServer({
      port: Number(new URL(demo.url).port),
      dataDir: demo.dataDir,
      adminToken: ADMIN_TOKEN,
      runJobs: false,
    });
    stops.push(() => production.close());

    const attest = await hireproof(['attest', '--data', data, '--sysroot', sysroot('laptop')]);
    expect(attest.code).toBe(2);
    expect(attest.stdout).toMatch(
      /was refused: .*fixture machine \(--sysroot\).*--demo.*\(observations\.fixture\)/,
    );
  });
});

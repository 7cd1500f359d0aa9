import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hireproof } from '../support/cli';
import { enrolWithCli } from '../support/hr-device';
import { createHire, startTestServer } from '../support/hr-service';
import { sysroot } from '../support/sysroots';

const PHOTO = 'test/fixtures/faces/obama/1.jpg';

/** Each mistake a new user makes gets one line that names what is wrong and how to put it right. */
describe('the hireproof command, given mistakes', () => {
  const env = { ...process.env, HIREPROOF_ADMIN_TOKEN: 'test-admin-token-0123456789abcdef' };
  let dir = '';
  let tls: Server;
  let tlsUrl = '';
  let nobody = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-cli-mistakes-'));
    // A server whose certificate this machine does not trust, as a company's test box may have.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tls = createServer(
      { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) },
      (_request, response) => response.end('{}'),
    ).listen(0, '127.0.0.1');
    await new Promise((resolve) => tls.once('listening', resolve));
    tlsUrl = `https://localhost:${(tls.address() as { port: number }).port}`;
    await writeFile(join(dir, 'empty.jpg'), '');
    // A port that was free a moment ago: nothing listens on it.
    const probe = createNetServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    nobody = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(async () => {
    tls?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const hireCreate = (server: string, photo = PHOTO) =>
    hireproof(
      ['hire', 'create', '--server', server, '--name', 'Ana', '--email', 'ana@example.com', '--photo', photo],
      env,
    );
  const oneLine = async (run: Promise<{ code: number; stderr: string }>) => {
    const { code, stderr } = await run;
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    return stderr.trim();
  };

  it('a server address without its scheme', async () => {
    expect(await oneLine(hireCreate('localhost:8080'))).toBe(
      'hireproof hire: --server localhost:8080 has no http:// or https:// in front (for example https://hr.example.com)',
    );
  });

  it('a photo that is empty, missing or a folder', async () => {
    expect(await oneLine(hireCreate('http://127.0.0.1:9', join(dir, 'empty.jpg')))).toMatch(
      /--photo .*empty\.jpg is empty: give the hire's ID photo/,
    );
    expect(await oneLine(hireCreate('http://127.0.0.1:9', join(dir, 'nope.jpg')))).toMatch(
      /cannot read --photo .*nope\.jpg: no such file$/,
    );
    expect(await oneLine(hireCreate('http://127.0.0.1:9', dir))).toMatch(/: it is a folder, not a file$/);
  });

  it('a policy file that is a folder', async () => {
    expect(await oneLine(hireproof(['check', '--policy', dir]))).toBe(
      `hireproof check: cannot read policy ${dir}: it is a folder, not a file`,
    );
  });

  it('a server nobody is listening on, and one whose certificate is not trusted', async () => {
    expect(await oneLine(hireCreate(nobody))).toBe(
      `hireproof hire: cannot reach the HR service at ${nobody}: nothing is listening there (ECONNREFUSED)`,
    );
    expect(await oneLine(hireCreate(tlsUrl))).toMatch(
      /cannot reach the HR service at https:\/\/localhost:\d+: its TLS certificate is not trusted by this machine \(DEPTH_ZERO_SELF_SIGNED_CERT\)$/,
    );
  });

  it('enrolling a device twice says how to start over', async () => {
    const server = await startTestServer('sqlite', { runJobs: false });
    try {
      const first = await createHire(server.url, { name: 'Ana', email: 'ana@example.com', idPhoto: PHOTO });
      const second = await createHire(server.url, { name: 'Bo', email: 'bo@example.com', idPhoto: PHOTO });
      const data = await enrolWithCli(server.url, first.code, 'laptop');
      const again = hireproof([
        'enrol',
        '--server',
        server.url,
        `--code=${second.code}`,
        '--data',
        data,
        '--sysroot',
        sysroot('laptop'),
      ]);
      expect(await oneLine(again)).toMatch(
        new RegExp(
          `this device is already enrolled .*; to enrol again, use another --data folder or remove ${data}$`,
        ),
      );
    } finally {
      await server.close();
    }
  });
});

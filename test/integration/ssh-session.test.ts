import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChecksReport } from '../../main/contract/checks';
import { start, waitForPort } from '../support/processes';

const run = promisify(execFile);

/** A real OpenSSH server on loopback; `hireproof check` is run through a real SSH login. */
describe('an SSH session', () => {
  const port = 2222;
  let dir = '';
  let stopSshd: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-ssh-'));
    await mkdir('/run/sshd', { recursive: true });
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'client_key')]);
    await writeFile(join(dir, 'authorized_keys'), await readFile(join(dir, 'client_key.pub')));
    await chmod(join(dir, 'authorized_keys'), 0o600);
    const options = [
      `HostKey=${join(dir, 'host_key')}`,
      `AuthorizedKeysFile=${join(dir, 'authorized_keys')}`,
      'ListenAddress=127.0.0.1',
      'PermitRootLogin=prohibit-password',
      'PasswordAuthentication=no',
      'StrictModes=no',
      'UsePAM=no',
      'PidFile=none',
    ].flatMap((o) => ['-o', o]);
    stopSshd = start('/usr/sbin/sshd', ['-D', '-e', '-f', '/dev/null', '-p', String(port), ...options]).stop;
    await waitForPort(port);
  }, 30_000);

  afterAll(async () => {
    await stopSshd?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('is caught by remote.session', async () => {
    const command = `cd ${process.cwd()} && ${process.execPath} bin/hireproof.mjs check --json; echo "exit=$?" >&2`;
    const { stdout, stderr } = await run('ssh', [
      ...['-i', join(dir, 'client_key'), '-p', String(port)],
      ...[
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        '-o',
        'BatchMode=yes',
        '-o',
        'LogLevel=ERROR',
      ],
      `${process.env.USER ?? 'root'}@127.0.0.1`,
      command,
    ]);
    expect(stderr).toContain('exit=1');
    const report = ChecksReport.parse(JSON.parse(stdout));
    const session = report.checks.find((c) => c.id === 'remote.session');
    expect(session?.status).toBe('fail');
    expect(session?.evidence).toContainEqual(
      expect.objectContaining({ name: 'SSH_CONNECTION', meaning: 'an SSH session' }),
    );
    expect(session?.evidence).toContainEqual(
      expect.objectContaining({ signal: 'connection', meaning: 'someone is connected over SSH' }),
    );
    expect(report.verdict).toBe('fail');
  });
});

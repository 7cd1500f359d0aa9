import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChecksReport } from '../../main/contract/checks';
import { hireproof } from '../support/cli';
import { SysrootBuilder, tcpRow } from '../support/sysroot';

let quiet = '';
let anydesk = '';

beforeAll(async () => {
  const q = await SysrootBuilder.create();
  await q.process(1, { comm: 'systemd', argv: ['/sbin/init'], exe: '/usr/lib/systemd/systemd' });
  await q.link('proc/self', '1');
  await q.tcp([]);
  quiet = q.root;
  const a = await SysrootBuilder.create();
  await a.process(1, { comm: 'systemd', argv: ['/sbin/init'], exe: '/usr/lib/systemd/systemd' });
  await a.process(640, {
    comm: 'anydesk',
    argv: ['/usr/bin/anydesk', '--service'],
    exe: '/usr/bin/anydesk',
    sockets: [9001],
  });
  await a.link('proc/self', '1');
  await a.tcp([tcpRow('00000000:1B9E', '00000000:0000', '0A', 9001)]);
  anydesk = a.root;
});

describe('hireproof check', () => {
  it('prints the JSON report and exits 0 when nothing is wrong', async () => {
    const { code, stdout } = await hireproof(['check', '--json', '--sysroot', quiet]);
    const report = ChecksReport.parse(JSON.parse(stdout));
    expect(report.schema).toBe('hireproof.checks/v1');
    expect(report.platform).toBe('linux');
    expect(report.checks.map((c) => c.id).slice(0, 3)).toEqual([
      'remote.tools',
      'remote.session',
      'remote.ports',
    ]);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(code).toBe(report.verdict === 'pass' ? 0 : 1);
  });

  it('exits 1 and tells the hire what to do when a tool runs', async () => {
    const { code, stdout } = await hireproof(['check', '--sysroot', anydesk]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/Failed +remote\.tools +Remote-control software is running: AnyDesk\./);
    expect(stdout).toMatch(/Failed +remote\.ports +A remote-control server is running: 7070 \(anydesk\)\./);
    expect(stdout).toContain('Quit AnyDesk (and stop its service), then press Re-check.');
    expect(stdout).toContain('Verdict: FAIL');
  });

  it('lets policy approve the tool', async () => {
    const policy = join(anydesk, 'policy.json');
    await writeFile(policy, JSON.stringify({ allowTools: ['AnyDesk'] }));
    const { stdout } = await hireproof(['check', '--json', '--sysroot', anydesk, '--policy', policy]);
    const report = ChecksReport.parse(JSON.parse(stdout));
    expect(report.checks.find((c) => c.id === 'remote.tools')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'remote.ports')?.status).toBe('pass');
  });

  it.each([
    [['check', '--sysroot', '/nonexistent/root'], 'sysroot /nonexistent/root does not exist'],
    [['check', '--bogus'], "Unknown option '--bogus'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('exits 2 with one clear line for %j', async (args, message) => {
    const { code, stderr, stdout } = await hireproof(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  it('names the policy file and the problem when the policy is bad', async () => {
    const notJson = join(quiet, 'broken.json');
    await writeFile(notJson, '{ allowTools: ');
    const wrongShape = join(quiet, 'wrong.json');
    await writeFile(
      wrongShape,
      JSON.stringify({ allowTools: 'AnyDesk', checks: { 'remote.tools': 'maybe' } }),
    );
    const a = await hireproof(['check', '--sysroot', quiet, '--policy', notJson]);
    expect([a.code, a.stderr]).toEqual([2, expect.stringContaining(`policy ${notJson} is not valid JSON`)]);
    const b = await hireproof(['check', '--sysroot', quiet, '--policy', wrongShape]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`policy ${wrongShape} is invalid`);
    expect(b.stderr).toContain('allowTools');
    const c = await hireproof(['check', '--sysroot', quiet, '--policy', join(quiet, 'missing.json')]);
    expect([c.code, c.stderr]).toEqual([2, expect.stringContaining('no such file')]);
  });
});

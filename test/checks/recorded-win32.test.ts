import { describe, expect, it } from 'vitest';
import { checks } from '../../main/checks/catalogue/index';
import { runChecks } from '../../main/checks/engine';
import type { CheckResult } from '../../main/contract/checks';
import { defaultPolicy } from '../../main/contract/policy';
import { probes } from '../../main/probes/registry';
import { recordingLayout } from '../../main/probes/recorded/layout';
import { loadRecordedMachine, replayHost } from '../support/replay-host';

async function run(scenario: string): Promise<Record<string, CheckResult>> {
  const host = replayHost(loadRecordedMachine('win32', scenario));
  const report = await runChecks({ checks, probes, host, policy: defaultPolicy });
  expect(report.platform).toBe('win32');
  return Object.fromEntries(report.checks.map((c) => [c.id, c]));
}

const statuses = (results: Record<string, CheckResult>) =>
  Object.fromEntries(
    ['remote.tools', 'remote.session', 'remote.ports'].map((id) => [id, results[id]?.status]),
  );

describe('the check engine on recorded Windows output', () => {
  it.each(['clean-laptop', 'virtualbox-vm', 'dell-vbs'])(
    'passes the remote checks on %s',
    async (scenario) => {
      expect(statuses(await run(scenario))).toEqual({
        'remote.tools': 'pass',
        'remote.session': 'pass',
        'remote.ports': 'pass',
      });
    },
  );

  it('fails Parsec running from its install folder', async () => {
    const tools = (await run('parsec'))['remote.tools'];
    expect(tools?.status).toBe('fail');
    expect(tools?.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          tool: 'Parsec',
          process: 'parsecd.exe',
          path: 'C:\\Program Files\\Parsec\\parsecd.exe',
        }),
      ]),
    );
  });

  it('does not take Microsoft Teams (Teams.exe, ms-teams.exe) for Parsec', async () => {
    const results = await run('teams');
    expect(results['remote.tools']).toMatchObject({ status: 'pass', evidence: [] });
  });

  it('fails a Remote Desktop session, and the RDP listener', async () => {
    const results = await run('rdp-session');
    expect(results['remote.session']?.status).toBe('fail');
    expect(results['remote.session']?.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'SESSIONNAME', value: 'RDP-Tcp#0' }),
        expect.objectContaining({ signal: 'login session', name: 'rdp-tcp#0 (2)' }),
        expect.objectContaining({ name: 'SM_REMOTESESSION', value: true }),
      ]),
    );
    expect(results['remote.ports']?.status).toBe('fail');
    expect(results['remote.ports']?.summary).toContain('3389 (svchost)');
  });

  it('turns the checks of a probe whose PowerShell failed into errors, and runs the rest', async () => {
    const machine = loadRecordedMachine('win32', 'clean-laptop');
    const host = replayHost({
      ...machine,
      recordings: machine.recordings.map((r) =>
        r.command === recordingLayout.win32['sockets.json']
          ? { command: r.command, failure: 'Get-NetTCPConnection : Access is denied.' }
          : r,
      ),
    });
    const report = await runChecks({ checks, probes, host, policy: defaultPolicy });
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId['remote.ports']).toMatchObject({ status: 'error' });
    expect(byId['remote.ports']?.summary).toContain('Access is denied');
    expect(byId['remote.tools']?.status).toBe('pass');
  });
});

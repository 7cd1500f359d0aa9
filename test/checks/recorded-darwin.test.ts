import { describe, expect, it } from 'vitest';
import { checks } from '../../main/checks/catalogue/index';
import { runChecks } from '../../main/checks/engine';
import type { CheckResult } from '../../main/contract/checks';
import { defaultPolicy } from '../../main/contract/policy';
import { probes } from '../../main/probes/registry';
import { loadRecordedMachine, replayHost } from '../support/replay-host';

async function run(scenario: string): Promise<Record<string, CheckResult>> {
  const host = replayHost(loadRecordedMachine('darwin', scenario));
  const report = await runChecks({ checks, probes, host, policy: defaultPolicy });
  return Object.fromEntries(report.checks.map((c) => [c.id, c]));
}

describe('the check engine on recorded macOS output', () => {
  it('passes a clean MacBook', async () => {
    const results = await run('clean-macbook');
    expect(results['remote.tools']?.status).toBe('pass');
    expect(results['remote.session']?.status).toBe('pass');
    expect(results['remote.ports']?.status).toBe('pass');
  });

  it('fails a Mac running AnyDesk with Screen Sharing on and a viewer connected', async () => {
    const results = await run('anydesk-screensharing');
    expect(results['remote.tools']).toMatchObject({ status: 'fail' });
    expect(results['remote.tools']?.summary).toContain('AnyDesk');
    expect(results['remote.session']?.status).toBe('fail');
    expect(results['remote.session']?.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ signal: 'system setting', name: 'Screen Sharing' }),
        expect.objectContaining({ signal: 'login session', value: '203.0.113.77:61544' }),
      ]),
    );
    expect(results['remote.ports']?.status).toBe('fail');
    expect(results['remote.ports']?.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ port: 7070, process: 'AnyDesk' }),
        expect.objectContaining({ port: 5900, state: 'listening', process: 'launchd' }),
      ]),
    );
  });

  it('reads the older netstat layout and names socket owners from ps', async () => {
    const results = await run('obs-virtual-camera');
    expect(results['remote.ports']?.status).toBe('pass');
    expect(results['remote.tools']?.status).toBe('pass');
  });
});

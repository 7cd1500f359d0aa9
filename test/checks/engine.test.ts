import { describe, expect, it } from 'vitest';
import { defineCheck, type Check } from '../../main/checks/check';
import { runChecks } from '../../main/checks/engine';
import { defaultPolicy, Policy } from '../../main/contract/policy';
import type { ProbeId, ProbeSet } from '../../main/probes/facts';
import type { Host } from '../../main/probes/host';
import { facts } from '../support/facts';

const host = { platform: 'linux', sysroot: null } as Host;

function probeSet(overrides: Partial<ProbeSet>): ProbeSet {
  const empty = facts();
  return {
    processes: { linux: () => Promise.resolve(empty.processes) },
    services: { linux: () => Promise.resolve(empty.services) },
    sockets: { linux: () => Promise.resolve(empty.sockets) },
    displays: {},
    usb: {},
    cameras: {},
    machine: {},
    network: {},
    session: { linux: () => Promise.resolve(empty.session) },
    app: {},
    runtime: {},
    input: {},
    lan: {},
    ...overrides,
  };
}

const check = (
  id: string,
  status: 'pass' | 'fail' | 'warn',
  severity: Check['severity'] = 'high',
  probes: Check['probes'] = ['processes'],
): Check =>
  defineCheck<ProbeId>({
    id,
    title: id,
    platforms: ['linux'],
    probes,
    severity,
    rationale: 'test',
    remediation: `fix ${id}`,
    rule: () => ({ status, summary: `${id} ${status}`, evidence: [] }),
  });

describe('check engine', () => {
  it('reads each probe once per run, however many checks need it', async () => {
    let reads = 0;
    const probes = probeSet({ processes: { linux: () => Promise.resolve((reads++, [])) } });
    const report = await runChecks({
      checks: [check('a.one', 'pass'), check('a.two', 'pass')],
      probes,
      host,
      policy: defaultPolicy,
    });
    expect(reads).toBe(1);
    expect(report.verdict).toBe('pass');
  });

  it('turns a throwing probe into error for its checks, and the rest still run', async () => {
    const probes = probeSet({ usb: { linux: () => Promise.reject(new Error('EACCES /sys/bus/usb')) } });
    const report = await runChecks({
      checks: [check('usb.one', 'pass', 'critical', ['usb']), check('a.ok', 'pass')],
      probes,
      host,
      policy: defaultPolicy,
    });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['usb.one', 'error'],
      ['a.ok', 'pass'],
    ]);
    expect(report.checks[0]?.summary).toContain('EACCES');
    expect(report.verdict).toBe('review');
  });

  it('ends a hanging probe when the run budget runs out', async () => {
    const probes = probeSet({ usb: { linux: () => new Promise(() => undefined) } });
    const report = await runChecks({
      checks: [check('usb.one', 'pass', 'critical', ['usb']), check('a.ok', 'pass')],
      probes,
      host,
      policy: defaultPolicy,
      budgetMs: 50,
    });
    expect(report.checks[0]?.status).toBe('error');
    expect(report.checks[0]?.summary).toContain('budget');
    expect(report.checks[1]?.status).toBe('pass');
  });

  it('marks checks without a probe for this platform n/a', async () => {
    const report = await runChecks({
      checks: [check('d.one', 'fail', 'critical', ['displays'])],
      probes: probeSet({}),
      host,
      policy: defaultPolicy,
    });
    expect(report.checks[0]?.status).toBe('n/a');
    expect(report.verdict).toBe('pass');
  });

  it('applies the verdict rule: critical/high fail → fail, other fail or warn → review', async () => {
    const verdict = async (...checks: Check[]) =>
      (await runChecks({ checks, probes: probeSet({}), host, policy: defaultPolicy })).verdict;
    expect(await verdict(check('a.one', 'fail', 'high'))).toBe('fail');
    expect(await verdict(check('a.one', 'fail', 'medium'))).toBe('review');
    expect(await verdict(check('a.one', 'warn', 'critical'))).toBe('review');
    expect(await verdict(check('a.one', 'pass'), check('a.two', 'pass'))).toBe('pass');
  });

  it('marks report-only checks, and runs checks set off too: the HR service decides what counts', async () => {
    const policy = Policy.parse({ checks: { 'a.one': 'report-only', 'a.two': 'off' } });
    const report = await runChecks({
      checks: [check('a.one', 'fail', 'critical'), check('a.two', 'fail', 'critical')],
      probes: probeSet({}),
      host,
      policy,
    });
    expect(report.checks.map((c) => [c.id, c.status, c.reportOnly])).toEqual([
      ['a.one', 'fail', true],
      ['a.two', 'fail', true],
    ]);
    expect(report.verdict).toBe('pass');
  });

  it('gives the remediation only for checks that did not pass', async () => {
    const report = await runChecks({
      checks: [check('a.one', 'fail'), check('a.two', 'pass')],
      probes: probeSet({}),
      host,
      policy: defaultPolicy,
    });
    expect(report.checks.map((c) => c.remediation)).toEqual(['fix a.one', '']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChecksReport } from '../../main/contract/checks';
import { sourceOf } from '../../main/attest/observe-device';
import { readRecording } from '../../main/cli/read-recording';
import { hireproof } from '../support/cli';
import { RECORDED, replayHost } from '../support/replay-host';

interface Capture {
  folder: string;
  real: boolean;
  machine: string;
  expect: Record<string, string>;
  /** Identity claims the capture should give, read with `hireproof identity`. */
  identity?: Record<string, unknown>;
}

const manifest = JSON.parse(readFileSync(join(RECORDED, 'manifest.json'), 'utf8')) as { captures: Capture[] };

describe('hireproof check --recorded, on every capture in the manifest', () => {
  it.each(manifest.captures.map((c) => [c.folder, c] as const))('%s', async (_, capture) => {
    const { stdout } = await hireproof(['check', '--json', '--recorded', join(RECORDED, capture.folder)]);
    const report = JSON.parse(stdout) as ChecksReport;
    const statuses = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    const expected = Object.fromEntries(Object.keys(capture.expect).map((id) => [id, statuses[id]]));
    expect(expected).toEqual(capture.expect);
  });
});

describe('hireproof identity --recorded, on every capture that names its identity', () => {
  const withIdentity = manifest.captures.filter((c) => c.identity !== undefined);
  it.each(withIdentity.map((c) => [c.folder, c] as const))('%s', async (_, capture) => {
    const { stdout } = await hireproof(['identity', '--json', '--recorded', join(RECORDED, capture.folder)]);
    const { claims } = JSON.parse(stdout) as { claims: Record<string, { value: unknown }> };
    const values = Object.fromEntries(Object.keys(capture.identity ?? {}).map((k) => [k, claims[k]?.value]));
    expect(values).toEqual(capture.identity);
  });
});

describe('hireproof identity --recorded', () => {
  it('reads a recorded MacBook without asking this machine for its id', async () => {
    const { code, stdout } = await hireproof([
      'identity',
      '--json',
      '--recorded',
      join(RECORDED, 'darwin/macbook-identity'),
    ]);
    expect(code).toBe(0);
    const identity = JSON.parse(stdout) as { platform: string; claims: Record<string, { value: unknown }> };
    expect(identity.platform).toBe('darwin');
    expect(identity.claims.serial?.value).toBe('C02FK3ZXQ6L4');
    expect(identity.claims.machineId?.value).toBeNull();
  });

  it('refuses a folder that is not a recording, and --sysroot with --recorded', async () => {
    const missing = await hireproof(['check', '--recorded', RECORDED]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('holds no recording.json');
    const both = await hireproof(['identity', '--sysroot', RECORDED, '--recorded', RECORDED]);
    expect(both.stderr).toContain('either --sysroot or --recorded');
  });
});

describe('a recorded machine is a fixture', () => {
  it('marks observations read from a recording as fixture, never live', () => {
    const host = replayHost(readRecording(join(RECORDED, 'darwin/clean-macbook')));
    expect(host.platform).toBe('darwin');
    expect(sourceOf(host)).toBe('fixture');
  });
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks as catalogue } from '../../main/checks/catalogue/index';
import { openHost } from '../../main/cli/open-host';
import { sourceRuntime } from '../../main/cli/source-runtime';
import { ChecksReport } from '../../main/contract/checks';
import { deviceService } from '../../main/device/device-service';
import { fileKeyStore } from '../../main/identity/key-store';
import { Outbox } from '../../main/outbox/outbox';
import { hireproof } from '../support/cli';
import { sysroot } from '../support/sysroots';

/** A report without its timings, the one thing two runs may differ in. */
function findings(report: ChecksReport) {
  const { durationMs: _total, checks, ...rest } = report;
  return { ...rest, checks: checks.map(({ durationMs: _check, ...result }) => result) };
}

const machines = (await readdir(dirname(sysroot('laptop')), { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/**
 * The desktop app's device service and the `hireproof check` command look at the same fixture
 * machine and must report the same thing, check by check, evidence row by evidence row. Both run
 * from this checkout (the CLI's runtime), so even app.integrity's evidence (this Node) is the same.
 */
describe('the app and the CLI on the same fixture machine', () => {
  let dataDir = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hireproof-same-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('covers every committed fixture machine', () => {
    expect(machines).toEqual(expect.arrayContaining(['laptop', 'pikvm', 'qemu-vm', 'vpn']));
  });

  it.each(machines)('%s: same statuses, summaries and evidence for every check', async (machine) => {
    const root = sysroot(machine);
    const service = deviceService({
      dataDir,
      keys: fileKeyStore(dataDir),
      outbox: new Outbox(dataDir),
      openHost: () => openHost(root),
      server: null,
      runtime: sourceRuntime(),
      emit: () => undefined,
    });
    const [app, cli] = await Promise.all([
      service.runChecks({}),
      hireproof(['check', '--json', '--sysroot', root]),
    ]);
    expect(cli.stderr).toBe('');
    const command = ChecksReport.parse(JSON.parse(cli.stdout));

    // Nothing is vacuous: every check of the catalogue ran in both, and the machine was really read.
    expect(app.checks.map((c) => c.id)).toEqual(catalogue.map((c) => c.id));
    const errors = app.checks.filter((c) => c.status === 'error').map((c) => c.id);
    if (machine === 'malformed-devices') expect(errors.length).toBeGreaterThan(0);
    else expect(errors).toEqual([]);
    expect(cli.code).toBe(command.verdict === 'pass' ? 0 : 1);

    expect(findings(app)).toEqual(findings(command));
  });

  it('compares real findings: the app path catches what a machine plants and passes a clean laptop', async () => {
    const service = (root: string) =>
      deviceService({
        dataDir,
        keys: fileKeyStore(dataDir),
        outbox: new Outbox(dataDir),
        openHost: () => openHost(root),
        server: null,
        runtime: sourceRuntime(),
        emit: () => undefined,
      });
    const notPassing = (report: ChecksReport) =>
      report.checks.filter((c) => c.status !== 'pass' && c.status !== 'n/a').map((c) => c.id);
    const pikvm = await service(sysroot('pikvm')).runChecks({});
    const laptop = await service(sysroot('laptop')).runChecks({});
    expect(notPassing(pikvm)).toEqual(expect.arrayContaining(['display.ipkvm', 'usb.ipkvm']));
    expect(notPassing(laptop)).toEqual([]);
  });
});

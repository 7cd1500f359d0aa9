import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeDevice } from '../../main/attest/observe-device';
import { sourceRuntime } from '../../main/cli/source-runtime';
import type { ProbeReadings } from '../../main/contract/observations';
import { defaultPolicy } from '../../main/contract/policy';
import type { ReportPayload } from '../../main/contract/report';
import { signReport } from '../../main/identity/sign-report';
import { sysrootHost } from '../../main/probes/host';
import { probesFor } from '../../main/probes/registry';
import { enrolDevice } from '../support/device-under-test';
import { startTestServer } from '../support/hr-service';
import { sysroot } from '../support/sysroots';

/**
 * The structural device facts (input devices, HID descriptors, SCSI inquiry, VM structure) travel
 * in the observations; the server re-judges them with the same rules and needs nothing of its own.
 */
describe('the server re-judges structural device observations', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false, demo: false });
  }, 60_000);
  afterAll(async () => server?.close());

  const readingsOf = async (machine: string): Promise<ProbeReadings> =>
    (await observeDevice(sysrootHost(sysroot(machine)), probesFor(sourceRuntime()), defaultPolicy))
      .observations.probes;

  it.each([
    ['uinput-remote-control', ['input.injected']],
    ['jetkvm-spoofed-ids', ['usb.ipkvm']],
    ['qemu-vm-hidden-dmi', ['environment.vm']],
  ])('fails a clean report carrying the observations of %s, naming %j', async (machine, checks) => {
    const device = await enrolDevice(server.url);
    const { payload } = await device.report();
    const probes = await readingsOf(machine);
    // The clean laptop's own checks, as if read live, with the attack's observations swapped in.
    const altered: ReportPayload = {
      ...payload,
      observations: {
        ...payload.observations,
        source: 'live',
        probes: { ...payload.observations.probes, ...probes },
      },
    };
    const answer = await device.post(await signReport(altered, device.signer));
    expect(answer.json.verdict).toBe('fail');
    const reasons = ((answer.json.reasons ?? []) as { check: string }[]).map((r) => r.check);
    expect(reasons).toEqual(expect.arrayContaining([...checks, 'report.disagreement']));
  });
});

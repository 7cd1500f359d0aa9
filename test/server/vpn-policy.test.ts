import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../main/attest/build-report';
import { observeDevice, type DeviceObservation } from '../../main/attest/observe-device';
import { sourceRuntime } from '../../main/cli/source-runtime';
import { defaultPolicy, type Policy } from '../../main/contract/policy';
import type { ReportPayload } from '../../main/contract/report';
import { signReport } from '../../main/identity/sign-report';
import { sysrootHost } from '../../main/probes/host';
import { probesFor } from '../../main/probes/registry';
import { decideVerdict } from '../../server/reports/decide-verdict';
import { ServerPolicy } from '../../server/server-policy';
import { enrolDevice, identityOf } from '../support/device-under-test';
import { startTestServer } from '../support/hr-service';
import { sysroot } from '../support/sysroots';

/** A fixture machine as the device observes it under the policy its enrolment sent, read as if live. */
async function observed(machine: string, policy: Policy = defaultPolicy): Promise<DeviceObservation> {
  const device = await observeDevice(sysrootHost(sysroot(machine)), probesFor(sourceRuntime()), policy);
  return { ...device, observations: { ...device.observations, source: 'live' } };
}

const approving = ServerPolicy.parse({ device: { vpn: { approvedClients: ['Zscaler Client Connector'] } } });
const egress = ServerPolicy.parse({ device: { vpn: { egressRanges: ['203.0.113.0/24'] } } });

const decide = (device: DeviceObservation, policy: ServerPolicy, reportAddress?: string) =>
  decideVerdict({
    payload: buildReport({
      deviceId: 'd',
      nonce: 'n'.repeat(32),
      appVersion: '0.1.0',
      kind: 'device-check',
      identity: identityOf(),
      observations: device.observations,
      checks: device.checks,
    }),
    client: 'cli',
    enrolledIdentity: identityOf().claims,
    expectedSerial: null,
    hasReferenceFace: true,
    biometricWithdrawn: false,
    policy,
    demo: false,
    ...(reportAddress ? { reportAddress } : {}),
  });

describe('the server judges VPNs under its own policy', () => {
  it('passes a Zscaler laptop its policy approves, and reviews it when it does not', async () => {
    for (const machine of ['zscaler-laptop', 'zscaler-laptop-as-hire']) {
      expect(decide(await observed(machine, approving.device), approving)).toMatchObject({ verdict: 'pass' });
      const unapproved = decide(await observed(machine), ServerPolicy.parse({}));
      expect(unapproved.verdict).toBe('review');
      expect(unapproved.reasons.map((r) => r.check)).toEqual(['network.tunnel']);
    }
  });

  it('applies its own approval, not the one the device judged under', async () => {
    // The device was told nothing was approved; the server's policy approves Zscaler.
    const device = await observed('zscaler-laptop');
    const decision = decide(device, approving);
    expect(decision.checks.find((c) => c.id === 'network.tunnel')?.status).toBe('pass');
    // …and the other way round: a device claiming approval the server never gave is reviewed.
    const claimed = await observed('zscaler-laptop', approving.device);
    expect(decide(claimed, ServerPolicy.parse({})).reasons.map((r) => r.check)).toEqual([
      'network.tunnel',
      'report.disagreement',
    ]);
  });

  it('warns on a consumer VPN, naming it, even when the report comes from the company egress', async () => {
    const decision = decide(await observed('nordvpn-laptop', approving.device), approving, '203.0.113.9');
    expect(decision.verdict).toBe('review');
    const tunnel = decision.reasons.find((r) => r.check === 'network.tunnel');
    expect(tunnel?.message).toBe('warn: Traffic may be tunnelled: a consumer VPN is connected (NordVPN).');
    expect(tunnel?.evidence).toEqual([
      expect.objectContaining({ interface: 'nordlynx', vpn: 'NordVPN', vpnKind: 'consumer' }),
    ]);
  });

  it("approves any other tunnel only when the report arrives from the company's egress range", async () => {
    const device = await observed('vpn', egress.device);
    const outside = decide(device, egress, '198.51.100.4');
    expect(outside.reasons.map((r) => r.check)).toEqual(['network.tunnel']);
    const inside = decide(device, egress, '203.0.113.9');
    const tunnel = inside.checks.find((c) => c.id === 'network.tunnel');
    // The tunnels are approved; the proxy in /etc/environment still warns.
    expect(tunnel?.evidence.filter((e) => 'interface' in e).map((e) => e.approved)).toEqual([true, true]);
    expect(tunnel?.summary).toBe('Traffic may be tunnelled: a proxy is set (/etc/environment https_proxy).');
    // Only the server can see the address: no disagreement with the device's own judgement.
    expect(inside.reasons.map((r) => r.check)).toEqual(['network.tunnel']);
  });
});

describe('the HR service over HTTP judges egress on the address a report arrives from', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  // This test's device reaches the service from 127.0.0.1: here that is "the company's egress".
  const policy = ServerPolicy.parse({ device: { vpn: { egressRanges: ['127.0.0.0/8'] } } });
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false, demo: false, policy });
  }, 60_000);
  afterAll(async () => server?.close());

  const submit = async (machine: string) => {
    const device = await enrolDevice(server.url);
    const { payload } = await device.report();
    const seen = await observed(machine, policy.device);
    const report: ReportPayload = { ...payload, observations: seen.observations, checks: seen.checks };
    return device.post(await signReport(report, device.signer));
  };

  it('passes the Zscaler laptop it is not told about, because its report came through the company egress', async () => {
    const answer = await submit('zscaler-laptop-as-hire');
    expect([answer.status, answer.json.verdict, answer.json.reasons]).toEqual([201, 'pass', []]);
  });

  it('reviews the consumer VPN, naming NordVPN', async () => {
    const answer = await submit('nordvpn-laptop');
    expect(answer.json.verdict).toBe('review');
    expect(answer.json.reasons).toEqual([
      expect.objectContaining({
        check: 'network.tunnel',
        message: 'warn: Traffic may be tunnelled: a consumer VPN is connected (NordVPN).',
      }),
    ]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../main/attest/build-report';
import { observeDevice } from '../../../main/attest/observe-device';
import { sourceRuntime } from '../../../main/cli/source-runtime';
import { defaultPolicy } from '../../../main/contract/policy';
import type { Identity } from '../../../main/contract/identity';
import type { ReportPayload } from '../../../main/contract/report';
import { fingerprintOf } from '../../../main/identity/fingerprint';
import { sysrootHost } from '../../../main/probes/host';
import { probesFor } from '../../../main/probes/registry';
import { hardwareMarks, placeMarks } from '../../../server/farm/farm-marks';
import { identityOf } from '../../support/device-under-test';
import { sysroot } from '../../support/sysroots';

const observe = (machine: string) =>
  observeDevice(sysrootHost(sysroot(machine)), probesFor(sourceRuntime()), defaultPolicy);

function withParts(parts: { serial?: string; disks?: string[]; macs?: string[] }): Identity {
  const base = identityOf(parts.serial);
  const claims = {
    ...base.claims,
    ...(parts.disks ? { disks: { value: parts.disks, source: 'test' } } : {}),
    ...(parts.macs ? { macs: { value: parts.macs, source: 'test' } } : {}),
  };
  return { ...base, claims, fingerprint: fingerprintOf(claims) };
}

const reportOf = async (machine: string, identity: Identity): Promise<ReportPayload> => {
  const observed = await observe(machine);
  return buildReport({
    deviceId: 'device-1',
    nonce: 'nonce-1',
    appVersion: '0.1.0',
    kind: 'device-check',
    identity,
    observations: observed.observations,
    checks: observed.checks,
  });
};

describe('the hardware a report shows', () => {
  let laptop: ReportPayload;
  beforeAll(async () => {
    laptop = await reportOf('laptop', withParts({ serial: 'PF2XK7LM' }));
  });

  it("names the laptop's fingerprint, serial, disks and MACs, and not its built-in panel", () => {
    const kinds = hardwareMarks(laptop).map((m) => `${m.kind}: ${m.shown}`);
    expect(kinds).toEqual([
      expect.stringMatching(/^fingerprint: device fingerprint [0-9a-f]{12}…$/),
      'serial: serial PF2XK7LM',
      'disk: disk nvme0n1: SAMSUNG (S64)',
      'mac: MAC 8c:17:59:3e:a2:01',
    ]);
  });

  it('leaves out ids that many unrelated devices share: placeholder serials, zero, broadcast and random MACs', async () => {
    const shared = await reportOf(
      'laptop',
      withParts({
        serial: 'To be filled by O.E.M.',
        disks: ['0000'],
        macs: ['00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff', '02:42:ac:11:00:02', 'da:a1:19:00:00:01'],
      }),
    );
    expect(hardwareMarks(shared).map((m) => m.kind)).toEqual(['fingerprint']);
  });

  it("leaves out a PiKVM's preset serial (CAFEBABE on its EDID and its USB gadget), and keeps a serial of its own", async () => {
    const kvm = await reportOf('pikvm', withParts({ serial: 'PF2XK7LM' }));
    expect(hardwareMarks(kvm).filter((m) => m.kind === 'edid' || m.kind === 'usb')).toEqual([]);

    const usb = kvm.observations.probes.usb;
    if (usb?.state !== 'read') throw new Error('the PiKVM fixture has no USB reading');
    const own = {
      ...kvm,
      observations: {
        ...kvm.observations,
        probes: {
          ...kvm.observations.probes,
          usb: {
            state: 'read' as const,
            facts: usb.facts.map((d) => (d.serial === 'CAFEBABE' ? { ...d, serial: 'A1B2C3D4E5' } : d)),
          },
        },
      },
    };
    expect(hardwareMarks(own).filter((m) => m.kind === 'usb')).toEqual([
      {
        kind: 'usb',
        value: '1d6b:0104 serial A1B2C3D4E5',
        shown: 'KVM/capture USB device 1d6b:0104 serial A1B2C3D4E5 (PiKVM Composite Device)',
      },
    ]);
  });
});

describe('the place a report came from', () => {
  it('is the address and its /24, an IPv4-mapped address read as IPv4', () => {
    expect(placeMarks('::ffff:198.51.100.23', [], false)).toEqual([
      { kind: 'address', value: '198.51.100.23', shown: 'the same client address' },
      { kind: 'network', value: '198.51.100.0/24', shown: 'the same /24 network' },
    ]);
  });

  it('is the expanded IPv6 address and its /48', () => {
    expect(placeMarks('2001:DB8:0:12::7', [], false).map((m) => m.value)).toEqual([
      '2001:db8:0:12:0:0:0:7',
      '2001:db8:0::/48',
    ]);
  });

  it('is, for a check-in a person completes, also its rhythm: the network compared over minutes', () => {
    expect(placeMarks('198.51.100.23', [], true)).toContainEqual({
      kind: 'rhythm',
      value: '198.51.100.0/24',
      shown: 'check-ins back to back from one /24 network',
    });
  });

  it('is nothing from the corporate egress ranges', () => {
    expect(placeMarks('203.0.113.9', ['203.0.113.0/24'], true)).toEqual([]);
  });
});

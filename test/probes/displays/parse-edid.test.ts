import { sha256Hex } from '../../../main/probes/displays/linux';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deviceSignatures } from '../../../main/contract/device-signatures';
import { parseEdid } from '../../../main/probes/displays/parse-edid';
import { sysroot } from '../../support/sysroots';

const edidOf = (machine: string, connector: string): Buffer =>
  readFileSync(`${sysroot(machine)}/sys/class/drm/card0-${connector}/edid`);

describe('parseEdid', () => {
  it('reads a real monitor: Dell U2718Q (linuxhw/EDID)', () => {
    expect(parseEdid(edidOf('docked-laptop', 'DP-1'), sha256Hex)).toEqual({
      edid: {
        manufacturerId: 'DEL',
        productCode: 0xa0ec,
        serialNumber: 0x304b524c,
        week: 26,
        year: 2017,
        monitorName: 'DELL U2718Q',
        serialString: 'FN84K76Q0KRL',
        // sha256sum of the first 128 bytes, as coreutils computes it.
        sha256Block0: 'a97faf0b402a8b09257b923a4feaacaad44ef8aa633b57ceb3ca99fcc16db802',
      },
      error: null,
    });
  });

  it('reads a real laptop panel with neither name nor serial string (AUO B133HAB)', () => {
    const { edid, error } = parseEdid(edidOf('laptop', 'eDP-1'), sha256Hex);
    expect(error).toBeNull();
    expect(edid).toMatchObject({
      manufacturerId: 'AUO',
      productCode: 0x102d,
      year: 2016,
      monitorName: null,
      serialString: null,
    });
  });

  it('hashes block 0 exactly as the published KVM signatures do (TinyPilot, JetKVM Acer preset)', () => {
    const tinyPilot = parseEdid(edidOf('tinypilot-spoofed-usb', 'HDMI-A-1'), sha256Hex).edid!;
    expect(tinyPilot).toMatchObject({
      manufacturerId: 'TSB',
      productCode: 0x9876,
      serialNumber: 0x88888800,
      monitorName: 'TinyPilot',
    });
    expect(deviceSignatures.kvmEdids.find((k) => k.device === 'TinyPilot')!.sha256Block0).toBe(
      tinyPilot.sha256Block0,
    );
    const acer = parseEdid(edidOf('jetkvm-impersonation', 'HDMI-A-1'), sha256Hex).edid!;
    expect(acer).toMatchObject({
      manufacturerId: 'ACR',
      monitorName: 'B246WL',
      serialString: 'T8NEE0038522',
    });
    expect(deviceSignatures.kvmEdids.map((k) => k.sha256Block0)).toContain(acer.sha256Block0);
  });

  it('names what is wrong with an empty, truncated or foreign blob instead of throwing', () => {
    expect(parseEdid(new Uint8Array(0), sha256Hex)).toEqual({
      edid: null,
      error: 'the display gave an empty EDID',
    });
    expect(parseEdid(edidOf('malformed-devices', 'HDMI-A-1'), sha256Hex)).toEqual({
      edid: null,
      error: 'the EDID is truncated: 100 bytes, a base block needs 128',
    });
    expect(parseEdid(new TextEncoder().encode('x'.repeat(128)), sha256Hex).error).toBe(
      'not an EDID: it starts 78 78 78 78 78 78 78 78, not 00 ff ff ff ff ff ff 00',
    );
  });

  it('still reads the identity when only the checksum is wrong, and says so', () => {
    const bytes = Buffer.from(edidOf('docked-laptop', 'DP-1'));
    bytes[127] = (bytes[127]! + 1) & 0xff;
    const { edid, error } = parseEdid(bytes, sha256Hex);
    expect(edid?.monitorName).toBe('DELL U2718Q');
    expect(error).toBe('the EDID base block checksum is wrong (bytes sum to 0x1 mod 256, not 0)');
  });

  it('never throws on random bytes behind a valid header', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (let round = 0; round < 500; round++) {
      const bytes = Uint8Array.from({ length: round % 300 }, random);
      bytes.set([0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0].slice(0, bytes.length));
      const { edid, error } = parseEdid(bytes, sha256Hex);
      expect(edid !== null || error !== null).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { displaySignals } from '../../../main/checks/presence/display-signals';
import type { DisplayInfo, Edid } from '../../../main/probes/displays/display';

function display(edid: Partial<Edid> | null, fields: Partial<DisplayInfo> = {}): DisplayInfo {
  return {
    connector: 'HDMI-A-1',
    builtIn: false,
    adapter: 'i915',
    edid: edid && {
      manufacturerId: 'DEL',
      productCode: 0x2013,
      serialNumber: 0x12345678,
      week: 1,
      year: 2022,
      monitorName: 'DELL D2721H',
      serialString: 'ABCDEFG',
      sha256Block0: '0'.repeat(64),
      ...edid,
    },
    edidError: null,
    ...fields,
  };
}

const verdicts = (d: DisplayInfo) => displaySignals(d).map((f) => f.verdict);

describe('displaySignals', () => {
  it("passes a real Dell D2721H although JetKVM copies its ids: the preset's serial string is what gives it away", () => {
    expect(displaySignals(display({}))).toEqual([]);
    expect(verdicts(display({ serialString: '3S5GQ23' }))).toEqual(['fail']);
  });

  it('fails a Toshiba-bridge KVM whose name was changed (TSB with serial 0x88888800)', () => {
    expect(
      verdicts(
        display({
          manufacturerId: 'TSB',
          productCode: 0x1111,
          serialNumber: 0x88888800,
          monitorName: 'Monitor',
        }),
      ),
    ).toEqual(['fail']);
  });

  it('fails a PiKVM renamed to look like a monitor but keeping its product id', () => {
    expect(
      verdicts(display({ manufacturerId: 'LNX', productCode: 0x7773, monitorName: 'DELL U2720Q' })),
    ).toContain('fail');
  });

  it('only warns on the Linux Foundation id alone', () => {
    expect(
      verdicts(display({ manufacturerId: 'LNX', productCode: 0x0001, monitorName: 'Linux XGA' })),
    ).toEqual(['warn']);
  });

  it('fails virtual displays: the IddSampleDriver "Linux FHD" EDID, MTT\'s driver, Virtual-N connectors, vkms', () => {
    expect(
      verdicts(
        display({
          manufacturerId: 'LNX',
          productCode: 0,
          monitorName: 'Linux FHD',
          serialString: 'Linux #0',
        }),
      ),
    ).toEqual(['fail', 'warn']);
    expect(
      verdicts(display({ manufacturerId: 'MTT', productCode: 0x1337, monitorName: 'VDD by MTT' })),
    ).toEqual(['fail']);
    expect(verdicts(display(null, { connector: 'Virtual-1' }))).toEqual(['fail']);
    // A Hyper-V guest's adapter as Windows names it (test/fixtures/recorded/win32/hyperv-vm-rdp-adapters).
    expect(
      verdicts(display(null, { connector: 'Microsoft Hyper-V Video', adapter: 'Microsoft Hyper-V Video' })),
    ).toEqual(['fail']);
    // spacedesk's adapter (test/fixtures/recorded/win32/spacedesk-virtual-adapter): software, on no bus.
    expect(verdicts(display(null, { connector: 'ROOT\\SPACEDESK_GRAPHICS_ADAPTER\\0000' }))).toEqual([
      'fail',
    ]);
    expect(
      verdicts(
        display(null, { connector: 'PCI\\VEN_8086&DEV_9BC4&SUBSYS_170D1043&REV_05\\3&11583659&0&10' }),
      ),
    ).toEqual([]);
    expect(verdicts(display(null, { connector: 'Virtual-1', adapter: 'vkms' }))).toEqual(['fail', 'fail']);
  });

  it("warns on a wireless display (AirPlay or Sidecar), and fails DeskPad's virtual display by its EDID ids", () => {
    expect(verdicts(display(null, { connector: 'airplay-4' }))).toEqual(['warn']);
    expect(verdicts(display(null, { connector: 'display-2' }))).toEqual([]);
    expect(
      verdicts(display({ manufacturerId: 'MBV', productCode: 0x1234, monitorName: 'DeskPad Display' })),
    ).toEqual(['fail']);
  });

  it("takes an emulated GPU by its PCI ids, whatever its name, but not a real one's", () => {
    expect(
      displaySignals(display(null, { adapter: 'spdisplays_display', adapterPciId: '1234:1111' })),
    ).toEqual([
      {
        verdict: 'fail',
        reason:
          'an emulated display adapter (QEMU standard VGA (Bochs), PCI 1234:1111): the screen is drawn by a VM',
      },
    ]);
    expect(
      displaySignals(display(null, { adapter: 'Intel Iris Plus Graphics 655', adapterPciId: '8086:3ea5' })),
    ).toEqual([]);
  });
});

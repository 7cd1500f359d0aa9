import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../../main/probes/command';
import { displaysFromProfiler } from '../../../main/probes/displays/parse-darwin';
import { readDarwinDisplays } from '../../../main/probes/displays/darwin';
import { recordedText, replayHost } from '../../support/replay-host';

const displays = (scenario: string) =>
  displaysFromProfiler(decodeJson(recordedText('darwin', scenario, 'system-profiler-displays.json'), 'test'));

describe('macOS displays from system_profiler', () => {
  it("turns the built-in panel's vendor number into its PNP id", () => {
    expect(displays('clean-macbook')).toEqual([
      {
        connector: 'internal-1',
        builtIn: true,
        edid: {
          manufacturerId: 'APP',
          productCode: 0xa04f,
          serialNumber: 0xfd626d62,
          week: 0,
          year: 0,
          monitorName: 'Color LCD',
          serialString: null,
          sha256Block0: '',
        },
        edidError: null,
        adapter: 'Apple M2',
        adapterPciId: null,
      },
    ]);
  });

  it('says a Sidecar display has no EDID because macOS made it, not that its vendor is unreadable (real capture)', () => {
    const sidecar = displays('m1-pro-dell-sidecar-displays').find((d) => d.connector === 'airplay-4');
    expect(sidecar).toMatchObject({
      builtIn: false,
      edid: null,
      edidError: 'macOS made this display itself (vendor "aapl"): it has no EDID',
      adapter: 'Apple M1 Pro, virtual display',
    });
  });

  it("reads an emulated GPU's PCI ids (a QEMU macOS guest's Bochs VGA, real capture)", () => {
    expect(displays('qemu-macos-guest-displays')).toMatchObject([
      { builtIn: true, edid: null, adapter: 'spdisplays_display', adapterPciId: '1234:1111' },
    ]);
  });

  it('reads an external monitor on a docked Mac', () => {
    const external = displays('anydesk-screensharing')[1];
    expect(external).toMatchObject({ builtIn: false, connector: 'display-2' });
    expect(external?.edid).toMatchObject({
      manufacturerId: 'GSM',
      productCode: 0x7750,
      monitorName: 'LG HDR 4K',
      serialString: '207NTRLD1234',
      year: 2022,
    });
  });

  it('lists a display without EDID identity with the reason', () => {
    const report = {
      SPDisplaysDataType: [
        {
          _name: 'GPU',
          spdisplays_ndrvs: [
            {
              _name: 'Dummy',
              '_spdisplays_display-vendor-id': '756e6b6e',
              '_spdisplays_display-product-id': '717',
              spdisplays_virtualdevice: 'spdisplays_yes',
            },
            { _name: 'Bare' },
          ],
        },
      ],
    };
    const [dummy, bare] = displaysFromProfiler(report);
    expect(dummy).toMatchObject({ edid: null, adapter: 'GPU, virtual display' });
    expect(dummy?.edidError).toMatch(/no EDID/);
    expect(bare?.edidError).toMatch(/no EDID vendor/);
    expect(displaysFromProfiler({ nothing: true })).toEqual([]);
  });

  it('rejects with a clear message when system_profiler is missing', async () => {
    const host = replayHost({ platform: 'darwin', folder: '/nonexistent', recordings: [] });
    await expect(readDarwinDisplays(host)).rejects.toThrow(
      'system_profiler failed: not recorded on this machine',
    );
  });
});

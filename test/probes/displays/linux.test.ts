import { describe, expect, it } from 'vitest';
import { readLinuxDisplays } from '../../../main/probes/displays/linux';
import { realHost, sysrootHost } from '../../../main/probes/host';
import { sysroot } from '../../support/sysroots';

describe('readLinuxDisplays', () => {
  it('lists connected connectors only, built-in panels marked, with the GPU driver as adapter', async () => {
    const displays = await readLinuxDisplays(sysrootHost(sysroot('docked-laptop')));
    expect(
      displays.map((d) => [d.connector, d.builtIn, d.adapter, d.edid?.manufacturerId, d.edidError]),
    ).toEqual([
      ['DP-1', false, 'i915', 'DEL', null],
      ['eDP-1', true, 'i915', 'AUO', null],
    ]);
  });

  it('finds the virtio-gpu Virtual-1 connector of a VM', async () => {
    const [display] = await readLinuxDisplays(sysrootHost(sysroot('qemu-vm')));
    expect(display).toMatchObject({
      connector: 'Virtual-1',
      adapter: 'virtio_gpu',
      edid: { monitorName: 'QEMU Monitor' },
    });
  });

  it('reads this machine: a missing /sys/class/drm means no display, not an error', async () => {
    await expect(readLinuxDisplays(realHost('linux'))).resolves.toBeInstanceOf(Array);
  });
});

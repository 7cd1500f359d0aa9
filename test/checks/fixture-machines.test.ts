import { describe, expect, it } from 'vitest';
import { defaultPolicy, Policy } from '../../main/contract/policy';
import { checks } from '../../main/checks/catalogue';
import { runChecks } from '../../main/checks/engine';
import { probesFor } from '../../main/probes/registry';
import { sourceRuntime } from '../../main/cli/source-runtime';
import { sysrootHost } from '../../main/probes/host';
import { sysroot } from '../support/sysroots';

async function run(machine: string, policy = defaultPolicy) {
  return runChecks({
    checks,
    probes: probesFor(sourceRuntime()),
    host: sysrootHost(sysroot(machine)),
    policy,
  });
}

/** Which checks did not pass, as `id: status`. Everything else must pass (app.integrity is n/a from source). */
async function notPassing(machine: string): Promise<string[]> {
  const report = await run(machine);
  return report.checks
    .filter((c) => c.status !== 'pass' && c.status !== 'n/a')
    .map((c) => `${c.id}: ${c.status}`);
}

describe('the whole catalogue on fixture machines', () => {
  it('passes a clean laptop on every check, local presence included', async () => {
    const report = await run('laptop');
    expect(report.checks.map((c) => c.id)).toEqual([
      'remote.tools',
      'remote.session',
      'remote.ports',
      'display.ipkvm',
      'usb.ipkvm',
      'input.injected',
      'camera.virtual',
      'environment.vm',
      'network.tunnel',
      'runtime.tamper',
      'app.integrity',
    ]);
    expect(report.checks.filter((c) => c.status !== 'pass' && c.id !== 'app.integrity')).toEqual([]);
    expect(report.checks.find((c) => c.id === 'app.integrity')?.status).toBe('n/a');
    expect(report.verdict).toBe('pass');
    const display = report.checks.find((c) => c.id === 'display.ipkvm')!;
    expect(display.evidence).toEqual([
      expect.objectContaining({
        connector: 'eDP-1',
        builtIn: true,
        manufacturer: 'AUO',
        productCode: '0x102d',
        verdict: 'ok',
      }),
    ]);
  });

  it('passes a docked laptop: external Dell monitor, dock ethernet, dock camera, real Logitech receiver', async () => {
    const report = await run('docked-laptop');
    expect(report.checks.filter((c) => c.status !== 'pass' && c.status !== 'n/a')).toEqual([]);
    const display = report.checks.find((c) => c.id === 'display.ipkvm')!;
    expect(display.evidence.map((e) => [e.connector, e.monitorName])).toEqual([
      ['DP-1', 'DELL U2718Q'],
      ['eDP-1', null],
    ]);
    const camera = report.checks.find((c) => c.id === 'camera.virtual')!;
    expect(camera.evidence.filter((e) => e.name === 'Logitech BRIO').map((e) => e.usb)).toEqual([
      '046d:085e',
      '046d:085e',
    ]);
  });

  it.each([
    ['pikvm', ['display.ipkvm: fail', 'usb.ipkvm: fail'], 'fail'],
    ['tinypilot-spoofed-usb', ['display.ipkvm: fail'], 'fail'],
    ['nanokvm', ['display.ipkvm: fail', 'usb.ipkvm: fail'], 'fail'],
    ['jetkvm-impersonation', ['display.ipkvm: fail', 'usb.ipkvm: fail'], 'fail'],
    ['v4l2loopback-camera', ['camera.virtual: fail'], 'fail'],
    ['obs-virtual-camera', ['camera.virtual: fail'], 'fail'],
    ['qemu-vm', ['display.ipkvm: fail', 'environment.vm: fail'], 'fail'],
    ['vpn', ['network.tunnel: warn'], 'review'],
    ['malformed-devices', ['display.ipkvm: error', 'usb.ipkvm: error'], 'review'],
    ['snoopy-preload', ['runtime.tamper: warn'], 'review'],
    ['jemalloc-preload', ['runtime.tamper: warn'], 'review'],
    ['hidepid-hardened', ['runtime.tamper: warn'], 'review'],
    ['flatpak-sandbox', ['runtime.tamper: warn'], 'review'],
    ['systemd-privatetmp', [], 'pass'],
    ['microvm', ['runtime.tamper: warn'], 'review'],
    ['ld-preload-tmp', ['runtime.tamper: fail'], 'fail'],
    ['node-options-require', ['runtime.tamper: fail'], 'fail'],
    ['uid-map-partial', ['runtime.tamper: fail'], 'fail'],
    ['own-pid-namespace', ['runtime.tamper: fail'], 'fail'],
    ['tracer', ['runtime.tamper: fail'], 'fail'],
    ['zscaler-laptop', ['network.tunnel: warn'], 'review'],
    ['zscaler-laptop-as-hire', ['network.tunnel: warn'], 'review'],
    ['nordvpn-laptop', ['network.tunnel: warn'], 'review'],
    // Structural device signals: honest look-alikes, then attacks that renamed or spoofed ids.
    ['developer-laptop', [], 'pass'],
    ['ipu6-mipi-camera', [], 'pass'],
    ['mipi-relay-impostor', ['camera.virtual: fail'], 'fail'],
    ['uinput-remote-control', ['input.injected: fail'], 'fail'],
    ['uinput-renamed', ['input.injected: warn'], 'review'],
    ['usbip-devices', ['input.injected: fail', 'camera.virtual: fail'], 'fail'],
    ['vivid-test-camera', ['camera.virtual: fail'], 'fail'],
    ['capture-card-webcam', ['usb.ipkvm: warn', 'camera.virtual: fail'], 'fail'],
    ['jetkvm-spoofed-ids', ['usb.ipkvm: fail'], 'fail'],
    ['pikvm-imported-ids', ['usb.ipkvm: fail'], 'fail'],
    ['tinypilot-no-storage', ['usb.ipkvm: fail'], 'fail'],
    ['keyboard-receiver-storage', ['usb.ipkvm: fail'], 'fail'],
    ['raritan-cim', ['usb.ipkvm: fail'], 'fail'],
    ['tc358743-renamed-edid', ['display.ipkvm: fail'], 'fail'],
    ['laptop-no-display', ['display.ipkvm: warn'], 'review'],
    ['qemu-vm-hidden-dmi', ['environment.vm: fail'], 'fail'],
    ['hyperv-vm-hidden-dmi', ['environment.vm: fail'], 'fail'],
    ['firecracker-virtio-mmio', ['environment.vm: fail'], 'fail'],
    ['ssh-renamed-daemon', ['remote.session: fail'], 'fail'],
    ['tmux-attached-over-ssh', ['remote.session: fail'], 'fail'],
    ['reverse-vnc', ['remote.ports: fail'], 'fail'],
    ['conferencing-lookalikes', [], 'pass'],
    // What the device sees of its LAN is for the HR service (farm signals): no check reads it.
    ['home-lan-laptop', [], 'pass'],
    ['lan-gateway-unresolved', [], 'pass'],
  ])('%s: exactly %j, verdict %s', async (machine, expected, verdict) => {
    expect(await notPassing(machine)).toEqual(expected);
    expect((await run(machine)).verdict).toBe(verdict);
  });

  it('names what it caught, so the hire and HR can see why', async () => {
    const summary = async (machine: string, id: string) =>
      (await run(machine)).checks.find((c) => c.id === id)!.summary;
    expect(await summary('pikvm', 'display.ipkvm')).toContain('HDMI-A-1: PiKVM capture');
    expect(await summary('pikvm', 'usb.ipkvm')).toContain('1d6b:0104');
    expect(await summary('tinypilot-spoofed-usb', 'display.ipkvm')).toContain('exact EDID image: TinyPilot');
    expect(await summary('jetkvm-impersonation', 'display.ipkvm')).toContain('impersonating Acer B246WL');
    expect(await summary('jetkvm-impersonation', 'usb.ipkvm')).toContain('Logitech (x64)');
    expect(await summary('nanokvm', 'usb.ipkvm')).toContain('NanoKVM');
    expect(await summary('v4l2loopback-camera', 'camera.virtual')).toContain('video2');
    expect(await summary('obs-virtual-camera', 'camera.virtual')).toContain('OBS Virtual Camera');
    expect(await summary('qemu-vm', 'environment.vm')).toMatch(/DMI sysVendor QEMU.*52:54:00:12:34:56/);
    expect(await summary('qemu-vm', 'display.ipkvm')).toContain('Virtual-1');
    expect(await summary('vpn', 'network.tunnel')).toBe(
      'Traffic may be tunnelled: tunnel interface(s) up: tun0, wg0; the default route goes through tun0; ' +
        'a proxy is set (/etc/environment https_proxy).',
    );
  });

  it("passes the developer laptop with every honest device and the company's approved VPN, read as the hire", async () => {
    expect(await notPassing('developer-laptop-company-vpn')).toEqual(['network.tunnel: warn']);
    const policy = Policy.parse({ vpn: { approvedClients: ['Zscaler Client Connector'] } });
    const report = await run('developer-laptop-company-vpn', policy);
    expect(report.checks.filter((c) => c.status !== 'pass' && c.status !== 'n/a')).toEqual([]);
    expect(report.verdict).toBe('pass');
  });

  it.each(['zscaler-laptop', 'zscaler-laptop-as-hire'])(
    "passes %s when the company's policy approves Zscaler; a consumer VPN still warns, naming it",
    async (machine) => {
      const policy = Policy.parse({ vpn: { approvedClients: ['Zscaler Client Connector'] } });
      const report = await run(machine, policy);
      expect(report.verdict).toBe('pass');
      expect(report.checks.find((c) => c.id === 'network.tunnel')?.evidence).toEqual([
        expect.objectContaining({ interface: 'zcctun0', vpn: 'Zscaler Client Connector', approved: true }),
      ]);
      const nord = (await run('nordvpn-laptop', policy)).checks.find((c) => c.id === 'network.tunnel');
      expect([nord?.status, nord?.summary]).toEqual([
        'warn',
        'Traffic may be tunnelled: a consumer VPN is connected (NordVPN).',
      ]);
    },
  );
  it('names remote sessions and servers by structure, whatever they are called', async () => {
    const evidence = async (machine: string, id: string) =>
      (await run(machine)).checks.find((c) => c.id === id)!.evidence;
    expect(await evidence('ssh-renamed-daemon', 'remote.session')).toContainEqual(
      expect.objectContaining({ signal: 'process ancestry', value: '/var/tmp/.cache/backupd' }),
    );
    expect(await evidence('tmux-attached-over-ssh', 'remote.session')).toEqual([
      expect.objectContaining({ signal: 'login record', value: 5000 }),
      expect.objectContaining({ signal: 'terminal multiplexer', name: 'tmux: server (pid 2410)' }),
    ]);
    expect(await evidence('reverse-vnc', 'remote.ports')).toContainEqual(
      expect.objectContaining({
        kind: 'remote-desktop server',
        process: 'notes-sync',
        path: '/home/hire/.local/bin/notes-sync',
      }),
    );
    const lookAlikes = (await evidence('conferencing-lookalikes', 'remote.ports')).filter(
      (e) => e.kind === 'look-alike',
    );
    expect(lookAlikes.map((e) => e.process)).toEqual(['zoom', 'teams-for-linux', 'barrierc', 'kdeconnectd']);
  });

  it('reports malformed device data as error evidence for that device, and still judges the rest', async () => {
    const report = await run('malformed-devices');
    const display = report.checks.find((c) => c.id === 'display.ipkvm')!;
    expect(display.evidence).toContainEqual({
      connector: 'HDMI-A-1',
      error: 'the EDID is truncated: 100 bytes, a base block needs 128',
    });
    expect(display.evidence).toContainEqual(expect.objectContaining({ connector: 'eDP-1', verdict: 'ok' }));
    const usb = report.checks.find((c) => c.id === 'usb.ipkvm')!;
    expect(usb.summary).toContain('idVendor is not four hex digits');
    expect(usb.evidence).toContainEqual(
      expect.objectContaining({ location: '1-6', vendorId: '04f2', verdict: 'ok' }),
    );
  });

  it('passes the developer laptop with every honest look-alike listed as evidence, none taken for an attack', async () => {
    const report = await run('developer-laptop');
    const evidence = (id: string) => report.checks.find((c) => c.id === id)!.evidence;
    expect(evidence('usb.ipkvm').filter((e) => e.verdict !== 'ok')).toEqual([]);
    expect(evidence('usb.ipkvm').map((e) => `${e.vendorId}:${e.productId}`)).toEqual(
      expect.arrayContaining(['1050:0407', '056a:0374', '0557:2213', '05e3:0610', '046d:c31c', '04f2:b5ac']),
    );
    expect(evidence('input.injected')).toContainEqual(
      expect.objectContaining({
        name: 'MX Master 3 Mouse',
        attachment: 'uhid',
        bus: 'bluetooth',
        verdict: 'ok',
      }),
    );
    expect(evidence('input.injected')).toContainEqual(
      expect.objectContaining({ name: 'Wacom Intuos S Pen', pointer: 'absolute', attachment: 'hardware' }),
    );
    expect(evidence('camera.virtual').map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'Integrated IR Camera',
        'HD Pro Webcam C920',
        'Integrated Camera: Integrated C',
      ]),
    );
    expect(evidence('environment.vm')).toEqual([]);
  });

  it('names what each structural signal saw', async () => {
    const summary = async (machine: string, id: string) =>
      (await run(machine)).checks.find((c) => c.id === id)!.summary;
    expect(await summary('uinput-remote-control', 'input.injected')).toContain(
      'input injected by RustDesk: "RustDesk UInput Keyboard"',
    );
    expect(await summary('uinput-renamed', 'input.injected')).toContain(
      '"Logitech USB Keyboard": a keyboard made by a program (uinput)',
    );
    expect(await summary('usbip-devices', 'camera.virtual')).toContain('attached over the network (USB/IP)');
    expect(await summary('vivid-test-camera', 'camera.virtual')).toContain('vivid driver');
    expect(await summary('capture-card-webcam', 'camera.virtual')).toContain('Elgato Cam Link 4K');
    expect(await summary('jetkvm-spoofed-ids', 'usb.ipkvm')).toContain(
      '046d:c31c "USB Keyboard": JetKVM virtual media (SCSI inquiry "JetKVM" "Virtual Media" CD-ROM)',
    );
    expect(await summary('tinypilot-no-storage', 'usb.ipkvm')).toContain('absolute-position mouse');
    expect(await summary('keyboard-receiver-storage', 'usb.ipkvm')).toContain(
      'a keyboard that is also a USB drive',
    );
    expect(await summary('raritan-cim', 'usb.ipkvm')).toContain('Raritan D2CIM-VUSB');
    expect(await summary('laptop-no-display', 'display.ipkvm')).toContain('no connected display at all');
    expect(await summary('qemu-vm-hidden-dmi', 'environment.vm')).toMatch(
      /subsystem vendor 1af4.*1af4:1041.*qemu_fw_cfg.*built into the kernel/,
    );
    expect(await summary('hyperv-vm-hidden-dmi', 'environment.vm')).toContain('Hyper-V VMBus');
    expect(await summary('firecracker-virtio-mmio', 'environment.vm')).toContain('virtio-mmio (a microVM)');
    const ipu6 = (await run('ipu6-mipi-camera')).checks.find((c) => c.id === 'camera.virtual')!;
    expect(ipu6.evidence).toContainEqual(
      expect.objectContaining({
        name: 'Intel MIPI Camera',
        relayOf: 'MIPI camera (intel-ipu6) via v4l2-relayd',
      }),
    );
  });
});

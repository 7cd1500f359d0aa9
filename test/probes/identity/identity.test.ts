import { readFileSync } from 'node:fs';
import nodeMachineId from 'node-machine-id';
import { describe, expect, it } from 'vitest';
import { IdentityClaims } from '../../../main/contract/identity';
import { realHost, sysrootHost, type Host } from '../../../main/probes/host';
import { claimsFromDarwin } from '../../../main/probes/identity/parse-darwin';
import { claimsFromWindows } from '../../../main/probes/identity/parse-win32';
import { readIdentity } from '../../../main/probes/identity/read-identity';
import { SysrootBuilder } from '../../support/sysroot';

const recorded = (path: string) =>
  readFileSync(new URL(`../../fixtures/recorded/${path}`, import.meta.url), 'utf8');

async function laptop(vendor = 'LENOVO', product = '21HMCTO1WW') {
  const b = await SysrootBuilder.create();
  const dmi = 'sys/devices/virtual/dmi/id';
  const fields: Record<string, string> = {
    sys_vendor: vendor,
    product_name: product,
    product_version: 'ThinkPad T14s Gen 4',
    product_serial: 'PF4XK2LM',
    product_uuid: '3f1c9a2e-41b7-11b2-a85c-b3f7c0a8e912',
    board_vendor: vendor,
    board_name: '21HMCTO1WW',
  };
  for (const [name, value] of Object.entries(fields)) await b.file(`${dmi}/${name}`, `${value}\n`);
  await b.link('sys/class/dmi/id', '../../devices/virtual/dmi/id');
  await b.file(
    'sys/devices/pci0000:00/0000:00:06.0/0000:02:00.0/nvme/nvme0/model',
    'SAMSUNG MZVL2512HCJQ-00BL7              \n',
  );
  await b.file(
    'sys/devices/pci0000:00/0000:00:06.0/0000:02:00.0/nvme/nvme0/serial',
    'S64KNX0T512345      \n',
  );
  await b.link('sys/block/nvme0n1/device', '../../devices/pci0000:00/0000:00:06.0/0000:02:00.0/nvme/nvme0');
  await b.file('sys/block/loop0/size', '0\n');
  await b.file('sys/devices/pci0000:00/0000:00:14.3/net/wlp0s20f3/address', '8c:17:59:3e:a2:01\n');
  await b.link('sys/devices/pci0000:00/0000:00:14.3/net/wlp0s20f3/device', '../../../0000:00:14.3');
  await b.link('sys/class/net/wlp0s20f3', '../../devices/pci0000:00/0000:00:14.3/net/wlp0s20f3');
  await b.file('sys/devices/virtual/net/lo/address', '00:00:00:00:00:00\n');
  await b.link('sys/class/net/lo', '../../devices/virtual/net/lo');
  await b.file('sys/devices/pnp0/00:04/tpm/tpm0/tpm_version_major', '2\n');
  await b.link('sys/class/tpm/tpm0', '../../devices/pnp0/00:04/tpm/tpm0');
  await b.file(
    'proc/cpuinfo',
    'processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: 13th Gen Intel(R) Core(TM) i7-1365U\nflags\t\t: fpu vme\n',
  );
  await b.file('proc/meminfo', 'MemTotal:       32502136 kB\nMemFree:         1234567 kB\n');
  await b.file('etc/machine-id', '8d2c4f0e6b1a4c3d9e7f0a1b2c3d4e5f\n');
  return b.root;
}

/** Root reads everything, so the permission a normal user meets is played by the host. */
function asNormalUser(host: Host): Host {
  return {
    ...host,
    readText: (path) =>
      path.endsWith('product_serial') || path.endsWith('product_uuid')
        ? Promise.reject(
            Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' }),
          )
        : host.readText(path),
  };
}

describe('identity on Linux', () => {
  it('reads every claim from a laptop laid out like a real kernel', async () => {
    const identity = await readIdentity(sysrootHost(await laptop()));
    const values = Object.fromEntries(Object.entries(identity.claims).map(([k, c]) => [k, c.value]));
    expect(values).toEqual({
      // sha256 of the id as printf '%s' ID | sha256sum computes it
      machineId: 'b28eed0f5885fab05d6afc4c51e2e96cd80933b883d0087d91458090aad5fbf4',
      serial: 'PF4XK2LM',
      productUuid: '3f1c9a2e-41b7-11b2-a85c-b3f7c0a8e912',
      vendor: 'LENOVO',
      model: '21HMCTO1WW ThinkPad T14s Gen 4',
      board: 'LENOVO 21HMCTO1WW',
      disks: ['nvme0n1: SAMSUNG MZVL2512HCJQ-00BL7 (S64KNX0T512345)'],
      macs: ['8c:17:59:3e:a2:01'],
      cpuModel: '13th Gen Intel(R) Core(TM) i7-1365U',
      memoryBytes: 32502136 * 1024,
      tpm: 'TPM 2.0',
    });
    expect(IdentityClaims.safeParse(identity.claims).success).toBe(true);
    expect(identity.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says which claims need root instead of failing', async () => {
    const identity = await readIdentity(asNormalUser(sysrootHost(await laptop())));
    expect(identity.claims.serial).toEqual({
      value: null,
      source: '/sys/class/dmi/id/product_serial',
      unavailable: 'readable by root only',
    });
    expect(identity.claims.productUuid.unavailable).toBe('readable by root only');
    expect(identity.claims.vendor.value).toBe('LENOVO');
  });

  it('reports what a machine without DMI or TPM lacks', async () => {
    const b = await SysrootBuilder.create();
    await b.file('proc/cpuinfo', 'model name\t: QEMU Virtual CPU version 2.5+\n');
    const identity = await readIdentity(sysrootHost(b.root));
    expect(identity.claims.serial.unavailable).toBe('not present on this machine');
    expect(identity.claims.machineId.unavailable).toBe('no machine id on this system');
    expect(identity.claims.tpm.value).toBe(false);
    expect(identity.claims.disks.value).toEqual([]);
  });

  it('hashes the machine id exactly as node-machine-id does', async () => {
    const identity = await readIdentity(realHost('linux'));
    expect(identity.claims.machineId.value).toBe(await nodeMachineId.machineId());
  });
});

describe('identity on macOS and Windows (recorded output)', () => {
  it('reads a MacBook from ioreg, system_profiler and networksetup', () => {
    const claims = claimsFromDarwin({
      // sha256 of the id as printf '%s' ID | sha256sum computes it
      machineId: 'abc',
      ioreg: recorded('darwin/macbook-identity/ioreg-platform.txt'),
      profile: recorded('darwin/macbook-identity/system-profiler-hardware.json'),
      hardwarePorts: recorded('darwin/macbook-identity/networksetup-hardwareports.txt'),
    });
    expect(claims.serial.value).toBe('C02FK3ZXQ6L4');
    expect(claims.productUuid.value).toBe('5E1C8A12-7D9B-5A4E-9C3F-2B6D8E0F1A43');
    expect(claims.vendor.value).toBe('Apple Inc.');
    expect(claims.model.value).toBe('MacBookPro18,3');
    expect(claims.disks.value).toEqual(['APPLE SSD AP0512R (0ba0147f21c3a83e)']);
    expect(claims.macs.value).toEqual(['3a:5d:1e:08:bc:11', 'f0:18:98:4c:2e:7a']);
    expect(claims.memoryBytes.value).toBe(16 * 2 ** 30);
    expect(claims.tpm.value).toBe('Secure Enclave (Apple M1 Pro)');
  });

  it('reads a Dell from CIM, and says the TPM needs an administrator', () => {
    const claims = claimsFromWindows(recorded('win32/dell-identity/identity.json'), 'def');
    expect(claims.serial.value).toBe('7XK2LM3');
    expect(claims.vendor.value).toBe('Dell Inc.');
    expect(claims.macs.value).toEqual(['c8:4b:d6:22:10:9f', 'd4:d8:53:9a:41:0c']);
    expect(claims.tpm).toEqual({
      value: null,
      source: 'Win32_Tpm',
      unavailable: 'needs administrator (Access denied )',
    });
  });

  it('reads single-item lists and firmware placeholders from a VirtualBox guest', () => {
    const claims = claimsFromWindows(recorded('win32/virtualbox-identity/identity.json'), null);
    expect(claims.serial).toMatchObject({ value: null, unavailable: 'firmware placeholder "0"' });
    expect(claims.disks.value).toEqual(['VBOX HARDDISK (VB1f2e3d4c-5b6a7988)']);
    expect(claims.macs.value).toEqual(['08:00:27:4e:9a:12']);
    expect(claims.tpm.value).toBe('TPM 2.0');
    expect(claims.machineId.unavailable).toBe('not reported');
  });

  it('refuses output that is not the expected JSON', () => {
    expect(() => claimsFromWindows('not json', null)).toThrow();
  });
});

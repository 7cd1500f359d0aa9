import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../../main/probes/command';
import { displaysFromWin32, wmiString } from '../../../main/probes/displays/parse-win32';
import { recordedText } from '../../support/replay-host';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const displays = (scenario: string) =>
  displaysFromWin32(decodeJson(recordedText('win32', scenario, 'displays.json'), 'test'), sha256);

describe('Windows displays from WmiMonitorID', () => {
  it('decodes the uint16 strings and hashes the registry EDID block', () => {
    const [panel, dell, parsec] = displays('parsec');
    expect(panel).toMatchObject({
      builtIn: true,
      edid: { manufacturerId: 'LEN', productCode: 0x40ba, monitorName: null },
    });
    expect(dell?.connector).toBe('DISPLAY\\DELA1F8\\5&1c2e8b5a&0&UID4352_0 (DisplayPort)');
    expect(dell?.edid).toMatchObject({
      manufacturerId: 'DEL',
      productCode: 0xa1f8,
      serialNumber: 0x4c4b3031,
      monitorName: 'DELL U2723QE',
      serialString: '7MT0123C1ABS',
      week: 15,
      year: 2023,
    });
    expect(dell?.edid?.sha256Block0).toMatch(/^[0-9a-f]{64}$/);
    expect(parsec).toMatchObject({
      builtIn: false,
      edid: { manufacturerId: 'PSC', monitorName: 'ParsecVDA' },
    });
    expect(parsec?.adapter).toContain('Parsec Virtual Display Adapter');
  });

  it('lists the adapters when Windows reports no monitor (an RDP session)', () => {
    expect(displays('rdp-session').map((d) => [d.adapter, d.edid])).toEqual([
      ['Intel(R) Iris(R) Xe Graphics', null],
      ['Microsoft Remote Display Adapter', null],
    ]);
  });

  it('flags a truncated registry EDID but keeps what WMI decoded', () => {
    const monitor = {
      InstanceName: 'DISPLAY\\ABC0001\\1_0',
      ManufacturerName: [65, 66, 67, 0],
      ProductCodeID: [49, 0],
      EDID: 'AP///////wA=',
    };
    const [display] = displaysFromWin32({ Monitors: monitor, Adapters: [] }, sha256);
    expect(display?.edid).toMatchObject({ manufacturerId: 'ABC', productCode: 1, sha256Block0: '' });
    expect(display?.edidError).toBe('the registry EDID is 8 bytes, not a 128-byte block');
    expect(wmiString([0, 0])).toBeNull();
    expect(displaysFromWin32('junk', sha256)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { summariseHidDescriptor } from '../../../main/probes/usb/parse-hid-descriptor';

const bytes = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex');

/** Descriptors byte for byte from their sources (see test/fixtures/sysroots/README.md). */
const KEYBOARD = bytes(
  '05010906a101050719e029e71500250175019508810295017508810395057501050819012905910295017503910395067508150025650507190029658100c0',
);
const BOOT_MOUSE = bytes(
  '05010902a1010901a100050919012903150025019503750181029501750581010501093009311581257f750895028106c0c0',
);
const TINYPILOT_MOUSE = bytes(
  '05010902a1010509190129081500250195087501810205010930093116000026ff7f75109502810209381581257f750895018106050c0a38021581257f750895018106c0',
);
const JETKVM_MOUSE = bytes(
  '05010902a10185010901a1000509190129031500250175019503810295017505810305010930093116000026ff7f36000046ff7f751095028102c0850209381581257f35004500750895018106c0',
);
const FIDO = bytes('06d0f10901a1010920150026ff007508954081020921150026ff00750895409102c0');

describe('summariseHidDescriptor', () => {
  it('reads a boot keyboard and a relative boot mouse', () => {
    expect(summariseHidDescriptor(KEYBOARD)).toEqual({ applications: ['keyboard'], absolutePointer: false });
    expect(summariseHidDescriptor(BOOT_MOUSE)).toEqual({ applications: ['mouse'], absolutePointer: false });
  });

  it("finds the absolute pointer of TinyPilot's and JetKVM's mice (with and without a report id)", () => {
    expect(summariseHidDescriptor(TINYPILOT_MOUSE)).toEqual({
      applications: ['mouse'],
      absolutePointer: true,
    });
    expect(summariseHidDescriptor(JETKVM_MOUSE)).toEqual({ applications: ['mouse'], absolutePointer: true });
  });

  it("names a FIDO key's page, a pen's digitizer and a vendor page, none of them a mouse", () => {
    expect(summariseHidDescriptor(FIDO)).toEqual({ applications: ['fido'], absolutePointer: false });
    // Digitizer Pen: X/Y absolute, but inside a pen collection, as a drawing tablet reports them.
    const pen = bytes(
      '050d0902a1010920a10009420932150025017501950281020501093009311500 26ff7f751095028102c0c0',
    );
    expect(summariseHidDescriptor(pen)).toEqual({ applications: ['pen'], absolutePointer: false });
    expect(summariseHidDescriptor(bytes('060dff0901a101c0')).applications).toEqual(['vendor']);
  });

  it('summarises a composite descriptor and never throws on truncated or garbage bytes', () => {
    expect(summariseHidDescriptor(Buffer.concat([KEYBOARD, TINYPILOT_MOUSE]))).toEqual({
      applications: ['keyboard', 'mouse'],
      absolutePointer: true,
    });
    expect(summariseHidDescriptor(KEYBOARD.subarray(0, 7))).toEqual({
      applications: ['keyboard'],
      absolutePointer: false,
    });
    expect(() => summariseHidDescriptor(bytes('fe05ffffffffff c0 c0 27'))).not.toThrow();
    expect(summariseHidDescriptor(Buffer.alloc(0))).toEqual({ applications: [], absolutePointer: false });
  });
});

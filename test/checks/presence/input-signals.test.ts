import { describe, expect, it } from 'vitest';
import { inputInjectedCheck } from '../../../main/checks/catalogue/input-injected';
import { inputSignals, usbipSignal } from '../../../main/checks/presence/input-signals';
import { defaultPolicy } from '../../../main/contract/policy';
import type { InputDevice } from '../../../main/probes/input/input-device';
import type { UsbDevice } from '../../../main/probes/usb/usb-device';

const device = (fields: Partial<InputDevice>): InputDevice => ({
  name: 'Logitech USB Keyboard',
  bus: 'usb',
  vendorId: '046d',
  productId: 'c31c',
  attachment: 'hardware',
  keyboard: true,
  pointer: null,
  ...fields,
});

describe('inputSignals', () => {
  it('passes hardware, including a Bluetooth LE mouse that BlueZ made through uhid', () => {
    expect(inputSignals(device({}))).toBeNull();
    expect(
      inputSignals(device({ attachment: 'uhid', bus: 'bluetooth', keyboard: false, pointer: 'relative' })),
    ).toBeNull();
  });

  it('fails software devices named or numbered like a remote tool, whatever they can do', () => {
    expect(inputSignals(device({ name: 'RustDesk UInput Keyboard', attachment: 'software' }))).toEqual({
      verdict: 'fail',
      reason: 'input injected by RustDesk: "RustDesk UInput Keyboard"',
    });
    expect(inputSignals(device({ name: 'Some Foo UInput Keyboard', attachment: 'software' }))?.verdict).toBe(
      'fail',
    );
    expect(
      inputSignals(
        device({ name: 'Keyboard passthrough', vendorId: 'beef', productId: 'dead', attachment: 'software' }),
      ),
    ).toEqual({ verdict: 'fail', reason: 'input injected by Sunshine: ids beef:dead' });
  });

  it('does not take a hardware device for a tool because of its name', () => {
    expect(inputSignals(device({ name: 'Sunshine Keyboard', attachment: 'hardware' }))).toBeNull();
  });

  it('reviews any other program-made keyboard or pointer (a renamed tool, or a remapper), not hotkeys', () => {
    expect(inputSignals(device({ attachment: 'software' }))).toEqual({
      verdict: 'warn',
      reason: 'a keyboard made by a program (uinput), not by hardware',
    });
    expect(
      inputSignals(device({ attachment: 'uhid', bus: 'usb', keyboard: false, pointer: 'absolute' }))?.reason,
    ).toBe('an absolute pointer made by a program (uhid), not by hardware');
    expect(inputSignals(device({ name: 'Lid Switch', attachment: 'software', keyboard: false }))).toBeNull();
  });

  it('fails input attached over USB/IP', () => {
    expect(inputSignals(device({ attachment: 'usbip' }))?.verdict).toBe('fail');
  });
});

describe('usbipSignal', () => {
  const usb = (fields: Partial<UsbDevice>): UsbDevice => ({
    location: '3-1',
    vendorId: '0781',
    productId: '5581',
    manufacturer: null,
    product: null,
    serial: null,
    deviceClass: 0,
    interfaces: [{ interfaceClass: 8, interfaceSubClass: 6, interfaceProtocol: 0x50 }],
    rootHub: false,
    error: null,
    usbip: true,
    ...fields,
  });

  it('fails a keyboard and reviews anything else attached over USB/IP; ignores local devices', () => {
    expect(
      usbipSignal(usb({ interfaces: [{ interfaceClass: 3, interfaceSubClass: 1, interfaceProtocol: 1 }] }))
        ?.verdict,
    ).toBe('fail');
    expect(usbipSignal(usb({}))?.verdict).toBe('warn');
    expect(usbipSignal(usb({ usbip: false }))).toBeNull();
    expect(usbipSignal(usb({ location: 'usb3', rootHub: true }))).toBeNull();
  });

  it('turns into the check: a USB/IP drive alone is a review, listed with its location', () => {
    const outcome = inputInjectedCheck.rule(
      { input: [], usb: [usb({})] },
      { policy: defaultPolicy, platform: 'linux' },
    );
    expect(outcome.status).toBe('warn');
    expect(outcome.evidence).toContainEqual(
      expect.objectContaining({ location: '3-1', attachment: 'usbip' }),
    );
  });
});

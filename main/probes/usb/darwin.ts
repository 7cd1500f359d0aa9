import { decodeJson, runCommand, type Command } from '../command';
import type { Host } from '../host';
import { usbDevicesFromProfiler } from './parse-darwin';
import type { UsbDevice } from './usb-device';

/** Older macOS ignores the data type it does not know, so both are asked for. */
export const darwinUsbCommands = {
  profiler: {
    file: 'system_profiler',
    args: ['-json', 'SPUSBDataType', 'SPUSBHostDataType'],
    timeoutMs: 15_000,
  },
} satisfies Record<string, Command>;

export async function readDarwinUsb(host: Host): Promise<UsbDevice[]> {
  const output = await runCommand(host, darwinUsbCommands.profiler);
  return usbDevicesFromProfiler(decodeJson(output, 'system_profiler SPUSBDataType'));
}

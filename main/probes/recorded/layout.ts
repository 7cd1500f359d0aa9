import type { Platform } from '../../contract/checks';
import { darwinCameraCommands } from '../cameras/darwin';
import { win32CameraCommands } from '../cameras/win32';
import type { Command } from '../command';
import { darwinDisplayCommands } from '../displays/darwin';
import { win32DisplayCommands } from '../displays/win32';
import { darwinIdentityCommands } from '../identity/darwin';
import { win32IdentityCommands } from '../identity/win32';
import { darwinMachineCommands } from '../machine/darwin';
import { win32MachineCommands } from '../machine/win32';
import { darwinNetworkCommands } from '../network/darwin';
import { win32NetworkCommands } from '../network/win32';
import { darwinProcessCommands } from '../processes/darwin';
import { win32ProcessCommands } from '../processes/win32';
import { darwinServiceCommands } from '../services/darwin';
import { win32ServiceCommands } from '../services/win32';
import { darwinSessionCommands } from '../session/darwin';
import { win32SessionCommands } from '../session/win32';
import { darwinSocketCommands } from '../sockets/darwin';
import { win32SocketCommands } from '../sockets/win32';
import { darwinUsbCommands } from '../usb/darwin';
import { win32UsbCommands } from '../usb/win32';

/**
 * A recorded machine's folder: one file per command the readers run, named here, holding exactly
 * what that command printed. (`ioreg -rd1 -c IOPlatformExpertDevice` serves the machine reader and
 * the identity reader alike, so one file answers both.)
 */
export const recordingLayout: Record<'darwin' | 'win32', Record<string, Command>> = {
  darwin: {
    'ps-comm.txt': darwinProcessCommands.psComm,
    'ps-args.txt': darwinProcessCommands.psArgs,
    'launchctl-list.txt': darwinServiceCommands.launchctlList,
    'launchctl-print-disabled.txt': darwinServiceCommands.printDisabled,
    'netstat-anv-tcp.txt': darwinSocketCommands.netstat,
    'system-profiler-displays.json': darwinDisplayCommands.profiler,
    'system-profiler-usb.json': darwinUsbCommands.profiler,
    'system-profiler-camera.json': darwinCameraCommands.profiler,
    'sysctl.txt': darwinMachineCommands.sysctl,
    'ioreg-platform.txt': darwinMachineCommands.platform,
    'ifconfig.txt': darwinNetworkCommands.ifconfig,
    'netstat-rn.txt': darwinNetworkCommands.routes,
    'scutil-proxy.txt': darwinNetworkCommands.proxy,
    'who.txt': darwinSessionCommands.who,
    'env.txt': darwinSessionCommands.env,
    'system-profiler-hardware.json': darwinIdentityCommands.hardware,
    'networksetup-hardwareports.txt': darwinIdentityCommands.hardwarePorts,
  },
  win32: {
    'processes.json': win32ProcessCommands.processes,
    'services.json': win32ServiceCommands.services,
    'sockets.json': win32SocketCommands.sockets,
    'displays.json': win32DisplayCommands.displays,
    'usb.json': win32UsbCommands.usb,
    'cameras.json': win32CameraCommands.cameras,
    'machine.json': win32MachineCommands.machine,
    'network.json': win32NetworkCommands.network,
    'session.json': win32SessionCommands.session,
    'identity.json': win32IdentityCommands.identity,
  },
};

export type RecordedPlatform = keyof typeof recordingLayout;

export function isRecordedPlatform(platform: Platform): platform is RecordedPlatform {
  return platform in recordingLayout;
}

import type { Command } from '../../main/probes/command';
import { darwinCameraCommands } from '../../main/probes/cameras/darwin';
import { win32CameraCommands } from '../../main/probes/cameras/win32';
import { darwinDisplayCommands } from '../../main/probes/displays/darwin';
import { win32DisplayCommands } from '../../main/probes/displays/win32';
import { darwinMachineCommands } from '../../main/probes/machine/darwin';
import { win32MachineCommands } from '../../main/probes/machine/win32';
import { darwinNetworkCommands } from '../../main/probes/network/darwin';
import { win32NetworkCommands } from '../../main/probes/network/win32';
import { darwinProcessCommands } from '../../main/probes/processes/darwin';
import { win32ProcessCommands } from '../../main/probes/processes/win32';
import { darwinServiceCommands } from '../../main/probes/services/darwin';
import { win32ServiceCommands } from '../../main/probes/services/win32';
import { darwinSessionCommands } from '../../main/probes/session/darwin';
import { win32SessionCommands } from '../../main/probes/session/win32';
import { darwinSocketCommands } from '../../main/probes/sockets/darwin';
import { win32SocketCommands } from '../../main/probes/sockets/win32';
import { darwinUsbCommands } from '../../main/probes/usb/darwin';
import { win32UsbCommands } from '../../main/probes/usb/win32';

/** Which recorded file holds which command's output, per platform. */
export const darwinRecordings: Record<string, Command> = {
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
};

export const win32Recordings: Record<string, Command> = {
  'processes.json': win32ProcessCommands.processes,
  'services.json': win32ServiceCommands.services,
  'sockets.json': win32SocketCommands.sockets,
  'displays.json': win32DisplayCommands.displays,
  'usb.json': win32UsbCommands.usb,
  'cameras.json': win32CameraCommands.cameras,
  'machine.json': win32MachineCommands.machine,
  'network.json': win32NetworkCommands.network,
  'session.json': win32SessionCommands.session,
};

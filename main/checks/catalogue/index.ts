import type { Check } from '../check';
import { appIntegrityCheck } from './app-integrity';
import { cameraVirtualCheck } from './camera-virtual';
import { displayIpKvmCheck } from './display-ipkvm';
import { environmentVmCheck } from './environment-vm';
import { inputInjectedCheck } from './input-injected';
import { networkTunnelCheck } from './network-tunnel';
import { remotePortsCheck } from './remote-ports';
import { remoteSessionCheck } from './remote-session';
import { remoteToolsCheck } from './remote-tools';
import { runtimeTamperCheck } from './runtime-tamper';
import { usbIpKvmCheck } from './usb-ipkvm';

/** The checks HireProof runs, in the order they are shown. */
export const checks: readonly Check[] = [
  remoteToolsCheck,
  remoteSessionCheck,
  remotePortsCheck,
  displayIpKvmCheck,
  usbIpKvmCheck,
  inputInjectedCheck,
  cameraVirtualCheck,
  environmentVmCheck,
  networkTunnelCheck,
  runtimeTamperCheck,
  appIntegrityCheck,
];
